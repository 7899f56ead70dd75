// {% file src="../../.gitbook/assets/example (1).pdf" %} [caption…{% endfile %}]:
// a download link with the file's name, type and size, measured at build time
// and written in French units (« 12,3 Ko »); the file is copied with the site.
import fs from 'node:fs'
import path from 'node:path'
import { pageState, report } from '../env'
import { iconSvg } from '../icons'
import { resolveHref } from '../resolve'
import { linkOpenHtml } from '../tag/helpers'
import { defineTag, escapeHtml } from '../tag/registry'
import { publishedHref } from '../transforms/links'
import { safeDecode } from '../urls'
import { isSafeUrl } from '../url-policy'

const UNITS = ['octets', 'Ko', 'Mo', 'Go', 'To']

/** `12 634` → « 12,3 Ko »: binary multiples, as file managers show them. */
export function frenchSize(bytes: number): string {
  let n = bytes
  let u = 0
  while (n >= 1024 && u < UNITS.length - 1) {
    n /= 1024
    u++
  }
  const digits = u === 0 ? 0 : 1
  return `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: digits }).format(n)}\u00a0${u === 0 && n < 2 ? 'octet' : UNITS[u]}`
}

export const file = defineTag({
  name: 'file',
  end: 'optional',
  args: { src: {} },
  open(a) {
    const { meta, env, ctx, tokens, idx } = a
    const src = (meta.args.src ?? meta.positional[0] ?? '').trim()
    const line = tokens[idx].map?.[0] ?? 0
    const paired = tokens[idx].nesting === 1
    const name = safeDecode(path.posix.basename(src.replace(/[?#].*$/, ''))) || 'fichier'
    const ext = path.posix.extname(name).slice(1).toUpperCase()
    const r = src ? resolveHref(ctx.space, pageState(env, ctx).file, src) : null
    const icon = iconSvg('file-arrow-down') ?? ''
    let html: string
    if (r?.kind === 'asset') {
      const href = publishedHref(r, ctx)!
      const details = [ext, frenchSize(fs.statSync(r.abs).size)].filter(Boolean).join(', ')
      html =
        `<p class="gb-file">${linkOpenHtml(a.md, env, href, { class: 'gb-file__link', download: '' })}` +
        `<span class="gb-file__icon">${icon}</span>` +
        `<span class="gb-file__name">${escapeHtml(name)}</span>` +
        `<span class="gb-file__details">${escapeHtml(details)}</span></a></p>\n`
    } else if (r?.kind === 'external') {
      html =
        `<p class="gb-file">${linkOpenHtml(a.md, env, r.href, { class: 'gb-file__link' })}` +
        `<span class="gb-file__icon">${icon}</span><span class="gb-file__name">${escapeHtml(name)}</span></a></p>\n`
    } else {
      // An unsafe address was already said by the tag URL check (index.ts).
      if (r?.kind === 'missing' && r.script) {
        report(env, ctx, line, 'warning', 'file-missing', `{% file %}: ${src} is a JavaScript file: the site publishes no author script`,
          'show the code in a code block, or attach it in a .zip; its name is shown without a link')
      } else if (!src || isSafeUrl(src)) report(env, ctx, line, 'warning', 'file-missing',
        src ? `{% file %}: ${src} is not a file of this space` : '{% file %} has no src',
        'add the file to .gitbook/assets or fix the path; its name is shown without a link')
      html =
        `<p class="gb-file gb-file--missing"><span class="gb-file__icon">${icon}</span>` +
        `<span class="gb-file__name">${escapeHtml(name)}</span>` +
        '<span class="gb-file__details">fichier non disponible</span></p>\n'
    }
    return paired ? `<div class="gb-file-block">\n${html}<div class="gb-file__caption">\n` : html
  },
  close() {
    return '</div>\n</div>\n'
  },
})
