// Small edits to the source of VitePress's default theme (pinned at 1.6.4),
// made before the Vue compiler sees it, each to take something out of what
// every page downloads. Patched by exact strings: if an upgrade changes one,
// the build stops and names the file.
//
// 1. <Transition> around the backdrop, the menu screen of small screens and
//    the « Sur cette page » dropdown. Their fade CSS is already gone
//    (unused-css.ts cannot see the class names Vue builds at run time,
//    `fade-enter-active`), so they never animated here; yet <Transition>
//    alone pulls about 2 KB gzip of Vue into the framework chunk. Without the
//    wrapper the element simply appears and disappears, as it did.
// 2. The search box (loaded when the reader opens it) installs the French
//    search itself, so its code leaves the theme chunk every page loads; and
//    its input is bound by :value and @input instead of v-model, the only
//    v-model of the site, whose runtime helper lives in the shared framework
//    chunk.
// 3. The light/dark switch is named on the server too: VitePress fills its
//    title only once mounted, so the HTML had `title=""`, a control without
//    a name until the scripts run (and for readers without JavaScript). A
//    fixed name, « Thème sombre », with its aria-checked state is the ARIA
//    pattern for a switch; the changing title stays as a tooltip.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'

const SEARCH_CLIENT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'search-client.ts')

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
  {
    file: 'VPSwitchAppearance.vue',
    edits: [[':title="switchTitle"', ':title="switchTitle"\n    aria-label="Thème sombre"']],
  },
  {
    file: 'VPLocalSearchBox.vue',
    edits: [
      ['<script lang="ts" setup>\n', `<script lang="ts" setup>\nimport { installFrenchSearch } from ${JSON.stringify(SEARCH_CLIENT)}\n`],
      // Before the index is loaded with the options it sets.
      ['const { localeIndex, theme } = vitePressData\n', 'const { localeIndex, theme } = vitePressData\ninstallFrenchSearch(theme.value)\n'],
      ['v-model="filterText"', ':value="filterText"\n            @input="filterText = ($event.target as HTMLInputElement).value"'],
    ],
  },
]

/** Apply `patch` to `code`; throws naming what is missing. */
export function applyPatch(code: string, patch: Patch): string {
  for (const [from, to] of patch.edits) {
    if (!code.includes(from)) {
      throw new Error(
        `theme-patches.ts: VitePress's ${patch.file} no longer contains ${JSON.stringify(from)}; ` +
          `update PATCHES in .vitepress/gitbook/theme-patches.ts for this VitePress version.`,
      )
    }
    code = code.replace(from, to)
  }
  return code
}

/** Vite plugin: the patched theme components, before the Vue compiler sees them. */
export function themePatchesPlugin(): Plugin {
  return {
    name: 'gitbook:theme-patches',
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
