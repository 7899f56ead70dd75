// {% content-ref url="../x.md" %}[x.md](../x.md){% endcontent-ref %} and the
// legacy {% page-ref page="x.md" %}: a card naming the target page by its title
// and front-matter icon (GitBook shows neither the file name nor the link), so
// the link line of the body is replaced by the card. A folder (`./`, `x/`)
// means its README. A target the space lacks: reported, the text kept, no link.
import { pageState, report } from '../env'
import { iconSvg } from '../icons'
import { resolveHref } from '../resolve'
import { hideTokens, linkOnlyParagraphs, linkOpenHtml } from '../tag/helpers'
import { defineTag, escapeHtml, type RenderArgs } from '../tag/registry'
import { publishedHref } from '../transforms/links'
import { isSafeUrl } from '../url-policy'

export const contentRef = defineTag(
  {
    name: 'content-ref',
    end: 'optional',
    args: { url: {}, page: {} },
    open(a) {
      const { tokens, idx, meta, env, ctx } = a
      const url = (meta.args.url ?? meta.args.page ?? meta.positional[0] ?? '').trim()
      const line = tokens[idx].map?.[0] ?? 0
      const paired = tokens[idx].nesting === 1
      const linkParas = paired ? linkOnlyParagraphs(tokens, idx) : []
      if (!url) {
        report(env, ctx, line, 'warning', 'content-ref-no-url', `{% ${meta.name} %} has no url`,
          'write {% content-ref url="page.md" %}; the content is shown as is')
        return paired ? WRAP : ''
      }
      const page = pageState(env, ctx)
      const r = resolveHref(ctx.space, page.file, url)
      const target = r.kind === 'page' ? ctx.space.pages.get(r.file) : undefined
      const href = publishedHref(r, ctx)
      if (!target || href === null) {
        // A body's own link is checked (and reported) by the link rule, an
        // unsafe address by the tag URL check (index.ts); say it once.
        if (!paired && isSafeUrl(url)) {
          report(env, ctx, line, 'warning', 'content-ref-missing',
            `{% ${meta.name} %} points to ${url}, which is not a page of this space`,
            'fix the url; the reference is shown as text meanwhile')
        }
        if (href !== null && r.kind !== 'page' && r.kind !== 'missing') {
          // An external address or a file: an ordinary card to it.
          for (const [i] of linkParas) hideTokens(tokens, i, i + 2)
          return (paired ? WRAP : '') + card(a, href, escapeHtml(url), iconSvg('arrow-up-right-from-square') ?? '')
        }
        // The body (its link already made plain text) is the only trace; alone, the url.
        return paired ? WRAP : `<p class="gb-unavailable">${escapeHtml(url)}<span class="gb-unavailable__note"> (page non disponible)</span></p>\n`
      }
      // The link line is the card; anything else the author wrote stays below it.
      for (const [i] of linkParas) hideTokens(tokens, i, i + 2)
      const icon = (target.frontmatter.icon && iconSvg(String(target.frontmatter.icon))) || iconSvg('file-lines', 'gb-icon') || ''
      return (paired ? WRAP : '') + card(a, href, escapeHtml(target.title), icon)
    },
    close() {
      return '</div>\n'
    },
  },
  'page-ref',
)

/** A paired tag's body may hold more than the link: kept, after the card. */
const WRAP = '<div class="gb-content-ref-block">\n'

function card(a: RenderArgs, href: string, title: string, icon: string): string {
  return (
    `<p class="gb-content-ref">${linkOpenHtml(a.md, a.env, href, { class: 'gb-content-ref__card' })}` +
    `<span class="gb-content-ref__icon">${icon}</span>` +
    `<span class="gb-content-ref__title">${title}</span>` +
    `<span class="gb-content-ref__arrow" aria-hidden="true">→</span></a></p>\n`
  )
}
