// {% hint style="info|success|warning|danger" %}: a coloured callout with a
// per-style icon (or the one `icon` names); a heading as first block becomes
// its title (GitBook *Hints*), styled as such but kept a heading for the outline.
import { iconSvg } from '../icons'
import { authorIcon, markTitleHeading } from '../tag/helpers'
import { defineTag } from '../tag/registry'

const STYLES: Record<string, { label: string; icon: string }> = {
  info: { label: 'Information', icon: 'circle-info' },
  success: { label: 'Réussite', icon: 'circle-check' },
  warning: { label: 'Attention', icon: 'triangle-exclamation' },
  danger: { label: 'Danger', icon: 'circle-exclamation' },
}

export const hint = defineTag({
  name: 'hint',
  end: 'always',
  args: { style: { values: Object.keys(STYLES), fallback: 'info' }, icon: {} },
  open(a) {
    const { meta, tokens, idx } = a
    markTitleHeading(tokens, idx, 'gb-hint__title')
    const style = STYLES[meta.args.style] ? meta.args.style : 'info'
    const { label, icon } = STYLES[style]
    const svg = authorIcon(a, meta.args.icon) || iconSvg(icon) || ''
    return (
      `<div class="gb-hint gb-hint--${style}" role="note" aria-label="${label}">\n` +
      `<span class="gb-hint__icon">${svg}</span>\n<div class="gb-hint__body">\n`
    )
  },
  close() {
    return '</div>\n</div>\n'
  },
})
