// `.gitbook.yaml`: where a space keeps its pages, its SUMMARY.md and its
// redirects. Apart from space.ts so that the `dev` command's watcher
// (bin/gitbook.ts) can find SUMMARY.md without loading the page reader.
import fs from 'node:fs'
import path from 'node:path'
import { type Document, isMap, isScalar, LineCounter, parseDocument, visit } from 'yaml'
import type { Diagnostic } from './diagnostics'
import { insideDir } from './resolve'

export interface GitbookYaml {
  root?: string
  structure?: { readme?: string; summary?: string }
  redirects?: Record<string, string>
  /** Line of each `redirects:` key, for messages. */
  redirectLines?: Record<string, number>
}

/**
 * The `yaml` package's own limit on aliases, said here: nested aliases
 * ("billion laughs", a few hundred bytes) would read out as billions of
 * values, so `toJS` throws past it.
 */
export const MAX_ALIAS_COUNT = 100

/**
 * The value of a parsed document, or why it has none: `toJS` throws on too
 * many aliases (and on anything else it cannot read out), which would stop
 * the build from a file of the space. `advice` is what the author should do,
 * `at` the offset of the first alias, where to look, or 0.
 */
export function documentValue(doc: Document): { value: unknown } | { problem: string; advice: string; at: number } {
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) }
  } catch (e) {
    const detail = (e as Error).message.split('\n')[0]
    if (!/alias count/i.test(detail)) return { problem: `cannot be read (${detail})`, advice: 'fix the YAML', at: 0 }
    let at = 0
    visit(doc, {
      Alias(_, node) {
        at = node.range?.[0] ?? 0
        return visit.BREAK
      },
    })
    return { problem: 'uses too many YAML aliases', advice: 'write the values out instead of repeating aliases (*name)', at }
  }
}

/** Where a space's pages, table of contents and home page are, relative to its folder. */
export interface SpaceLayout {
  /** Folder of the pages (`.` for the space folder itself). */
  root: string
  summaryFile: string
  readmeFile: string
}

/**
 * The layout `.gitbook.yaml` gives, GitBook's defaults where it is silent
 * (GITBOOK.md): the build, the dev server's watcher and the history walk read
 * it here alike.
 */
export function spaceLayout(conf: GitbookYaml): SpaceLayout {
  return { root: conf.root ?? '.', summaryFile: conf.structure?.summary ?? 'SUMMARY.md', readmeFile: conf.structure?.readme ?? 'README.md' }
}

/** Leading tabs as spaces, to the next multiple of `width` columns. */
function expandLeadingTabs(text: string, width: number): string {
  return text.replace(/^[ \t]+/gm, (lead) => {
    let col = 0
    for (const ch of lead) col = ch === '\t' ? col + width - (col % width) : col + 1
    return ' '.repeat(col)
  })
}

/**
 * `.gitbook.yaml`. GitBook's own docs space indents some redirects with tabs,
 * which YAML forbids: such a file is read again with its tabs expanded, and
 * the author is told. A file that still does not parse is reported once and
 * the defaults are used: a space is not refused for its configuration.
 */
export function readGitbookYaml(dir: string, diagnostics: Diagnostic[]): GitbookYaml {
  const file = path.join(dir, '.gitbook.yaml')
  if (!fs.existsSync(file)) return {}
  if (!insideDir(dir, file)) {
    diagnostics.push(outsideSpace('.gitbook.yaml'))
    return {}
  }
  return parseGitbookYaml(fs.readFileSync(file, 'utf8'), diagnostics)
}

/** A file of the space that is a symbolic link to elsewhere on the machine: never read. */
export function outsideSpace(file: string): Diagnostic {
  return {
    file,
    line: 1,
    column: 1,
    severity: 'warning',
    code: 'outside-space',
    message: `${file} is a symbolic link to a file outside the space: it is not read`,
    hint: 'copy the file into the space instead of linking to it',
  }
}

