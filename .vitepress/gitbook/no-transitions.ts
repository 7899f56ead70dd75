// Three parts of VitePress's default theme wrap what they show in Vue's
// <Transition>: the backdrop, the menu screen of small screens and the
// « Sur cette page » dropdown. Their fade CSS is already gone (unused-css.ts
// cannot see the class names Vue builds at run time, `fade-enter-active`), so
// they never animated here; yet <Transition> alone pulls about 2 KB gzip of
// Vue into the framework chunk every page loads. Without the wrapper the
// element simply appears and disappears, as it did.
//
// The source of the pinned VitePress (1.6.4) is patched by exact strings: if
// an upgrade changes one, the build stops and names the file.
import type { Plugin } from 'vite'

type Patch = { file: string; edits: [from: string, to: string][] }

export const PATCHES: Patch[] = [
  {
    file: 'VPBackdrop.vue',
    edits: [
      ['<transition name="fade">', ''],
      ['</transition>', ''],
    ],
  },
  {
    // The screen locked the page's scroll on the transition's enter and
    // after-leave hooks: the element's own mounted/unmounted do it now.
    file: 'VPNavScreen.vue',
    edits: [
      ['<transition\n    name="fade"\n    @enter="isLocked = true"\n    @after-leave="isLocked = false"\n  >', ''],
      ['</transition>', ''],
      [
        '<div v-if="open" class="VPNavScreen" ref="screen" id="VPNavScreen">',
        '<div v-if="open" class="VPNavScreen" ref="screen" id="VPNavScreen" @vue:mounted="isLocked = true" @vue:unmounted="isLocked = false">',
      ],
    ],
  },
  {
    file: 'VPLocalNavOutlineDropdown.vue',
    edits: [
      ['<Transition name="flyout">', ''],
      ['</Transition>', ''],
    ],
  },
]

/** Apply `patch` to `code`; throws naming what is missing. */
export function applyPatch(code: string, patch: Patch): string {
  for (const [from, to] of patch.edits) {
    if (!code.includes(from)) {
      throw new Error(
        `no-transitions.ts: VitePress's ${patch.file} no longer contains ${JSON.stringify(from)}; ` +
          `update PATCHES in .vitepress/gitbook/no-transitions.ts for this VitePress version.`,
      )
    }
    code = code.replace(from, to)
  }
  return code
}

/** Vite plugin: the patched theme components, before the Vue compiler sees them. */
export function noTransitionsPlugin(): Plugin {
  return {
    name: 'gitbook:no-transitions',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('/vitepress/dist/client/theme-default/components/')) return null
      const file = id.split('?')[0].split('/').pop()
      const patch = PATCHES.find((p) => p.file === file)
      // Only the SFC itself: its ?vue&type=style parts hold no template.
      if (!patch || id.includes('?')) return null
      return applyPatch(code, patch)
    },
  }
}
