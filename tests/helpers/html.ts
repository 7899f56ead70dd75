// Reads built pages with a real HTML parser (linkedom), never with regexes.
import fs from 'node:fs'
import path from 'node:path'
import { parseHTML } from 'linkedom'

export function loadPage(dist: string, file: string) {
  const html = fs.readFileSync(path.join(dist, file), 'utf8')
  const { document } = parseHTML(html)
  return { html, document }
}

/** The page's content text (`.vp-doc`), NFC, whitespace collapsed. */
export function contentText(document: Document): string {
  const doc = document.querySelector('.vp-doc')
  return (doc?.textContent ?? '').normalize('NFC').replace(/\s+/g, ' ')
}

/**
 * The words an author wrote in a Markdown source: front matter, GitBook tag
 * lines, link destinations, HTML tags and Markdown punctuation left out.
 */
export function sourceWords(markdown: string): string[] {
  const body = markdown
    // Front matter (`---` or `---lang`) is the page's settings, not its text.
    .replace(/^---(?!-)[^\n]*\n[\s\S]*?\n---\n/, '')
    // GitBook shows a content-ref's link line as a card titled by the target page.
    .replace(/(\{%\s*(?:content-ref|page-ref)\b[^\n]*%\}\n)\[[^\]\n]*\]\([^)\n]*\)/g, '$1')
    .replace(/\{%[^\n]*?%\}/g, ' ')
    // Variables show their value, not their name.
    .replace(/<code class="expression">[^<]*<\/code>|\{\{\s*(?:(?:space|page)\.)?vars\.[\w.-]+\s*\}\}/g, ' ')
    // GitBook writes the target's file name as the text of page mentions and card
    // targets, and shows the target page's title instead: not words an author wrote.
    .replace(/\[[^\]\n]*\]\([^)\s]*\s+"mention"\)/g, ' ')
    .replace(/<a\b[^>]*\bhref="([^"]+)"[^>]*>\s*\1\s*<\/a>/g, ' ')
    // Rendered as a formula, an attribute or a checkbox, not as words: math, image alt text, task boxes.
    .replace(/\$\$[\s\S]*?\$\$/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/^(\s*[*+-]\s+)\[[ xX]\]/gm, '$1')
    .replace(/\]\([^)]*\)/g, '] ')
    .replace(/\[\^[^\]]*\]:?/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
  return [...body.normalize('NFC').matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0])
}

/** Source words missing from a built page's text. */
export function missingWords(markdown: string, document: Document): string[] {
  const text = contentText(document)
  return [...new Set(sourceWords(markdown))].filter((w) => !text.includes(w))
}
