// The checker: every page of a space rendered by the build's own markdown-it
// chain (`createMarkdownRenderer` with `markdownOptions`), so it reports
// exactly what the build reports — dead page links and anchors, missing images
// and files, SUMMARY.md and its files disagreeing, malformed tags, mojibake,
// empty annotations — without writing a site.
import fs from 'node:fs'
import path from 'node:path'
import matter from 'gray-matter'
import type MarkdownIt from 'markdown-it'
import type Token from 'markdown-it/lib/token.mjs'
import { type Diagnostic, DiagnosticSink, sortDiagnostics, uniqueDiagnostics } from './diagnostics'
import type { GitbookContext, MarkdownEnv } from './env'
import { markdownOptions } from './markdown'
import { loadSpace, type Space } from './space'
import { routeToTarget } from './urls'

export interface CheckResult {
  space: Space
  diagnostics: Diagnostic[]
  errors: number
}

/** Lines of front matter above the body (token maps count from the body). */
function frontMatterLines(src: string): number {
  try {
    const { content } = matter(src)
    return src.endsWith(content) ? src.slice(0, src.length - content.length).split('\n').length - 1 : 0
  } catch {
    return 0
  }
}

/**
 * `[^1]:` with no text. The annotations transform reports it in the build as
 * `annotation-empty`; this reads the same tokens for a chain that does not
 * (yet) have that diagnostic, so authors learn of it either way.
 */
export function emptyAnnotations(tokens: Token[]): { line: number; label: string }[] {
  const out: { line: number; label: string }[] = []
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    if (t.type === 'footnote_reference_open') {
      // markdown-it-footnote: the definition's blocks sit between open and close.
      let text = ''
      for (let j = i + 1; j < tokens.length && tokens[j].type !== 'footnote_reference_close'; j++) text += tokens[j].content
      if (!text.trim()) out.push({ line: t.map?.[0] ?? 0, label: String(t.meta?.label ?? t.meta?.id ?? '') })
    } else if (t.type === 'inline' && tokens[i - 1]?.type === 'paragraph_open') {
      // Without the footnote plugin the definition is a paragraph of its own.
      const m = /^\[\^([^\]\s]+)\]:\s*$/.exec(t.content)
      if (m) out.push({ line: t.map?.[0] ?? 0, label: m[1] })
    }
  }
  return out
}

/** Check a space folder; `fallbackUrl` as the build's `--fallback-url`. */
export async function checkSpace(src: string, options: { fallbackUrl?: string } = {}): Promise<CheckResult> {
  const space = loadSpace(path.resolve(src))
  const sink = new DiagnosticSink(() => {})
  for (const d of space.diagnostics) sink.add(d)
  const ctx: GitbookContext = { space, sink, linkedAssets: new Set(), fallbackUrl: options.fallbackUrl }
  const { createMarkdownRenderer } = await import('vitepress')
  const quietLogger = { warn: () => {} }
  const md = (await createMarkdownRenderer(space.root, markdownOptions(ctx), '/', quietLogger)) as unknown as MarkdownIt
  for (const page of [...space.pages.values()].sort((a, b) => a.file.localeCompare(b.file))) {
    const abs = path.join(space.root, page.file)
    const source = fs.readFileSync(abs, 'utf8')
    const env: MarkdownEnv = { path: abs, realPath: abs, relativePath: routeToTarget(page.route), cleanUrls: true, includes: [] }
    md.render(source, env)
    if (sink.all.some((d) => d.file === page.file && d.code === 'annotation-empty')) continue
    let body = source
    try {
      body = matter(source).content
    } catch {}
    const offset = frontMatterLines(source)
    for (const a of emptyAnnotations(md.parse(body, { realPath: abs, path: abs, gitbookQuiet: true }))) {
      sink.add({
        file: page.file,
        line: a.line + 1 + offset,
        column: 1,
        severity: 'warning',
        code: 'annotation-empty',
        message: `annotation [^${a.label}] has no text`,
        hint: `write its text after \`[^${a.label}]:\`, or remove it and its reference`,
      })
    }
  }
  const diagnostics = sortDiagnostics(uniqueDiagnostics(sink.all))
  return { space, diagnostics, errors: diagnostics.filter((d) => d.severity === 'error').length }
}