/** `.gitbook.yaml` from its text: today's file, or one from the space's git history. */
export function parseGitbookYaml(text: string, diagnostics: Diagnostic[]): GitbookYaml {
  const parse = (source: string) => {
    const lineCounter = new LineCounter()
    return { doc: parseDocument(source, { lineCounter }), lineCounter }
  }
  let { doc, lineCounter } = parse(text)
  const tabbed = /^[ ]*\t/m.exec(text)
  // The tab width the author's editor used is unknown: the first that parses wins.
  for (const width of tabbed ? [8, 4, 2] : []) {
    if (!doc.errors.length) break
    const retry = parse(expandLeadingTabs(text, width))
    if (!retry.doc.errors.length) {
      diagnostics.push({
        file: '.gitbook.yaml',
        line: text.slice(0, tabbed!.index).split('\n').length,
        column: 1,
        severity: 'warning',
        code: 'config-yaml-tabs',
        message: '.gitbook.yaml indents with tabs, which YAML forbids; it is read with each tab as spaces',
        hint: 'indent with spaces',
      })
      ;({ doc, lineCounter } = retry)
    }
  }
  if (doc.errors.length) {
    const err = doc.errors[0]
    const pos = lineCounter.linePos(err.pos[0])
    diagnostics.push({
      file: '.gitbook.yaml',
      line: pos.line,
      column: pos.col,
      severity: 'warning',
      code: 'config-yaml',
      message: `.gitbook.yaml is not valid YAML (${err.message.split('\n')[0]})`,
      hint: 'fix the YAML syntax; the defaults are used meanwhile',
    })
    return {}
  }
  const read = documentValue(doc)
  if ('problem' in read) {
    const pos = lineCounter.linePos(read.at)
    diagnostics.push({
      file: '.gitbook.yaml',
      line: pos.line,
      column: pos.col,
      severity: 'warning',
      code: 'config-yaml-aliases',
      message: `.gitbook.yaml ${read.problem}`,
      hint: `${read.advice}; the defaults are used meanwhile`,
    })
    return {}
  }
  const value = read.value ?? {}
  return typeof value === 'object' && !Array.isArray(value) ? checked(value as Record<string, unknown>, doc, lineCounter, diagnostics) : {}
}

/**
 * The settings that name paths, kept only when they are text: `root: 7` or
 * `summary: [a]` would otherwise reach path functions, which throw, and stop
 * the build. Such a value is reported and GitBook's default used.
 */
function checked(value: Record<string, unknown>, doc: Document, lineCounter: LineCounter, diagnostics: Diagnostic[]): GitbookYaml {
  /** A warning at the setting `keys`, whose value is set aside for GitBook's default. */
  const refuse = (keys: string[], code: string, message: string, hint: string): undefined => {
    const node = doc.getIn(keys, true) as { range?: [number, number] } | undefined
    const pos = lineCounter.linePos(node?.range?.[0] ?? 0)
    diagnostics.push({ file: '.gitbook.yaml', line: pos.line, column: pos.col, severity: 'warning', code, message, hint })
    return undefined
  }
  const text = (keys: string[]): string | undefined => {
    let v: unknown = value
    for (const k of keys) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined
    if (v === undefined || v === null || typeof v === 'string') return v ?? undefined
    return refuse(keys, 'config-yaml-type', `${keys.join('.')} must be a path, not ${JSON.stringify(v).slice(0, 60)}; GitBook’s default is used`,
      `write ${keys.join('.')} as a path relative to the space, or remove it`)
  }
  // A path that leaves the space would publish another folder of the machine.
  // A leading `/` means the repository's root, as in GitBook: never the machine's.
  const inside = (keys: string[]): string | undefined => {
    const v = text(keys)
    if (v === undefined) return undefined
    const normal = path.posix.normalize(v.replace(/\\/g, '/').replace(/^\/+/, '') || '.')
    if (normal !== '..' && !normal.startsWith('../')) return normal
    return refuse(keys, 'config-path-outside', `${keys.join('.')} ${JSON.stringify(v).slice(0, 80)} leaves the space; GitBook’s default is used`,
      `write ${keys.join('.')} as a path inside the space`)
  }
  const redirectLines: Record<string, number> = {}
  const redirects = doc.get('redirects', true)
  if (isMap(redirects)) {
    for (const pair of redirects.items) {
      if (isScalar(pair.key) && pair.key.range) redirectLines[String(pair.key.value)] = lineCounter.linePos(pair.key.range[0]).line
    }
  }
  return {
    ...(value as GitbookYaml),
    root: inside(['root']),
    structure: { summary: inside(['structure', 'summary']), readme: inside(['structure', 'readme']) },
    redirectLines,
  }
}

/** The space folder `GITBOOK_SRC` names (relative to the project), the handbook's docs/ by default. */
export function spaceFolder(projectRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(projectRoot, env.GITBOOK_SRC || 'docs')
}

/**
 * The files the navigation and the URLs come from (SUMMARY.md, .gitbook.yaml),
 * absolute, without reading the pages: what the dev command watches.
 */
export function navigationFiles(dir: string): string[] {
  const layout = spaceLayout(readGitbookYaml(dir, []))
  return [path.join(path.resolve(dir, layout.root), layout.summaryFile), path.join(dir, '.gitbook.yaml')]
}
