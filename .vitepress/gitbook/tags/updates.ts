// {% updates format="full|short|numeric" %}{% update date="2025-12-25"
// tags="beta" %}## Titre …{% endupdate %}{% endupdates %}: a dated timeline
// (GitBook *Updates*), dates written in French; the update's first heading is
// its title; tags show their label and icon from `.gitbook/tags.yaml`.
// GitBook's RSS feed is not produced.
import fs from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { type GitbookContext, report } from '../env'
import { iconSvg } from '../icons'
import type { Space } from '../space'
import { childOpens, markTitleHeading } from '../tag/helpers'
import { defineTag, escapeHtml, metaOf, type TagMeta } from '../tag/registry'
import { outsideSpace } from '../gitbook-yaml'
import { insideDir } from '../resolve'

type UpdateMeta = TagMeta & { format?: string }

interface TagLabel {
  label: string
  icon?: string
}

const tagTables = new WeakMap<Space, Map<string, TagLabel>>()

/**
 * Labels and icons of update tags, from `.gitbook/tags.yaml` (`tag`, `label`,
 * `icon`; a list, or a map keyed by tag). Unknown or unreadable: the tag as written.
 */
function tagTable(ctx: GitbookContext): Map<string, TagLabel> {
  let table = tagTables.get(ctx.space)
  if (table) return table
  table = new Map()
  tagTables.set(ctx.space, table)
  for (const dir of new Set([ctx.space.root, ctx.space.dir])) {
    const file = path.join(dir, '.gitbook', 'tags.yaml')
    if (!fs.existsSync(file)) continue
    // A link to a file elsewhere on the machine would publish its values as labels.
    if (!insideDir(dir, file)) {
      ctx.sink?.add(outsideSpace('.gitbook/tags.yaml'))
      break
    }
    try {
      const data = parse(fs.readFileSync(file, 'utf8'))
      const list: any[] = Array.isArray(data) ? data : Array.isArray(data?.tags) ? data.tags
        : Object.entries(data ?? {}).map(([tag, v]) => ({ tag, ...(typeof v === 'object' ? v : { label: v }) }))
      for (const t of list) if (t?.tag) table.set(String(t.tag), { label: String(t.label ?? t.tag), icon: t.icon })
    } catch {
      // A broken tags file only loses the labels: tags show as written.
    }
    break
  }
  return table
}

const FORMATS: Record<string, Intl.DateTimeFormatOptions['dateStyle']> = { full: 'long', short: 'medium', numeric: 'short' }

/** `2025-12-25` → « 25 décembre 2025 » (full), « 25 déc. 2025 » (short), « 25/12/2025 » (numeric); « 1er mars 2025 ». */
export function frenchDate(iso: string, format = 'full'): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim())
  if (!m) return null
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]))
  if (d.getUTCMonth() !== +m[2] - 1) return null
  const text = new Intl.DateTimeFormat('fr-FR', { dateStyle: FORMATS[format] ?? 'long', timeZone: 'UTC' }).format(d)
  // French writes the first day of a month as an ordinal: « 1er janvier ».
  return format === 'numeric' ? text : text.replace(/^1 /, '1er ')
}

export const updates = defineTag({
  name: 'updates',
  end: 'always',
  args: { format: { values: Object.keys(FORMATS), fallback: 'full' } },
  open({ tokens, idx, meta }) {
    for (const t of childOpens(tokens, idx, 'gitbook_update_open')) (metaOf(t) as UpdateMeta).format = meta.args.format
    return '<ol class="gb-updates" aria-label="Mises à jour">\n'
  },
  close() {
    return '</ol>\n'
  },
})

export const update = defineTag({
  name: 'update',
  end: 'always',
  parent: 'updates',
  args: { date: {}, tags: {} },
  open({ tokens, idx, meta, env, ctx }) {
    const m = meta as UpdateMeta
    const labels = tagTable(ctx)
    markTitleHeading(tokens, idx, 'gb-update__title')
    const date = m.args.date ?? ''
    const shown = frenchDate(date, m.format)
    if (!shown) {
      report(env, ctx, tokens[idx].map?.[0] ?? 0, 'warning', 'update-bad-date',
        date ? `{% update %}: date="${date}" is not a date written YYYY-MM-DD` : '{% update %} has no date',
        'write date="2025-12-25"; it is shown as written meanwhile')
    }
    const time = shown ? `<time datetime="${escapeHtml(date)}">${escapeHtml(shown)}</time>` : `<span>${escapeHtml(date || 'Date non précisée')}</span>`
    const tags = (m.args.tags ?? '').split(',').map((t) => t.trim()).filter(Boolean)
    const tagHtml = tags
      .map((t) => {
        const known = labels.get(t)
        const icon = (known?.icon && iconSvg(known.icon)) || ''
        return ` <span class="gb-update__tag">${icon}${escapeHtml(known?.label ?? t)}</span>`
      })
      .join('')
    const tag = m.format ? 'li' : 'section'
    return `<${tag} class="gb-update">\n<p class="gb-update__date">${time}${tagHtml}</p>\n<div class="gb-update__body">\n`
  },
  close({ meta }) {
    return `</div>\n</${(meta as UpdateMeta).format ? 'li' : 'section'}>\n`
  },
})
