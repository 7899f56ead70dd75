// Parses the inside of a GitBook tag: `hint style="info"`, `include "path"`,
// `openapi src="x" path="/y" method="get"`, keeping the column of each problem.

export interface TagArgs {
  named: Record<string, string>
  /** Values written without a key: `{% include "../x.md" %}`. */
  positional: string[]
  errors: { column: number; message: string }[]
}

// Quotes GitBook writes, plus the curly ones a word processor leaves behind.
const OPEN_QUOTES: Record<string, string> = { '"': '"', "'": "'", '“': '”', '”': '”', '‘': '’' }

/**
 * `text` is what follows the tag name; `column0` is its 0-based column in the
 * line, so errors point at the character.
 */
export function parseArgs(text: string, column0 = 0): TagArgs {
  const out: TagArgs = { named: {}, positional: [], errors: [] }
  let i = 0
  const n = text.length
  const skipSpace = () => {
    while (i < n && /\s/.test(text[i])) i++
  }
  const readValue = (): string | null => {
    const q = text[i]
    if (q in OPEN_QUOTES) {
      const close = OPEN_QUOTES[q]
      const start = i
      i++
      let v = ''
      while (i < n && text[i] !== close && !(close === '”' && text[i] === '"')) {
        v += text[i]
        i++
      }
      if (i >= n) {
        out.errors.push({ column: column0 + start + 1, message: `unclosed quote ${q}` })
        return v
      }
      i++
      return v
    }
    const start = i
    while (i < n && !/\s/.test(text[i])) i++
    return i > start ? text.slice(start, i) : null
  }
  while (true) {
    skipSpace()
    if (i >= n) break
    const keyMatch = /^([A-Za-z_][\w.-]*)\s*=\s*/.exec(text.slice(i))
    if (keyMatch) {
      const key = keyMatch[1]
      i += keyMatch[0].length
      const v = readValue()
      if (v === null) out.errors.push({ column: column0 + i + 1, message: `attribute ${key} has no value` })
      else out.named[key] = v
      continue
    }
    const v = readValue()
    if (v !== null) out.positional.push(v)
  }
  return out
}
