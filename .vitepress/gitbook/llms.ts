// llms.txt and llms-full.txt at the site root (https://llmstxt.org): the
// handbook's title, its description, then one `## Section` per SUMMARY.md
// group listing its pages in order as `- [Title](twin URL): description`.
// llms-full.txt holds the same pages' twins, one after the other. Hidden and
// noIndex pages are in neither: they are not meant to be found.
import fs from 'node:fs'
import path from 'node:path'
import { listedPages } from './reading-order'
import type { Space } from './space'
import { twinUrl, type TwinOptions } from './twins'

/** Section of the pages SUMMARY.md lists before its first `##` group (the home page, usually). */
export const FIRST_SECTION = 'Sommaire'
/** Section of the pages SUMMARY.md does not list, built at their file path. */
export const OTHER_SECTION = 'Hors sommaire'

export interface LlmsHeader {
  title: string
  description: string
}

/** Text on one line, with the brackets that would end a Markdown link text escaped. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim()
const linkText = (s: string) => oneLine(s).replace(/([\\[\]])/g, '\\$1')

function sections(space: Space) {
  const out = new Map<string, ReturnType<typeof listedPages>>()
  for (const p of listedPages(space)) {
    const name = p.page.inSummary || p.page.file === space.readmeFile ? p.group || FIRST_SECTION : OTHER_SECTION
    out.set(name, [...(out.get(name) ?? []), p])
  }
  return out
}

export function llmsTxt(space: Space, header: LlmsHeader, o: TwinOptions): string {
  const lines = [`# ${oneLine(header.title)}`, '', `> ${oneLine(header.description)}`]
  for (const [name, pages] of sections(space)) {
    lines.push('', `## ${oneLine(name)}`, '')
    for (const { page } of pages) {
      const description = typeof page.frontmatter.description === 'string' ? oneLine(page.frontmatter.description) : ''
      lines.push(`- [${linkText(page.navTitle || page.title)}](${twinUrl(page, o)})${description ? `: ${description}` : ''}`)
    }
  }
  return `${lines.join('\n')}\n`
}

/** Every listed page's twin, in the same order, each under a comment naming its URL. */
export function llmsFullTxt(space: Space, header: LlmsHeader, twins: Map<string, string>, o: TwinOptions): string {
  const parts = [`# ${oneLine(header.title)}\n\n> ${oneLine(header.description)}\n`]
  for (const pages of sections(space).values()) {
    for (const { page } of pages) {
      const twin = twins.get(page.file)
      if (twin !== undefined) parts.push(`<!-- ${twinUrl(page, o)} -->\n\n${twin.replace(/\s*$/, '\n')}`)
    }
  }
  return parts.join('\n')
}

export function writeLlms(outDir: string, space: Space, header: LlmsHeader, twins: Map<string, string>, o: TwinOptions): void {
  fs.writeFileSync(path.join(outDir, 'llms.txt'), llmsTxt(space, header, o))
  fs.writeFileSync(path.join(outDir, 'llms-full.txt'), llmsFullTxt(space, header, twins, o))
}
