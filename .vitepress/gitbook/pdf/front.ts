// The PDF's own pages, as HTML for Chromium to print like the others: the
// cover (handbook title, publisher, date) and the table of contents, its page
// numbers those of the merged file. Marianne from the build when it has it.
import fs from 'node:fs'
import path from 'node:path'
import { escapeHtml } from '../tag/registry'

export interface FrontStyle {
  /** URLs of Marianne Regular and Bold in the served build, when present. */
  regular?: string
  bold?: string
}

/** Marianne's files in a build's assets (hashed names), as URLs under `base`. */
export function buildFonts(dist: string, base: string): FrontStyle {
  const assets = path.join(dist, 'assets')
  const files = fs.existsSync(assets) ? fs.readdirSync(assets) : []
  const find = (stem: string) => {
    const f = files.find((n) => n.startsWith(`${stem}.`) && n.endsWith('.woff2'))
    return f && `${base}assets/${f}`
  }
  return { regular: find('Marianne-Regular'), bold: find('Marianne-Bold') }
}

function page(title: string, style: FrontStyle, css: string, body: string): string {
  const face = (url: string | undefined, weight: number) =>
    url ? `@font-face{font-family:Marianne;src:url(${url}) format('woff2');font-weight:${weight}}` : ''
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>
${face(style.regular, 400)}${face(style.bold, 700)}
body{margin:0;font-family:Marianne,Arial,sans-serif;color:#161616}
${css}</style></head><body>${body}</body></html>`
}

export function coverHtml(o: { title: string; publisher: string; date: Date; style: FrontStyle }): string {
  // « 1er décembre », as French writes the first of the month.
  const date = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(o.date).replace(/^1 /, '1er ')
  return page(
    o.title,
    o.style,
    `.cover{height:250mm;display:flex;flex-direction:column;justify-content:center;border-left:8mm solid #000091;padding-left:14mm}
h1{font-size:34pt;margin:0 0 8mm}p{font-size:14pt;margin:0 0 4mm}.date{color:#3a3a3a}`,
    `<div class="cover"><h1>${escapeHtml(o.title)}</h1><p>${escapeHtml(o.publisher)}</p><p class="date">Édition du ${escapeHtml(date)}</p></div>`,
  )
}

export interface ContentsLine {
  title: string
  depth: number
  /** Page number in the merged file. */
  page: number
  /** Address of the page on the local server: Chromium writes it as a link the assembly makes internal. */
  href: string
}

export function contentsHtml(o: { title: string; lines: ContentsLine[]; style: FrontStyle }): string {
  const items = o.lines
    .map(
      (l) =>
        `<li class="d${Math.min(l.depth, 4)}"><a href="${escapeHtml(l.href)}"><span class="t">${escapeHtml(l.title)}</span>` +
        `<span class="dots"></span><span class="n">${l.page}</span></a></li>`,
    )
    .join('\n')
  return page(
    `${o.title} — Sommaire`,
    o.style,
    `h1{font-size:22pt;margin:0 0 8mm}ol{list-style:none;margin:0;padding:0}
li{margin:0 0 2mm;break-inside:avoid}li.d0{font-weight:700;margin-top:5mm}
li.d1{padding-left:6mm}li.d2{padding-left:12mm}li.d3{padding-left:18mm}li.d4{padding-left:24mm}
a{display:flex;gap:2mm;color:inherit;text-decoration:none}.dots{flex:1;border-bottom:1px dotted #929292;margin-bottom:1.2mm}
.n{font-variant-numeric:tabular-nums}`,
    `<h1>Sommaire</h1><ol>${items}</ol>`,
  )
}
