// Large GitBook spaces for the benchmarks, made of what the project has: the
// handbook (docs/), the corpus space and the fixture pages, copied under
// numbered folders (`007-corpus/…`) until the space has the pages asked for,
// with one generated SUMMARY.md. Each copy keeps its groups, renamed with the
// copy's number so that URLs stay unique. Reused by the search bench.
//   generateSpace(dir, 1000) → { pages, copies }
//   plainCopy(space, dir): the same Markdown for plain VitePress.
import fs from 'node:fs'
import path from 'node:path'
import { PROJECT_ROOT } from '../.vitepress/gitbook/site'
import { IMAGE_FILE } from '../.vitepress/gitbook/transforms/images'

interface Source {
  name: string
  dir: string
  /** Markdown pages, relative to dir. */
  pages: string[]
  /** SUMMARY.md lines for the copy under `prefix/`, numbered `n`. */
  summary(prefix: string, n: number): string[]
}

const mdFiles = (dir: string, skip: (rel: string) => boolean): string[] =>
  fs
    .readdirSync(dir, { recursive: true })
    .map((f) => String(f).split(path.sep).join('/'))
    .filter((f) => f.endsWith('.md') && f !== 'SUMMARY.md' && !f.startsWith('.') && !skip(f))
    .sort()

/** A space with its own SUMMARY.md: groups renamed `Title n`, links moved under the prefix. */
function spaceSource(name: string, dir: string): Source {
  const lines = fs.readFileSync(path.join(dir, 'SUMMARY.md'), 'utf8').split('\n')
  return {
    name,
    dir,
    pages: mdFiles(dir, () => false),
    summary(prefix, n) {
      // Entries before the first group get one, so the copy's home is not at the site root.
      const out = [`## ${name} ${n}`, '']
      for (const line of lines) {
        if (/^# /.test(line)) continue
        const group = /^##\s+(.*?)(?:\s*<a href="#[^"]*" id="([^"]*)"><\/a>)?\s*$/.exec(line)
        if (group) {
          out.push(group[2] ? `## ${group[1]} ${n} <a href="#${group[2]}-${n}" id="${group[2]}-${n}"></a>` : `## ${group[1]} ${n}`)
          continue
        }
        out.push(line.replace(/\]\((?!<?[a-z]+:)(<?)/g, `]($1${prefix}/`))
      }
      return out
    },
  }
}

/**
 * Fixture pages plain VitePress cannot build, left out of both sides: its
 * search index refuses two headings with the same explicit id, and the
 * sanitizer's pages hold the scripts and Vue syntax that stop its compiler.
 */
const PLAIN_CANNOT = (rel: string) => rel === 'headings/explicit-anchor.md' || rel.startsWith('sanitize/')

/** The fixture pages (malformed ones left out: they are errors by design), one group per copy. */
function fixtureSource(): Source {
  const dir = path.join(PROJECT_ROOT, 'tests/fixtures')
  const pages = mdFiles(dir, (f) => f.split('/').includes('bad') || PLAIN_CANNOT(f))
  return {
    name: 'fixtures',
    dir,
    pages,
    summary: (prefix, n) => [`## Fixtures ${n}`, '', ...pages.map((p) => `* [${p.slice(0, -3)}](<${prefix}/${p}>)`)],
  }
}

export function sources(): Source[] {
  return [
    spaceSource('Manuel', path.join(PROJECT_ROOT, 'docs')),
    spaceSource('Corpus', path.join(PROJECT_ROOT, 'tests/spaces/corpus')),
    fixtureSource(),
  ]
}

/** Write a space of about `pages` pages (whole copies, so a few more) into `dir`. */
export function generateSpace(dir: string, pages: number): { pages: number; copies: number } {
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(path.join(dir, 'README.md'), `# Espace de test\n\nUn espace généré de ${pages} pages pour les mesures.\n`)
  const summary = ['# Table of contents', '', '* [Accueil](README.md)', '']
  let count = 1
  let copies = 0
  const all = sources()
  while (count < pages) {
    const src = all[copies % all.length]
    copies++
    const prefix = `${String(copies).padStart(3, '0')}-${src.name.toLowerCase()}`
    // Assets and include files come along: pages link them by relative paths.
    fs.cpSync(src.dir, path.join(dir, prefix), {
      recursive: true,
      filter: (f) => {
        const rel = path.relative(src.dir, f).split(path.sep).join('/')
        return !/\.(html|diag)$/.test(f) && rel !== 'SUMMARY.md' && path.basename(f) !== 'bad' && !PLAIN_CANNOT(rel)
      },
    })
    summary.push(...src.summary(prefix, copies), '')
    count += src.pages.length
  }
  fs.writeFileSync(path.join(dir, 'SUMMARY.md'), `${summary.join('\n')}\n`)
  return { pages: count, copies }
}

/** Local images a page points to that are not there, or not images: plain VitePress fails the build on them. */
function dropMissingImages(text: string, dir: string): string {
  const missing = (target: string) => {
    const t = target.replace(/^<|>$/g, '').replace(/[?#].*$/, '')
    if (/^([a-z]+:|\/\/|\/)/i.test(t)) return false
    // A fixture names a script as an image (our build refuses it; VitePress would import it).
    if (!IMAGE_FILE.test(t)) return true
    let file = t
    try {
      file = decodeURI(t)
    } catch {
      // kept as written
    }
    return !fs.existsSync(path.join(dir, file))
  }
  return text
    .replace(/!\[([^\]]*)\]\((<[^>]*>|[^)\s]+)(\s+"[^"]*")?\)/g, (m, alt, target) => (missing(target) ? alt : m))
    .replace(/(<img\b[^>]*?\bsrc=")([^"]+)(")/g, (m, a, target, b) => (missing(target) ? `${a}data:,${b}` : m))
}

/**
 * The same pages for plain VitePress, which cannot build GitBook Markdown
 * (`{% endhint %}` becomes a Vue attribute error, `layout:` empties the page,
 * an author's `{{` is a Vue expression, a missing image fails the build): tag
 * lines and front matter dropped, `{{` escaped, missing images as their alt
 * text, README.md as index.md. Same text, nearly the same size; assets copied.
 */
export function plainCopy(space: string, dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true })
  fs.cpSync(space, dir, { recursive: true, filter: (f) => !f.endsWith('.md') })
  for (const file of mdFiles(space, () => false)) {
    const text = fs
      .readFileSync(path.join(space, file), 'utf8')
      .replace(/^---\n[\s\S]*?\n---\n/, '')
      .replace(/\{%.*?%\}/g, '')
      .replace(/\{\{/g, '&#123;&#123;')
      // VitePress reads the file a `<<<` line names; the fixtures show that line as text.
      .replace(/^(\s*)<<</gm, '$1\\<<<')
    const dest = path.join(dir, file.replace(/(^|\/)README\.md$/, '$1index.md'))
    fs.mkdirSync(path.dirname(dest), { recursive: true })
    fs.writeFileSync(dest, dropMissingImages(text, path.dirname(path.join(space, file))))
  }
  fs.mkdirSync(path.join(dir, '.vitepress'), { recursive: true })
  fs.writeFileSync(
    path.join(dir, '.vitepress/config.mts'),
    "export default { lang: 'fr-FR', title: 'Plain', cleanUrls: true, ignoreDeadLinks: true, markdown: { math: true }, themeConfig: { search: { provider: 'local' } } }\n",
  )
}
