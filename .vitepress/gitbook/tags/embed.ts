// {% embed url="…" %} [caption…{% endembed %}]: GitBook shows an iframe or a
// rich preview, which would load a third-party page in the reader's browser.
// Here: a link card naming the site, the address and the caption; nothing is
// requested until the reader follows the link.
import { report } from '../env'
import { isSafeUrl } from '../url-policy'
import { iconSvg } from '../icons'
import { linkOpenHtml } from '../tag/helpers'
import { defineTag, escapeHtml } from '../tag/registry'

/** What the link leads to, in French, for the sites GitBook embeds most. */
function kindOf(host: string, pathname: string): string {
  if (/(^|\.)youtube\.com$|(^|\.)youtu\.be$|(^|\.)vimeo\.com$|(^|\.)dailymotion\.com$/.test(host) || /\.(mp4|webm)$/i.test(pathname)) return 'Vidéo'
  if (/(^|\.)spotify\.com$|(^|\.)soundcloud\.com$/.test(host)) return 'Audio'
  if (/(^|\.)codepen\.io$|(^|\.)codesandbox\.io$/.test(host)) return 'Exemple de code'
  if (/(^|\.)github\.com$|(^|\.)gitlab\.com$/.test(host)) return 'Dépôt de code'
  if (/(^|\.)figma\.com$/.test(host)) return 'Maquette'
  return 'Contenu externe'
}

export const embed = defineTag({
  name: 'embed',
  end: 'optional',
  args: { url: {} },
  open(a) {
    const { meta, env, ctx, tokens, idx } = a
    // GitBook exports `#` as `\#` in these urls.
    const raw = (meta.args.url ?? meta.positional[0] ?? '').trim().replace(/\\#/g, '#')
    const paired = tokens[idx].nesting === 1
    let url: URL | null = null
    try {
      url = raw ? new URL(raw) : null
    } catch {
      url = null
    }
    let html: string
    if (!url || !/^https?:$/.test(url.protocol)) {
      // An unsafe address was already said by the tag URL check (index.ts).
      if (!raw || isSafeUrl(raw)) report(env, ctx, tokens[idx].map?.[0] ?? 0, 'warning', 'embed-bad-url',
        raw ? `{% embed %}: url="${raw}" is not a web address` : '{% embed %} has no url',
        'write the full address, https://…; it is shown as text meanwhile')
      html = `<p class="gb-embed gb-embed--invalid">${escapeHtml(raw || 'Contenu intégré sans adresse')}</p>\n`
    } else {
      const host = url.hostname.replace(/^www\./, '')
      const icon = iconSvg('arrow-up-right-from-square') ?? ''
      html =
        `<p class="gb-embed">${linkOpenHtml(a.md, env, url.href, { class: 'gb-embed__card' })}` +
        `<span class="gb-embed__kind">${kindOf(host, url.pathname)} · ${escapeHtml(host)}</span>` +
        `<span class="gb-embed__url">${escapeHtml(raw)}</span>` +
        `<span class="gb-embed__icon">${icon}</span></a></p>\n`
    }
    return paired ? `<div class="gb-embed-block">\n${html}<div class="gb-embed__caption">\n` : html
  },
  close() {
    return '</div>\n</div>\n'
  },
})
