// SUMMARY.md entries that link to a section of a page (`[T](page.md#section)`)
// are checked like links in pages: the anchor must be an id the page defines
// (headings.ts), else it is reported at SUMMARY.md:line:col; an old id form is
// published as the current id in the sidebar. A missing page is reported too.
import fs from 'node:fs'
import path from 'node:path'
import MarkdownIt from 'markdown-it'
import type { Diagnostic } from './diagnostics'
import type { GitbookContext } from './env'
import { pageAnchors } from './headings'
import { gitbookPlugin } from './index'
import { resolveHref } from './resolve'
import type { Space } from './space'
import type { SummaryEntry } from './summary'
import { deadAnchorMessage, resolveAnchor } from './transforms/anchor-check'
import { isSafeUrl } from './url-policy'
import { isExternal } from './urls'

export interface SummaryAnchors {
  diagnostics: Diagnostic[]
  /** SUMMARY href as written → the id its anchor lands on, when that differs from the hash. */
  ids: Map<string, string>
}

/**
 * A markdown-it with the GitBook rules, to read pages' ids before VitePress
 * makes its own instance (the sidebar is configuration, made first). Only the
 * ids are read from it, and GitBook rules make them all.
 */
export function idsParser(ctx: GitbookContext): MarkdownIt {
  const md = new MarkdownIt({ html: true, linkify: true })
  md.use(gitbookPlugin as never, ctx)
  return md
}

function* walk(entries: SummaryEntry[]): Generator<SummaryEntry> {
  for (const e of entries) {
    yield e
    yield* walk(e.children)
  }
}

/** Check every anchored SUMMARY entry of `space` against the ids `md` reads on its page. */
export function summaryAnchors(space: Space, md: MarkdownIt, ctx: GitbookContext): SummaryAnchors {
  const out: SummaryAnchors = { diagnostics: [], ids: new Map() }
  let lines: string[] | undefined
  for (const g of space.groups) {
    for (const e of walk(g.entries)) {
      if (!e.href.includes('#') || !isSafeUrl(e.href) || isExternal(e.href)) continue
      const r = resolveHref(space, space.summaryFile, e.href)
      const report = (code: string, message: string, hint: string) => {
        lines ??= fs.readFileSync(path.join(space.root, space.summaryFile), 'utf8').split('\n')
        const text = lines[e.line - 1] ?? ''
        const at = text.indexOf(`(${e.href}`)
        const column = Math.max(0, at < 0 ? text.indexOf('[') : text.lastIndexOf('[', at)) + 1
        out.diagnostics.push({ file: space.summaryFile, line: e.line, column, severity: 'warning', code, message, hint })
      }
      // The space loader checks entries without an anchor; this one has one.
      if (r.kind === 'missing') {
        report('summary-missing-file', `SUMMARY.md lists "${e.title}" as ${r.target}, which does not exist`, 'add the file or fix the entry; it is shown without a link meanwhile')
        continue
      }
      if (r.kind !== 'page' || !r.hash) continue
      const anchors = pageAnchors(md, ctx, r.file)
      if (!anchors) continue
      const id = resolveAnchor(anchors, r.hash)
      if (id === undefined) {
        const [message, hint] = deadAnchorMessage(r.hash, r.file)
        report('anchor-dead', `SUMMARY.md entry "${e.title}": ${message}`, hint)
      } else if (id !== r.hash) out.ids.set(e.href, id)
    }
  }
  return out
}
