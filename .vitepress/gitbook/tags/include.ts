// {% include "../../.gitbook/includes/x.md" %}: GitBook's reusable content,
// spliced at build time. The path is relative to the including file; the
// included Markdown is parsed as its own document (its `title:` front matter
// dropped) so that every message names the included file and its line, and its
// links resolve from where it lives. A file that includes itself, directly or
// not, is reported and not followed. The ID form
// `{% include "/reusable-content/rc123" %}` names content kept in GitBook's
// database: it cannot be resolved here, so a visible placeholder stands in.
import fs from 'node:fs'
import path from 'node:path'
import { blankFrontmatter, frontmatterProblem, readMatter } from '../matter'
import { relFile } from '../diagnostics'
import { type GitbookPageState, type MarkdownEnv, pageState, report } from '../env'
import { insideSpace } from '../resolve'
import { defineTag, escapeHtml } from '../tag/registry'
import { isSafeUrl } from '../url-policy'

function placeholder(what: string, ref: string): string {
  return (
    `<div class="gb-include-missing" role="note"><p><strong>${what}</strong> ` +
    `<code>${escapeHtml(ref)}</code></p></div>\n`
  )
}

/** Front matter stripped, with the number of lines it took (for line numbers). */
function includedBody(src: string): { body: string; offset: number; problem?: { message: string; hint: string } } {
  try {
    const body = readMatter(src).content
    const offset = src.endsWith(body) ? src.slice(0, src.length - body.length).split('\n').length - 1 : 0
    return { body, offset }
  } catch (e) {
    // Blank the block that cannot be read (same line count) so no later parser reads it again.
    return { body: blankFrontmatter(src), offset: 0, problem: frontmatterProblem(e) }
  }
}

export const include = defineTag({
  name: 'include',
  end: 'never',
  positional: true,
  args: { path: {}, src: {} },
  open({ md, meta, env, ctx, tokens, idx }) {
    const ref = (meta.positional[0] ?? meta.args.path ?? meta.args.src ?? '').trim()
    const line = tokens[idx].map?.[0] ?? 0
    const page = pageState(env, ctx)
    if (!ref) {
      report(env, ctx, line, 'warning', 'include-no-path', '{% include %} names no file', 'write {% include "../.gitbook/includes/x.md" %}')
      return placeholder('Contenu réutilisable non indiqué :', meta.source)
    }
    if (/^\/?reusable-content\//.test(ref) || !/\.md$/i.test(ref)) {
      report(env, ctx, line, 'warning', 'include-unresolvable',
        `{% include "${ref}" %} names reusable content kept by GitBook, not a file of the space`,
        'export it to .gitbook/includes/ and include that file; a placeholder is shown meanwhile')
      return placeholder('Contenu réutilisable non disponible sur ce site :', ref)
    }
    const from = page.absFile || path.join(ctx.space.root, page.file)
    const abs = path.resolve(path.dirname(from), ref)
    const rel = relFile(ctx.space.root, abs)
    if (fs.existsSync(abs) && !insideSpace(ctx.space, abs)) {
      report(env, ctx, line, 'warning', 'include-outside', `{% include %}: ${ref} is outside the space`,
        'include a file of the space (.gitbook/includes/); a placeholder is shown meanwhile')
      return placeholder('Contenu réutilisable hors de l’espace :', ref)
    }
    if (!fs.existsSync(abs) || !fs.statSync(abs).isFile()) {
      // An unsafe address was already said by the tag URL check (index.ts).
      if (isSafeUrl(ref)) report(env, ctx, line, 'warning', 'include-missing', `{% include %}: ${ref} does not exist`,
        'fix the path (it is relative to this file); a placeholder is shown meanwhile')
      return placeholder('Contenu réutilisable introuvable :', ref)
    }
    const stack: string[] = env.gitbookIncludeStack ?? [path.resolve(from)]
    if (stack.includes(abs)) {
      const chain = [...stack.slice(stack.indexOf(abs)), abs].map((f) => relFile(ctx.space.root, f)).join(' → ')
      report(env, ctx, line, 'error', 'include-cycle', `{% include %} makes a cycle: ${chain}`,
        'remove one of these includes; it is not followed')
      return placeholder('Inclusion circulaire ignorée :', ref)
    }
    const { body, offset, problem } = includedBody(fs.readFileSync(abs, 'utf8'))
    // Vite watches these files in dev and rebuilds the page when one changes.
    ;(env.includes as string[] | undefined)?.push(abs.split(path.sep).join('/'))
    const state: GitbookPageState = { ...page, file: rel, absFile: abs, lineOffset: offset }
    const sub: MarkdownEnv = { ...env, gitbook: state, gitbookIncludeStack: [...stack, abs] }
    if (problem) {
      report(sub, ctx, 0, 'warning', 'include-frontmatter', problem.message, problem.hint.replace('the page is built', 'the file is included'))
    }
    const html = md.renderer.render(md.parse(body, sub), md.options, sub)
    return `<div class="gb-include">\n${html}</div>\n`
  },
})
