// One page must never take the build down. When rendering a page throws, the
// page is still written: a short French notice naming the file and the line,
// then the page's source as plain text (the reader keeps every word), and the
// build goes on with a `render-crash` warning, which `npm run check` prints too.
import { escapeHtml } from './tag/registry'
import type { MarkdownEnv } from './env'

/**
 * The first line (0-based, in `src`) from which rendering throws: the shortest
 * prefix of the page that still throws ends there. Only run after a crash, so
 * the few extra renders (log2 of the line count) cost nothing otherwise.
 */
export function crashLine(src: string, attempt: (prefix: string) => void): number {
  const lines = src.split('\n')
  const throws = (n: number) => {
    try {
      attempt(lines.slice(0, n).join('\n'))
      return false
    } catch {
      return true
    }
  }
  if (!throws(lines.length)) return 0
  let lo = 1
  let hi = lines.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (throws(mid)) hi = mid
    else lo = mid + 1
  }
  return lo - 1
}

/** The first line of an exception's message, without the stack. */
export function errorSummary(e: unknown): string {
  const err = e instanceof Error ? e : new Error(String(e))
  return `${err.name}: ${err.message.split('\n')[0]}`.slice(0, 200)
}

/** What a page that could not be rendered shows: the notice, then its source as text. */
export function crashPage(file: string, line: number, source: string): string {
  // `v-pre`: whatever the source holds, Vue shows it as written.
  const text = escapeHtml(source).replace(/\{\{/g, '&#123;&#123;')
  return (
    `<div class="gb-render-error" role="alert"><p><strong>Cette page n’a pas pu être affichée entièrement.</strong> ` +
    `Une erreur est survenue en lisant <code>${escapeHtml(file)}</code>, ligne ${line} ; ` +
    `son texte est reproduit ci-dessous tel qu’il est écrit.</p></div>\n` +
    `<pre class="gb-render-source" v-pre>${text}</pre>\n`
  )
}

/**
 * Author `<script>` blocks that reached VitePress's page component (the HTML
 * sanitizer should have removed them): their code would run in Node during the
 * build and in every reader's browser. Dropped here as a last line of defence;
 * returns how many were dropped, and their text for the page.
 */
export function dropAuthorScripts(env: MarkdownEnv): string[] {
  const blocks = env.sfcBlocks as
    | { scripts: { content: string; contentStripped: string }[]; script: unknown; scriptSetup: unknown }
    | undefined
  if (!blocks?.scripts?.length) return []
  const dropped = blocks.scripts.map((b) => b.contentStripped ?? '')
  blocks.scripts = []
  blocks.script = null
  blocks.scriptSetup = null
  return dropped
}
