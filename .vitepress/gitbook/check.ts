// The checker: every page of a space rendered by the build's own markdown-it
// chain (`createMarkdownRenderer` with `markdownOptions`), so it reports
// exactly what the build reports — dead page links and anchors, missing images
// and files, SUMMARY.md and its files disagreeing, malformed tags, mojibake,
// empty annotations — without writing a site.
import fs from 'node:fs'
import path from 'node:path'
import type MarkdownIt from 'markdown-it'
import { type Diagnostic, DiagnosticSink, sortDiagnostics, uniqueDiagnostics } from './diagnostics'
import type { GitbookContext, MarkdownEnv } from './env'
import { spaceHistory, type SpaceHistory } from './history'
import { markdownOptions } from './markdown'
import { loadSpace, type Space } from './space'
import { summaryAnchors, idsParser } from './summary-anchors'
import { routeToTarget } from './urls'

export interface CheckResult {
  space: Space
  diagnostics: Diagnostic[]
  errors: number
  /** With `history`: the walk through the space's git history. */
  history?: SpaceHistory
}

/**
 * Check a space folder; `fallbackUrl` as the build's `--fallback-url`;
 * `history`: also list the routes of pages deleted without successor.
 */
export async function checkSpace(src: string, options: { fallbackUrl?: string; history?: boolean } = {}): Promise<CheckResult> {
  const space = loadSpace(path.resolve(src))
  const sink = new DiagnosticSink(() => {})
  for (const d of space.diagnostics) sink.add(d)
  const history = options.history ? spaceHistory(space, 'on') : undefined
  for (const d of history ? deletedRouteDiagnostics(history) : []) sink.add(d)
  const ctx: GitbookContext = { space, sink, linkedAssets: new Set(), fallbackUrl: options.fallbackUrl }
  const { createMarkdownRenderer } = await import('vitepress')
  const quietLogger = { warn: () => {} }
  const md = (await createMarkdownRenderer(space.root, markdownOptions(ctx), '/', quietLogger)) as unknown as MarkdownIt
  // The build reads them with the same parser, before VitePress's exists.
  for (const d of summaryAnchors(space, idsParser(ctx), ctx).diagnostics) sink.add(d)
  for (const page of [...space.pages.values()].sort((a, b) => a.file.localeCompare(b.file))) {
    const abs = path.join(space.root, page.file)
    const source = fs.readFileSync(abs, 'utf8')
    const env: MarkdownEnv = { path: abs, realPath: abs, relativePath: routeToTarget(page.route), cleanUrls: true, includes: [] }
    md.render(source, env)
  }
  const diagnostics = sortDiagnostics(uniqueDiagnostics(sink.all))
  return { space, diagnostics, errors: diagnostics.filter((d) => d.severity === 'error').length, history }
}

/**
 * One warning per route whose page was deleted without successor: links to
 * it now end on the 404 page. The fix is a `.gitbook.yaml` redirect, so the
 * message points there.
 */
function deletedRouteDiagnostics(history: SpaceHistory): Diagnostic[] {
  return history.deleted.map((d) => {
    const c = d.lastCommit
    const date = new Date(c.time * 1000).toISOString().slice(0, 10)
    return {
      file: '.gitbook.yaml',
      line: 1,
      severity: 'warning',
      code: 'history-deleted-page',
      message: `/${d.route} was published from ${d.path} until commit ${c.hash.slice(0, 12)} (${date}, "${c.subject.slice(0, 80)}"); the page was deleted without successor, so old links to it end on the 404 page`,
      hint: `if another page replaces it, add \`${d.route.replace(/\/$/, '')}: <page>.md\` under redirects: in .gitbook.yaml`,
    }
  })
}
