// Mojibake: UTF-8 text that was once decoded with a legacy single-byte code page
// and saved again as UTF-8 (`m√©tier` for `métier`, `mÃ©tier` for `métier`).
// Encoding the text back to that code page gives the original UTF-8 bytes.
import iconv from 'iconv-lite'

/** The code pages GitBook exports have been seen misread as, most likely first. */
export const MOJIBAKE_CODECS = ['macintosh', 'win1252'] as const
export type MojibakeCodec = (typeof MOJIBAKE_CODECS)[number]

/**
 * Re-read `text` as UTF-8 bytes written in `codec`. Returns the repaired text,
 * or null when the text cannot be mojibake of that kind: a character the code
 * page cannot hold, bytes that are not valid UTF-8, or nothing that changes.
 */
export function repairWith(text: string, codec: MojibakeCodec): string | null {
  if (!/[^\x00-\x7f]/.test(text)) return null
  const bytes = encodeExactly(text, codec)
  if (!bytes) return null
  let repaired: string
  try {
    repaired = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null // clean accented text is never valid UTF-8 once re-encoded
  }
  if (repaired === text || !plausible(repaired)) return null
  return repaired
}

/**
 * Apple's later Mac OS Roman has the Apple logo (U+F8FF) at 0xF0 and the euro
 * sign at 0xDB; iconv-lite's table predates both. 0xF0 starts every 4-byte
 * UTF-8 sequence, so every emoji in a Mac-misread page goes through it.
 */
const MAC_ROMAN_LATER: Record<string, number> = { '\uf8ff': 0xf0, '\u20ac': 0xdb }

/** The bytes of `text` in `codec`, or null when a character has no byte there. */
function encodeExactly(text: string, codec: MojibakeCodec): Buffer | null {
  const extra = codec === 'macintosh' ? MAC_ROMAN_LATER : {}
  const parts: Buffer[] = []
  for (const piece of text.split(/([\uf8ff\u20ac])/)) {
    if (piece in extra) {
      parts.push(Buffer.from([extra[piece]]))
      continue
    }
    const bytes = iconv.encode(piece, codec)
    // A character outside the code page (an emoji in a clean page) cannot come
    // from such a misreading: the round trip would change it.
    if (iconv.decode(bytes, codec) !== piece) return null
    parts.push(bytes)
  }
  return Buffer.concat(parts)
}

/**
 * A repair must give text a French handbook could hold: letters from Latin-1
 * and Latin Extended-A (é, œ, ł…), any punctuation, symbol, emoji or mark.
 * Without this, clean `l’équipe` reads as valid UTF-8 through Mac OS Roman
 * (`’é` is the byte pair D5 8E, an Armenian letter), and `«é` as `ǎ`.
 */
function plausible(text: string): boolean {
  for (const ch of text) {
    if (ch < '\u0080' || !/\p{L}/u.test(ch)) continue
    if (ch < '\u00c0' || ch > '\u017f') return false
  }
  return true
}

export interface Repair {
  text: string
  codec: MojibakeCodec
}

/** Combining marks left after NFC: real accents compose, accidental ones do not. */
function strayMarks(text: string): number {
  return text.normalize('NFC').match(/\p{M}/gu)?.length ?? 0
}

/**
 * Repair a whole page when it is mojibake; null when it is clean. When both
 * code pages give valid UTF-8 (`AccÃ¨s` is also valid through Mac OS Roman,
 * as `Acc` + a combining caron), the reading with fewer stray accents wins.
 */
export function repairMojibake(text: string): Repair | null {
  let best: Repair | null = null
  for (const codec of MOJIBAKE_CODECS) {
    const repaired = repairWith(text, codec)
    if (repaired === null) continue
    if (!best || strayMarks(repaired) < strayMarks(best.text)) best = { text: repaired, codec }
  }
  return best
}

/**
 * 1-based line numbers that still look like mojibake: lines holding a run of
 * non-ASCII characters that the same repair would change. Runs, not whole
 * lines, so a line edited by hand after the misreading is still caught.
 */
export function mojibakeLines(text: string): number[] {
  const lines: number[] = []
  text.split('\n').forEach((line, i) => {
    // Two characters at least: one non-ASCII character is one byte of the
    // code page, 0x80 or above, which alone is never UTF-8. Most runs of a
    // French page are one letter (the `é` of `métier`), and each repair
    // attempt encodes and decodes twice.
    const runs = line.match(/[^\x00-\x7f]{2,}/g) ?? []
    if (runs.some((run) => repairMojibake(run))) lines.push(i + 1)
  })
  return lines
}
