// Writes a fuzzed GitBook space: the pages of docs/, tests/fixtures and the
// corpus space, mutated by a seeded generator, plus the shapes of space that
// once stopped the build (a 12-level SUMMARY with 80-character titles,
// colliding file names, a nested space). Everything goes into ONE space built
// ONCE: builds are what costs.
import fs from 'node:fs'
import path from 'node:path'
import { ROOT } from '../helpers/build'
import { summaryAttack } from './attacks'
import { allAttacksPage, bigPage, MUTATIONS, type Mutation } from './mutations'
import { Rng } from './prng'

export interface FuzzPage {
  /** File in the fuzzed space. */
  file: string
  /** The page it was made from (`docs/…`, `tests/fixtures/…`), or `generated`. */
  from: string
  mutations: string[]
  /** Holds attacker HTML: its checks need the sanitizer. */
  attack: boolean
}

export interface FuzzSpace {
  dir: string
  seed: number
  marker: string
  pages: FuzzPage[]
}

export interface FuzzOptions {
  seed: number
  /** How many mutated pages. */
  runs: number
  /** Add a 2 MB page. @default true */
  big?: boolean
}

/** The Markdown pages the fuzzer starts from. */
export function sourcePages(): string[] {
  const out: string[] = []
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue
      const rel = `${dir}/${e.name}`
      if (e.isDirectory()) walk(rel)
      else if (e.name.endsWith('.md') && e.name !== 'SUMMARY.md') out.push(rel)
    }
  }
  for (const dir of ['docs', 'tests/fixtures', 'tests/spaces/corpus']) walk(dir)
  return out.sort()
}

const TITLE = 'Une page tout au fond d’une arborescence de douze niveaux, au titre très long'

export function writeFuzzSpace(dir: string, options: FuzzOptions): FuzzSpace {
  const rng = new Rng(options.seed)
  const marker = path.join(dir, '..', 'pwned-marker')
  fs.rmSync(dir, { recursive: true, force: true })
  fs.rmSync(marker, { force: true })
  const write = (rel: string, content: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true })
    fs.writeFileSync(path.join(dir, rel), content)
  }
  const ctx = { rng, marker }
  const sources = sourcePages()
  const pages: FuzzPage[] = []
  const summary = ['# Table des matières', '', '* [Accueil](README.md)', '', '## Pages mutées', '']

  write('README.md', `# Espace fuzzé\n\nGraine ${options.seed}, ${options.runs} pages mutées.\n`)
  for (let i = 0; i < options.runs; i++) {
    const from = rng.pick(sources)
    // Each mutation in turn, so a small set still covers them all; then a random second one.
    const chosen: Mutation[] = [MUTATIONS[i % MUTATIONS.length]]
    if (rng.next() < 0.5) chosen.push(rng.pick(MUTATIONS))
    let text = fs.readFileSync(path.join(ROOT, from), 'utf8')
    for (const m of chosen) if (m.text) text = m.text(text, ctx)
    let bytes: Buffer = Buffer.from(text, 'utf8')
    for (const m of chosen) if (m.bytes) bytes = m.bytes(bytes, ctx)
    const file = `mutees/page-${String(i).padStart(4, '0')}.md`
    write(file, bytes)
    pages.push({ file, from, mutations: chosen.map((m) => m.name), attack: chosen.some((m) => m.attack) })
    summary.push(`* [Page ${i}](${file})`)
  }

  // Every attack class once, and a sidebar entry that would run code.
  write('attaques/toutes.md', allAttacksPage(marker))
  pages.push({ file: 'attaques/toutes.md', from: 'generated', mutations: ['all-attacks'], attack: true })
  summary.push('', '## Attaques', '', '* [Toutes les attaques](attaques/toutes.md)', summaryAttack())

  if (options.big !== false) {
    const from = rng.pick(sources.filter((s) => s.startsWith('docs/')))
    write('grande/page.md', bigPage(fs.readFileSync(path.join(ROOT, from), 'utf8')))
    pages.push({ file: 'grande/page.md', from, mutations: ['2-mb'], attack: false })
    summary.push('', '## Grande page', '', '* [Deux mégaoctets](grande/page.md)')
  }

  // A 12-level SUMMARY, 80-character titles and file names.
  summary.push('', '## Profond', '')
  let folder = 'profond'
  for (let level = 0; level < 12; level++) {
    const title = `${String(level).padStart(2, '0')} ${TITLE}`.slice(0, 80)
    folder += `/${title.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-')}`
    write(`${folder}/README.md`, `# ${title}\n\nNiveau ${level} du fond.\n`)
    pages.push({ file: `${folder}/README.md`, from: 'generated', mutations: ['12-levels'], attack: false })
    summary.push(`${'  '.repeat(level)}* [${title}](${folder}/README.md)`)
  }

  // Colliding names, and a nested space with its own SUMMARY.md beside summary.md.
  const collide: [string, string][] = [
    ['collision/a.md', '# Fichier a\n\nLe fichier a collision.\n'],
    ['collision/a/README.md', '# Dossier a\n\nLe dossier a collision.\n'],
    ['collision/Casse.md', '# Casse haute\n\nMajuscules collision.\n'],
    ['collision/casse.md', '# Casse basse\n\nMinuscules collision.\n'],
    ['collision/b/index.md', '# Index b\n\nIndex collision.\n'],
    ['collision/b/README.md', '# Lisez-moi b\n\nLisez-moi collision.\n'],
    ['imbrique/README.md', '# Espace imbriqué\n\nAccueil imbriqué.\n'],
    ['imbrique/summary.md', '# Résumé\n\nRésumé imbriqué.\n'],
  ]
  summary.push('', '## Collisions', '')
  for (const [file, text] of collide) {
    write(file, text)
    pages.push({ file, from: 'generated', mutations: ['collision'], attack: false })
    summary.push(`* [${file}](${file})`)
  }
  write('imbrique/SUMMARY.md', '# Sommaire imbriqué\n\n* [Accueil](README.md)\n* [Résumé](summary.md)\n')

  write('SUMMARY.md', `${summary.join('\n')}\n`)
  return { dir, seed: options.seed, marker, pages }
}
