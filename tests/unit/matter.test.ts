// Front matter is read as YAML only (matter.ts): gray-matter's JavaScript
// engine would run a page's `---js` block with eval. Its YAML engine
// (js-yaml) has no limit on aliases: nested ones ("billion laughs") took
// 28 s and 1.8 GB before the build failed.
import { describe, expect, it } from 'vitest'
import matter from 'gray-matter'
import { blankFrontmatter, bodyOf, FrontmatterAliasError, FrontmatterLanguageError, frontmatterProblem, MATTER_OPTIONS, readMatter } from '../../.vitepress/gitbook/matter'

const g = globalThis as { gbMatterRan?: number }
const RUN = '{ title: (globalThis.gbMatterRan = (globalThis.gbMatterRan ?? 0) + 1, "T") }'

describe('readMatter', () => {
  it('reads YAML and JSON front matter', () => {
    expect(readMatter('---\ntitle: Accueil\n---\n# A\n')).toEqual({ data: { title: 'Accueil' }, content: '# A\n' })
    expect(readMatter('---json\n{ "title": "Accueil" }\n---\nTexte\n').data).toEqual({ title: 'Accueil' })
    expect(readMatter('--- yaml\ntitle: B\n---\n').data).toEqual({ title: 'B' })
    expect(readMatter('# Sans front matter\n')).toEqual({ data: {}, content: '# Sans front matter\n' })
  })

  it.each(['js', 'javascript', 'JS', ' js ', 'coffee', 'toml'])('refuses ---%s without running it', (lang) => {
    delete g.gbMatterRan
    const src = `---${lang}\n${RUN}\n---\n# Page\n`
    expect(() => readMatter(src)).toThrow(FrontmatterLanguageError)
    expect(g.gbMatterRan).toBeUndefined()
  })

  it('gives VitePress’s reader options that never run JavaScript either', () => {
    delete g.gbMatterRan
    // What @mdit-vue/plugin-frontmatter calls, with markdown.frontmatter.grayMatterOptions.
    expect(() => matter(`---js\n${RUN}\n---\n`, MATTER_OPTIONS)).toThrow(FrontmatterLanguageError)
    expect(() => matter(`---javascript\n${RUN}\n---\n`, MATTER_OPTIONS)).toThrow(FrontmatterLanguageError)
    expect(g.gbMatterRan).toBeUndefined()
  })

  it('throws on bad YAML every time (no cached copy hides the error)', () => {
    const src = '---\ntitle: [unclosed\n---\n# A\n'
    expect(() => readMatter(src)).toThrow()
    expect(() => readMatter(src)).toThrow()
  })
})

describe('blankFrontmatter and bodyOf', () => {
  it('blank a block that cannot be read, keeping its lines', () => {
    const src = `---js\n${RUN}\n---\n# Page\nTexte\n`
    expect(blankFrontmatter(src)).toBe('\n\n\n# Page\nTexte\n')
    expect(bodyOf(src)).toBe('\n\n\n# Page\nTexte\n')
    expect(bodyOf('---\na: 1\n---\n# Page\n')).toBe('# Page\n')
    // A thematic break of four dashes opens no front matter.
    expect(blankFrontmatter('----\nTexte\n---\n')).toBe('----\nTexte\n---\n')
  })
})

describe('frontmatterProblem', () => {
  it('names the language, or the YAML error, with what to do', () => {
    let error: unknown
    try {
      readMatter('---js\n{}\n---\n')
    } catch (e) {
      error = e
    }
    expect(frontmatterProblem(error)).toEqual({
      message: 'front matter written in « js » is not read: GitBook reads YAML only',
      hint: 'write the front matter in YAML between two --- lines; the page is built without it meanwhile',
    })
    expect(frontmatterProblem(new Error('bad indentation\nmore')).message).toBe('front matter is not valid YAML (bad indentation)')
  })
})

/** Nine anchors, each a list of nine aliases of the one before: 9⁹ values once read out. */
function aliasBomb(): string {
  const names = 'abcdefghi'
  const lines = [`a: &a [${Array(9).fill('"lol"').join(', ')}]`]
  for (let i = 1; i < 9; i++) lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(', ')}]`)
  return `${lines.join('\n')}\n`
}

describe('YAML aliases in front matter', () => {
  it('refuses a block whose aliases expand beyond reason, at once and every time', () => {
    const src = `---\n${aliasBomb()}---\n# Page\n`
    const started = Date.now()
    let error: unknown
    try {
      readMatter(src)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(FrontmatterAliasError)
    expect(() => readMatter(src)).toThrow(FrontmatterAliasError)
    expect(Date.now() - started).toBeLessThan(2000)
    const problem = frontmatterProblem(error)
    expect(problem.message).toMatch(/^front matter uses too many YAML aliases/)
    expect(problem.hint).toMatch(/the page is built without it meanwhile$/)
    expect(bodyOf(src)).toBe(`${'\n'.repeat(11)}# Page\n`)
  })

  it('gives VitePress’s reader the same refusal', () => {
    expect(() => matter(`---\n${aliasBomb()}---\n`, MATTER_OPTIONS)).toThrow(FrontmatterAliasError)
    expect(() => matter(`--- yml\n${aliasBomb()}---\n`, MATTER_OPTIONS)).toThrow(FrontmatterAliasError)
  })

  it('refuses an alias inside the value it names (a value that contains itself)', () => {
    expect(() => readMatter('---\na: &a\n  b: *a\n---\n')).toThrow(FrontmatterAliasError)
    expect(frontmatterProblem(new FrontmatterAliasError('cycle')).message).toMatch(/^front matter uses a YAML alias inside the value it names/)
  })

  it('refuses aliases chained deeper than the page data can be written', () => {
    // Each anchor nests 600 lists and holds the one before: 2,400 levels read out.
    const nest = (inner: string) => `${'['.repeat(600)}${inner}${']'.repeat(600)}`
    const src = `---\nx0: &x0 ${nest('1')}\nx1: &x1 ${nest('*x0')}\nx2: &x2 ${nest('*x1')}\nx3: ${nest('*x2')}\n---\n`
    expect(() => readMatter(src)).toThrow(FrontmatterAliasError)
    // One alias of a deep value is not deeper than the value.
    const { data } = readMatter(`---\nx0: &x0 ${nest('1')}\nx1: *x0\n---\n`)
    expect(data.x1).toBe(data.x0)
  })

  it('reads ordinary aliases and merge keys, and keeps js-yaml’s values (dates stay dates)', () => {
    const { data } = readMatter('---\nbase: &b { layout: doc, tags: [x, y] }\npage:\n  <<: *b\n  title: T\nother: *b\ndate: 2024-03-01\n---\n')
    expect(data.page).toEqual({ layout: 'doc', tags: ['x', 'y'], title: 'T' })
    expect(data.other).toEqual({ layout: 'doc', tags: ['x', 'y'] })
    expect(data.date).toBeInstanceOf(Date)
    expect((data.date as Date).toISOString()).toBe('2024-03-01T00:00:00.000Z')
    // Text with * and & that are not aliases.
    expect(readMatter('---\ntitle: "*a & b*"\nnote: a * b & c\n---\n').data).toEqual({ title: '*a & b*', note: 'a * b & c' })
  })

  it('lets a long block repeat itself a little through aliases', () => {
    // 200 uses of one anchored list of 20 words: about 4,000 values, well within the limit.
    const src = `---\nwords: &w [${Array(20).fill('mot').join(', ')}]\nuses: [${Array(200).fill('*w').join(', ')}]\n---\n`
    expect(readMatter(src).data.uses).toHaveLength(200)
  })
})
