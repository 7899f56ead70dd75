// axe-core run straight in the page, for the accessibility checks of the
// browser tests. @axe-core/playwright's AxeBuilder injects axe again in every
// frame and opens an extra page for its `finishRun`: ~3.4 s a page, against
// ~0.65 s here. Our pages have no iframes, so nothing is lost.
import axe from 'axe-core'
import type { BrowserContext, Page } from 'playwright-core'

/** The rules the tests hold pages to: WCAG 2.0 and 2.1, levels A and AA, every impact. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/**
 * Load axe in every page the context opens from now on. An init script is
 * given to Chromium by the DevTools protocol, so the site's CSP cannot block it.
 */
export async function prepareAxe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: axe.source })
}

export interface AxeOptions {
  /** Only the elements matching this selector (default: the whole page). */
  include?: string
  /** axe's whole default rule set, best practices included, instead of WCAG_TAGS. */
  everyRule?: boolean
}

type Found = { id: string; impact: string | null; targets: string[] }

/**
 * The violations of the WCAG 2.1 A/AA rules in the page once its running
 * transitions end, one readable line each: `id (impact) target, target`.
 * Empty when it passes.
 */
export async function axeViolations(page: Page, options: AxeOptions = {}): Promise<string[]> {
  // The page as readers use it: hydrated (`networkidle` can come first on a
  // loaded machine, and the sidebar is replaced at hydration). Pages without
  // a VitePress app (#app) are taken as they are.
  await page.waitForFunction(() => {
    const app = document.getElementById('app')
    return !app || '__vue_app__' in app
  })
  const found = await page.evaluate(
    async ({ include, tags }) => {
      const w = window as unknown as { axe?: typeof axe }
      if (!w.axe) return null
      // Colours read mid-transition are neither theme's: a test that just
      // switched to dark (VitePress fades colours for 0.25–0.5 s) would get
      // contrast failures of its own making. Infinite animations never end.
      await Promise.all(
        document
          .getAnimations()
          .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
          .map((a) => a.finished.catch(() => {})),
      )
      const result = await w.axe.run(include ? { include: [include] } : document, {
        ...(tags ? { runOnly: { type: 'tag' as const, values: tags } } : {}),
        resultTypes: ['violations'],
      })
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        targets: v.nodes.map((n) => n.target.join(' ')),
      }))
    },
    { include: options.include, tags: options.everyRule ? null : WCAG_TAGS },
  )
  if (found === null) {
    throw new Error(`axe is not loaded in ${page.url()}: call prepareAxe(context) (tests/helpers/axe.ts) before opening the page`)
  }
  return found.map((v: Found) => `${v.id} (${v.impact}) ${v.targets.join(', ')}`)
}
