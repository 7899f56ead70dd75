// One shape for every problem the build or the checker finds, and one way to print it.
import path from 'node:path'

export type Severity = 'error' | 'warning'

export interface Diagnostic {
  /** Path of the source file, relative to the space root. */
  file: string
  /** 1-based line in the original file (front matter included). */
  line: number
  /** 1-based column, 1 when unknown. */
  column?: number
  severity: Severity
  /** Stable machine name, e.g. `tag-unclosed`, `link-dead`. */
  code: string
  /** What is wrong. */
  message: string
  /** What the author should do about it. */
  hint?: string
}

/** `path:line:col: severity: message — hint`, the format editors and CI annotate. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = `${d.file}:${d.line}:${d.column ?? 1}`
  return `${where}: ${d.severity}: ${d.message}${d.hint ? ` — ${d.hint}` : ''}`
}

/** Sort by path, then line, then column: the order the checker prints. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      (a.column ?? 1) - (b.column ?? 1) ||
      a.message.localeCompare(b.message),
  )
}

/** Drop exact repeats: a page rendered twice (page and search index) reports once. */
export function uniqueDiagnostics(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>()
  return list.filter((d) => {
    const key = `${formatDiagnostic(d)}|${d.code}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * Collects the diagnostics of one build process. VitePress renders a page more
 * than once (page, search index, hot reload), so printing is de-duplicated.
 */
export class DiagnosticSink {
  readonly all: Diagnostic[] = []
  private printed = new Set<string>()
  constructor(private print: (line: string) => void = (l) => console.warn(l)) {}

  add(d: Diagnostic): void {
    const line = formatDiagnostic(d)
    if (this.printed.has(line)) return
    this.printed.add(line)
    this.all.push(d)
    this.print(line)
  }

  /** Forget what a file reported, before it is rendered again (dev server). */
  resetFile(file: string): void {
    for (let i = this.all.length - 1; i >= 0; i--) {
      if (this.all[i].file === file) {
        this.printed.delete(formatDiagnostic(this.all[i]))
        this.all.splice(i, 1)
      }
    }
  }
}

/** Forward slashes, relative to the space root: how every message names a file. */
export function relFile(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/')
}
