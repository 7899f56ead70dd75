// Front matter as GitBook writes it: YAML between two `---` lines, read by
// gray-matter, here and in VitePress (markdown.frontmatter in markdown.ts).
// gray-matter also reads a block opened by `---js` or `---javascript`, and
// it does so with eval: one page could run any code on the build machine.
// Every reader gets these options, which read YAML (and JSON, a part of
// YAML) and refuse every other language with a message.
import matter from 'gray-matter'

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

/**
 * gray-matter's options for every reader of a page. `javascript` (also
 * `js`) replaces gray-matter's eval engine; a language it does not know
 * (`toml`, `coffee`) already throws.
 */
export const MATTER_OPTIONS = {
  engines: { javascript: refuse('javascript'), coffee: refuse('coffee') },
}

/** Languages of front matter that are read: YAML, and JSON, which YAML also reads. */
const READ = new Set(['yaml', 'yml', 'json'])

/**
 * Front matter data and the body after it. Throws on YAML that does not
 * parse and on another language. Options are always given: without them
 * gray-matter caches a source before parsing it, and a later read of a page
 * with bad YAML would get the unparsed source back without an error.
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
  const detail = (e as Error).message.split('\n')[0]
  return { message: `front matter is not valid YAML (${detail})`, hint: 'fix the YAML between the --- lines; the page is built without it meanwhile' }
}
