// What a fuzzed build must show: no crash, no raw `{%` where a tag parsed, every
// word kept, no author code run in Node. Each problem names the page, the page
// it was made from and its mutations, so it can be rebuilt from the seed.
import fs from 'node:fs'
import path from 'node:path'
import { loadSpace } from '../../.vitepress/gitbook/space'
import { routeToHtml } from '../../.vitepress/gitbook/urls'
import type { BuildResult } from '../helpers/build'
import { loadPage, missingWords } from '../helpers/html'
import type { FuzzSpace } from './space'

export interface FuzzProblem {
  check: 'crash' | 'page-missing' | 'raw-tag' | 'words' | 'node-code-ran'
  file?: string
  detail: string
  /** The check needs the HTML sanitizer (attacker pages). */
  attack?: boolean
}

/** A Node stack frame in the build's output: what a crash prints. */
const STACK = /\n\s+at .+(:\d+:\d+\)?|\(native\))\n/

/**
 * Did the build survive? Exit 0, or exit 1 after writing the site because a
 * page has a structure error (an unclosed tag is one, by design): anything
 * else, or a stack trace, is a crash.
 */
export function crashed(result: BuildResult): string | undefined {
  if (STACK.test(result.log)) return `stack trace in the build log:\n${result.log.slice(Math.max(0, result.log.search(STACK) - 800), result.log.search(STACK) + 800)}`
  if (result.status === 0) return undefined
  if (result.status === 1 && /GitBook: the build fails on \d+ error\(s\)/.test(result.log)) return undefined
  return `exit code ${result.status}:\n${result.log.slice(-2000)}`
}

/** The source as the reader should see its words: decoded, without BOM, CR or HTML comments. */
export function readableSource(bytes: Buffer): string {
  return bytes
    .toString('utf8')
    .replace(/^\ufeff/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/<!--[\s\S]*?(-->|$)/g, ' ')
    // Entities show as their character: `&quot;` is not the word "quot".
    .replace(/&(quot|amp|lt|gt|apos|nbsp|#\d+|#x[0-9a-f]+);/gi, ' ')
}

/**
 * Well-formed tag lines of the source (`{% name … %}` alone on its line, as
 * GitBook writes them) that the page shows as text outside code. A tag cut by
 * a mutation is prose, and may show; code blocks show tags on purpose.
 */
export function rawTags(source: string, document: Document): string[] {
  const doc = document.querySelector('.vp-doc')?.cloneNode(true) as Element | undefined
  if (!doc) return []
  for (const code of doc.querySelectorAll('pre, code')) code.remove()
  const text = (doc.textContent ?? '').replace(/\s+/g, ' ')
  const lines = source.split('\n').map((l) => l.trim()).filter((l) => /^\{%[ \t]*(end)?[a-z][\w-]*([ \t][^\n]*?)?[ \t]*%\}$/.test(l))
  return [...new Set(lines)].filter((l) => text.includes(l.replace(/\s+/g, ' ')))
}

export function checkFuzzBuild(fuzz: FuzzSpace, out: string, result: BuildResult): FuzzProblem[] {
  const problems: FuzzProblem[] = []
  const crash = crashed(result)
  if (crash) problems.push({ check: 'crash', detail: crash })
  if (fs.existsSync(fuzz.marker)) problems.push({ check: 'node-code-ran', detail: `${fuzz.marker} was written during the build` })
  const space = loadSpace(fuzz.dir)
  for (const p of fuzz.pages) {
    const info = space.pages.get(p.file)
    const what = `${p.file} (from ${p.from}, ${p.mutations.join(' + ')})`
    const html = info && routeToHtml(info.route)
    if (!html || !fs.existsSync(path.join(out, html))) {
      problems.push({ check: 'page-missing', file: p.file, detail: `${what}: no page at ${html}` })
      continue
    }
    const { document } = loadPage(out, html)
    const source = readableSource(fs.readFileSync(path.join(fuzz.dir, p.file)))
    const raw = rawTags(source, document)
    // A tag left as text is fine only where the build said why.
    if (raw.length && !result.log.includes(`${p.file}:`)) {
      problems.push({ check: 'raw-tag', file: p.file, detail: `${what}: shown as text, with no message: ${raw.slice(0, 3).join(' | ')}` })
    }
    const missing = missingWords(source, document)
    if (missing.length) {
      problems.push({ check: 'words', file: p.file, attack: p.attack, detail: `${what}: ${missing.length} word(s) lost: ${missing.slice(0, 12).join(' ')}` })
    }
  }
  return problems
}
