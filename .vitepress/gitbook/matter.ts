// Front matter as GitBook writes it: YAML between two `---` lines, read by
// gray-matter, here and in VitePress (markdown.frontmatter in markdown.ts).
// gray-matter also reads a block opened by `---js` or `---javascript`, and
// it does so with eval: one page could run any code on the build machine.
// Every reader gets these options, which read YAML (and JSON, a part of
// YAML) and refuse every other language with a message. Its YAML reader,
// js-yaml, has no limit on aliases: a few hundred bytes of nested ones
// ("billion laughs") read out as billions of values when the page data is
// written (28 s, 1.8 GB, then the build failed). Such a block is refused.
import matter from 'gray-matter'
import grayMatterEngines from 'gray-matter/lib/engines.js'

export class FrontmatterLanguageError extends Error {
  constructor(readonly language: string) {
    super(`front matter written in « ${language} » is not read: GitBook reads YAML only`)
  }
}

/** An engine that never runs its input. */
function refuse(language: string) {
  return {
    parse(): never {
      throw new FrontmatterLanguageError(language)
    },
    stringify(): never {
      throw new FrontmatterLanguageError(language)
    },
  }
}

export class FrontmatterAliasError extends Error {
  constructor(readonly kind: 'expansion' | 'cycle') {
    super(kind === 'cycle'
      ? 'front matter uses a YAML alias inside the value it names, which would contain itself without end'
      : 'front matter uses too many YAML aliases: read out, it would be far larger than the page wrote it')
  }
}

/**
 * Read out, front matter may be this many times the length of its text
 * (values and characters), or EXPANSION_FLOOR when that is more: room for
 * ordinary aliases, none for nested ones, which multiply at each level.
 */
const EXPANSION = 10
const EXPANSION_FLOOR = 100_000
/**
 * Nor nest deeper than this read out: an alias can hold an alias, so depths
 * add up, and the page data's JSON.stringify overflows Node's stack at a few
 * thousand levels. js-yaml alone stops at about 2,000; no page needs 100.
 */
const MAX_DEPTH = 1000

/**
 * Throws unless `data` is small and shallow once its aliases are read out.
 * js-yaml gives an alias the very object of its anchor: each object is
 * measured once (its size and height memoized), so a bomb is measured without
 * being expanded. An alias inside its own anchor makes a cycle, which the
 * page data could never be written from either.
 */
function checkAliases(data: unknown, text: string): void {
  const limit = Math.max(EXPANSION_FLOOR, EXPANSION * text.length)
  const measured = new WeakMap<object, { size: number; height: number }>()
  /** Objects being measured: the path from the root, where an alias back up is a cycle. */
  const open = new Set<object>()
  const measure = (v: unknown, depth: number): { size: number; height: number } => {
    if (typeof v === 'string') return { size: 1 + v.length, height: 0 }
    if (v === null || typeof v !== 'object' || v instanceof Date) return { size: 1, height: 0 }
    if (ArrayBuffer.isView(v)) return { size: 1 + v.byteLength, height: 0 }
    if (open.has(v)) throw new FrontmatterAliasError('cycle')
    const known = measured.get(v) ?? (depth <= MAX_DEPTH ? walk(v, depth) : undefined)
    if (!known || depth + known.height > MAX_DEPTH) throw new FrontmatterAliasError('expansion')
    return known
  }
  const walk = (v: object, depth: number) => {
    open.add(v)
    const m = { size: 1, height: 0 }
    for (const [key, item] of Array.isArray(v) ? v.entries() : Object.entries(v)) {
      const child = measure(item, depth + 1)
      m.size += (typeof key === 'string' ? key.length : 0) + child.size
      m.height = Math.max(m.height, child.height + 1)
      if (m.size > limit) throw new FrontmatterAliasError('expansion')
    }
    open.delete(v)
    measured.set(v, m)
    return m
  }
  measure(data, 0)
}

/** gray-matter's own YAML engine (js-yaml, its semantics kept), refusing what aliases would blow up. */
const yamlEngine = {
  parse(text: string, options?: object): object {
    const data = grayMatterEngines.yaml.parse(text, options)
    // No `*`, no alias: nothing is shared, nothing to measure.
    if (text.includes('*')) checkAliases(data, text)
    return data
  },
  stringify: grayMatterEngines.yaml.stringify,
}

/**
 * gray-matter's options for every reader of a page. `javascript` (also
 * `js`) replaces gray-matter's eval engine; a language it does not know
 * (`toml`, `coffee`) already throws; `yaml` (also `yml`) is js-yaml with a
 * limit on aliases.
 */
export const MATTER_OPTIONS = {
  engines: { yaml: yamlEngine, javascript: refuse('javascript'), coffee: refuse('coffee') },
}

/** Languages of front matter that are read: YAML, and JSON, which YAML also reads. */
const READ = new Set(['yaml', 'yml', 'json'])

/**
 * Front matter data and the body after it. Throws on YAML that does not
 * parse or uses too many aliases, and on another language. Options are
 * always given: without them gray-matter caches a source before parsing it,
 * and a later read of a page with bad YAML would get the unparsed source back
 * without an error.
 */
export function readMatter(src: string): { data: Record<string, any>; content: string } {
  // gray-matter's own reading of the language: the rest of the opening line.
  const language = /^---(?!-)([^\r\n]*)/.exec(src)?.[1].trim().toLowerCase()
  if (language && !READ.has(language)) throw new FrontmatterLanguageError(language)
  const { data, content } = matter(src, MATTER_OPTIONS)
  return { data: data ?? {}, content }
}

/** The front matter block at the top of `src` (`---` or `---lang` to `---`), or undefined. */
const BLOCK = /^---(?!-)[^\n]*\r?\n[\s\S]*?\r?\n---[^\n]*/

/** `src` with its front matter block blanked, line count kept: for a block that could not be read. */
export function blankFrontmatter(src: string): string {
  return src.replace(BLOCK, (m) => m.replace(/[^\n]/g, ''))
}

/** The body of a page without its front matter; the source as it is when the block cannot be read. */
export function bodyOf(src: string): string {
  try {
    return readMatter(src).content
  } catch {
    return blankFrontmatter(src)
  }
}

/** What to tell the author about a block readMatter refused: the problem, and what to do. */
export function frontmatterProblem(e: unknown): { message: string; hint: string } {
  if (e instanceof FrontmatterLanguageError) {
    return { message: e.message, hint: 'write the front matter in YAML between two --- lines; the page is built without it meanwhile' }
  }
  if (e instanceof FrontmatterAliasError) {
    const fix = e.kind === 'cycle' ? 'take the alias (*name) out of the value its anchor (&name) names' : 'write the values out instead of repeating aliases (*name)'
    return { message: e.message, hint: `${fix}; the page is built without it meanwhile` }
  }
  const detail = (e as Error).message.split('\n')[0]
  return { message: `front matter is not valid YAML (${detail})`, hint: 'fix the YAML between the --- lines; the page is built without it meanwhile' }
}
