// Mutations of a Markdown page, each a small named function of the source and
// the generator. A mutation returns text; `invalid-utf8` alone works on bytes.
import type { Rng } from './prng'
import { attacks } from './attacks'

export interface MutationContext {
  rng: Rng
  /** Marker file the attack payloads would write from Node. */
  marker: string
}

export interface Mutation {
  name: string
  /** Whether the mutation inserts attacker HTML (checks that need the sanitizer). */
  attack?: boolean
  /** Text mutation. */
  text?: (src: string, ctx: MutationContext) => string
  /** Byte mutation, applied when the page is written. */
  bytes?: (src: Buffer, ctx: MutationContext) => Buffer
}

/** Offsets of GitBook tags and HTML tags in a source. */
function tagSpans(src: string): [number, number][] {
  return [...src.matchAll(/\{%[^\n]*?%\}|<\/?[a-zA-Z][^<>\n]*>/g)].map((m) => [m.index!, m.index! + m[0].length])
}

const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'écho', 'fraise', 'guépard', 'hôtel']
/** Recognisable words around inserted constructs, checked by word conservation. */
const prose = (rng: Rng) => `${rng.pick(WORDS)}${rng.int(1000)} ${rng.pick(WORDS)}${rng.int(1000)}`

export const MUTATIONS: Mutation[] = [
  {
    name: 'cut-tag',
    text(src, { rng }) {
      const spans = tagSpans(src)
      if (!spans.length) return `${src}\n{% hint style="info"\n${prose(rng)}\n`
      const [a, b] = rng.pick(spans)
      const cut = a + 1 + rng.int(Math.max(1, b - a - 1))
      return src.slice(0, cut) + src.slice(b)
    },
  },
  {
    name: 'duplicate-end-tag',
    text(src, { rng }) {
      const ends = [...src.matchAll(/\{%\s*end\w+\s*%\}|<\/[a-zA-Z][\w-]*>/g)]
      if (!ends.length) return `${src}\n{% endhint %}\n</div>\n`
      const m = rng.pick(ends)
      const at = m.index! + m[0].length
      return `${src.slice(0, at)}\n${m[0]}\n${src.slice(at)}`
    },
  },
  {
    name: 'shuffle-lines',
    text(src, { rng }) {
      const lines = src.split('\n')
      const start = rng.int(lines.length)
      const end = Math.min(lines.length, start + 2 + rng.int(30))
      return [...lines.slice(0, start), ...rng.shuffle(lines.slice(start, end)), ...lines.slice(end)].join('\n')
    },
  },
  {
    name: 'control-chars',
    text(src, { rng }) {
      const chars = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085', '\u2028', '\u2029', '\ufffe', '\ufeff', '\u200b', '\ud800', '\r']
      let out = src
      for (let i = 0; i < 20; i++) {
        const at = rng.int(out.length + 1)
        out = out.slice(0, at) + rng.pick(chars) + out.slice(at)
      }
      return out
    },
  },
  {
    name: 'random-bytes',
    bytes(src, { rng }) {
      const parts: Buffer[] = []
      let last = 0
      const cuts = Array.from({ length: 12 }, () => rng.int(src.length + 1)).sort((a, b) => a - b)
      for (const c of cuts) {
        parts.push(src.subarray(last, c), Buffer.from(Array.from({ length: 1 + rng.int(6) }, () => rng.int(256))))
        last = c
      }
      parts.push(src.subarray(last))
      return Buffer.concat(parts)
    },
  },
  {
    name: 'invalid-utf8',
    bytes(src, { rng }) {
      // Lone continuation bytes, truncated sequences, overlong forms, 0xFF.
      const bad = [[0x80], [0xc3], [0xc3, 0x28], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xc0, 0xaf], [0xff], [0xed, 0xa0, 0x80]]
      const parts: Buffer[] = []
      let last = 0
      const cuts = Array.from({ length: 8 }, () => rng.int(src.length + 1)).sort((a, b) => a - b)
      for (const c of cuts) {
        parts.push(src.subarray(last, c), Buffer.from(rng.pick(bad)))
        last = c
      }
      parts.push(src.subarray(last))
      return Buffer.concat(parts)
    },
  },
  { name: 'bom-crlf', text: (src) => `\ufeff${src.replace(/\r?\n/g, '\r\n')}` },
  {
    name: 'nest-500',
    text(src, { rng }) {
      const n = 500
      const kind = rng.int(5)
      const word = prose(rng)
      let block: string
      if (kind === 0) block = `${'> '.repeat(n)}${word}`
      else if (kind === 1) block = Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- ${i === n - 1 ? word : 'niveau'}`).join('\n')
      else if (kind === 2) block = `${'<div>'.repeat(n)}\n\n${word}\n\n${'</div>'.repeat(n)}`
      else if (kind === 3) block = `${'{% hint style="info" %}\n'.repeat(n)}${word}\n${'{% endhint %}\n'.repeat(n)}`
      else block = `${'*'.repeat(n)}${word}${'*'.repeat(n)} ${'['.repeat(n)}${word}${']'.repeat(n)}`
      return `${src}\n\n${block}\n`
    },
  },
  {
    name: 'attack',
    attack: true,
    text(src, { rng, marker }) {
      const all = attacks(marker)
      const lines = src.split('\n')
      for (let i = 0; i < 3; i++) {
        const at = rng.int(lines.length + 1)
        // Surrounded by blank lines, so it is block HTML, not swallowed by a table or a fence.
        lines.splice(at, 0, '', `${prose(rng)}`, '', rng.pick(all).markdown, '', `${prose(rng)}`, '')
      }
      return lines.join('\n')
    },
  },
]

/** Every attack, each once, in one page: the fixed set covers every class. */
export function allAttacksPage(marker: string): string {
  return `# Toutes les attaques\n\n${attacks(marker).map((a) => `## ${a.kind}\n\nAvant ${a.kind.replace(/-/g, '')}.\n\n${a.markdown}\n\nAprès ${a.kind.replace(/-/g, '')}.\n`).join('\n')}`
}

/** A page of about `bytes` bytes: the source repeated. */
export function bigPage(src: string, bytes = 2 * 1024 * 1024): string {
  const parts = [src]
  let size = Buffer.byteLength(src)
  while (size < bytes) {
    parts.push(src)
    size += Buffer.byteLength(src)
  }
  return parts.join('\n\n')
}
