// No shape of space takes the build down: a very long published path, two
// files publishing at one URL, a space holding other spaces, pages that throw
// or that Vue cannot compile, a .gitbook.yaml whose paths are not text. One
// small space written here, built once with the real command line: each case
// gives a warning, never a stack trace. A second, tinier space holds YAML
// aliases nested to explode ("billion laughs") in .gitbook.yaml, which would
// take the first space's settings with it, in vars.yaml and in front matter.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadSpace, type Space } from '../../.vitepress/gitbook/space'
import { routeToHtml } from '../../.vitepress/gitbook/urls'
import { scriptHash } from '../../.vitepress/gitbook/deploy/csp'
import { buildSpaceAsync, type BuildResult } from '../helpers/build'
import { contentText, loadPage } from '../helpers/html'

const LEVELS = 12
const title = (i: number) => `Niveau ${String(i).padStart(2, '0')} ${'d’une arborescence très profonde '.repeat(3)}`.slice(0, 80)
const slug = (i: number) => `niveau-${String(i).padStart(2, '0')}-${'une-arborescence-tres-profonde-'.repeat(3)}`.slice(0, 80)

let src: string
let out: string
let result: BuildResult
let space: Space
const marker = path.join(os.tmpdir(), `gb-resilience-marker-${process.pid}`)
/** A file beside the space, which no page may publish. */
let secret: string
const SECRET = `secret-${process.pid}-${Date.now()}`
const AUTHOR_SCRIPT = "document.title = 'auteur'"

function write(rel: string, text: string) {
  fs.mkdirSync(path.dirname(path.join(src, rel)), { recursive: true })
  fs.writeFileSync(path.join(src, rel), text)
}

beforeAll(async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gb-resilience-'))
  src = path.join(tmp, 'espace')
  secret = path.join(tmp, 'secret.txt')
  out = path.join(tmp, 'site')
  const summary = ['# Table des matières', '', '* [Accueil](README.md)']
  write('README.md', '# Accueil\n\nUn espace aux formes extrêmes.\n')
  // A 12-level SUMMARY with 80-character titles and file names.
  let dir = 'profond'
  for (let i = 0; i < LEVELS; i++) {
    dir += `/${slug(i)}`
    write(`${dir}/README.md`, `# ${title(i)}\n\nTexte du niveau ${i}.\n`)
    summary.push(`${'  '.repeat(i)}* [${title(i)}](${dir}/README.md)`)
  }
  // Colliding names: a.md beside a/README.md, Casse.md beside casse.md.
  write('a.md', '# Page A\n\nLe fichier a.\n')
  write('a/README.md', '# Dossier A\n\nLe dossier a.\n')
  write('Casse.md', '# Casse haute\n\nMajuscule.\n')
  write('casse.md', '# Casse basse\n\nMinuscule.\n')
  summary.push('* [Page A](a.md)', '* [Dossier A](a/README.md)', '* [Casse haute](Casse.md)', '* [Casse basse](casse.md)')
  // A nested space: its own SUMMARY.md beside a page summary.md.
  write('equipe/SUMMARY.md', '# Sommaire de l’équipe\n\n* [Équipe](README.md)\n* [Résumé](summary.md)\n')
  write('equipe/README.md', '# Équipe\n\nL’espace de l’équipe.\n')
  write('equipe/summary.md', '# Résumé\n\nLe résumé de l’équipe.\n')
  summary.push('* [Équipe](equipe/README.md)', '  * [Résumé](equipe/summary.md)')
  // Pages that stopped the build: author code touching `window`, v-html with children.
  const payload = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran')`
  write('script.md', `# Script\n\nAvant le script.\n\n<script>\nwindow.x = 1; ${payload}\nexport default {}\n</script>\n\nAprès le script.\n`)
  write('setup.md', `# Setup\n\n<script setup>\nconst w = window.innerWidth; ${payload}\n</script>\n\nTexte gardé.\n`)
  write('vhtml.md', '# V-html\n\nAvant.\n\n<div v-html="x">enfant gardé</div>\n\n<p :title="constructor.constructor(\'return process\')().exit(3)">Paragraphe lié.</p>\n')
  summary.push('* [Script](script.md)', '* [Setup](setup.md)', '* [V-html](vhtml.md)')
  // Two headings whose first link is the same anchor: one search id twice (MiniSearch aborted).
  write('titres.md', '# Titres\n\n## Intro\n\nDébut.\n\n## Voir [intro](#intro)\n\nUn.\n\n## Revoir [intro](#intro)\n\nDeux.\n')
  summary.push('* [Titres](titres.md)')
  // VitePress syntax that reads files of the build machine or runs code:
  // GitBook has none of it, so none of it may act.
  fs.writeFileSync(secret, `${SECRET}\n`)
  const run = `import('node:fs').then((f) => f.writeFileSync(${JSON.stringify(marker)}, 'ran'))`
  write('code-js.md', `---js\n{ title: (${run}, 'T') }\n---\n# Page JS\n\nTexte gardé.\n`)
  write('fichiers.md', '# Fichiers\n\nAvant.\n\n<!--@include: ../secret.txt-->\n\n<!--@include: ./code-js.md-->\n\n<<< ../secret.txt\n\n<<< @/../secret.txt\n\nAprès.\n')
  write('[param].md', '# Crochets\n\nPage crochets.\n')
  write('[param].paths.js', `${run}\nexport default { paths: () => [{ params: { param: 'a' } }] }\n`)
  write('public/publie.html', '<html><body><script>alert(1)</script>Page brute.</body></html>\n')
  // A script of the space, named as an image and linked: Vite would bundle it
  // (and run it in the build and in the browser); the site would serve it.
  write('outil.js', `${run}\nexport default '${SECRET}-script'\n`)
  write('auteur.html', `<html><body><script>${AUTHOR_SCRIPT}</script>Page d’auteur.</body></html>\n`)
  write('scripts.md', '# Scripts\n\n![Outil](outil.js)\n\n<img src="outil.js" alt="Outil HTML">\n\n![Brut](outil.js?raw)\n\nUn [lien vers le script](outil.js) et une [page d’auteur](auteur.html).\n')
  // Every srcset candidate, and root-absolute sources (Vue's plugin imported those too).
  write('srcset.md', `# Srcset\n\n<img src="https://example.org/a.png" srcset="/outil.js 2x" alt="Candidat script">\n\n<img src="https://example.org/a.png" srcset="/../secret.txt?raw 2x" alt="Candidat fichier">\n\n<picture><source srcset="/outil.js 2x"><img src="https://example.org/b.png" alt="Source script"></picture>\n`)
  summary.push('* [Srcset](srcset.md)')
  // A description that closes VitePress's <meta> attribute, and one that closes the page component's <script>.
  write('description.md', `---\ndescription: '0;url=https://evil.example/" http-equiv="refresh'\n---\n# Description\n\nTexte.\n`)
  write('description-script.md', `---\ndescription: 'a </script> b'\n---\n# Titre </script> fermé\n\nTexte gardé.\n`)
  summary.push('* [Description](description.md)', '* [Description script](description-script.md)')
  // A description that is not text (VitePress escaped it as a string).
  write('description-nombre.md', `---\ndescription: 42\n---\n# Nombre\n\nTexte nombre.\n`)
  fs.writeFileSync(path.join(tmp, 'etiquettes.yaml'), `motdepasse: ${SECRET}-etiquette\n`)
  fs.mkdirSync(path.join(src, '.gitbook'), { recursive: true })
  fs.symlinkSync(path.join(tmp, 'etiquettes.yaml'), path.join(src, '.gitbook', 'tags.yaml'))
  write('etiquettes.md', '# Étiquettes\n\n{% updates format="full" %}\n{% update date="2025-01-01" tags="motdepasse" %}\nNouveauté.\n{% endupdate %}\n{% endupdates %}\n')
  summary.push('* [Nombre](description-nombre.md)', '* [Étiquettes](etiquettes.md)')
  // Symbolic links to a page and to a folder outside the space: VitePress's own file search follows them.
  fs.mkdirSync(path.join(tmp, 'ailleurs'))
  fs.writeFileSync(path.join(tmp, 'ailleurs', 'cache.md'), `# Caché\n\n${SECRET}-lien\n`)
  fs.symlinkSync(path.join(tmp, 'ailleurs', 'cache.md'), path.join(src, 'lien.md'))
  fs.symlinkSync(path.join(tmp, 'ailleurs'), path.join(src, 'dossier-lien'))
  // VitePress's containers and GitHub alerts put their title into the HTML as written.
  write('conteneurs.md', '# Conteneurs\n\n::: details <img src="./outil.js"> Titre du dépliant\nCorps.\n:::\n\n> [!TIP] <img src="./outil.js">\n> Texte de l’alerte.\n')
  summary.push('* [Page JS](code-js.md)', '* [Fichiers](fichiers.md)', '* [Crochets](<[param].md>)', '* [Scripts](scripts.md)', '* [Conteneurs](conteneurs.md)')
  // A page of 1.2 MB, first by its file name: read in three parts, it finishes
  // rendering for the search index after the small pages that follow it.
  write('000-volumineux.md', `# Volumineux\n\nPremier par son nom.\n\n<!-- ${'commentaire '.repeat(100_000)}-->\n\nFin du volumineux.\n`)
  summary.push('* [Volumineux](000-volumineux.md)')
  write('SUMMARY.md', `${summary.join('\n')}\n`)
  // Paths that are not text: they reached path functions, which threw.
  write('.gitbook.yaml', 'root: 7\nstructure:\n  readme: [a, b]\n  summary: { x: 1 }\n')
  fs.rmSync(marker, { force: true })
  space = loadSpace(src)
  result = await buildSpaceAsync({ src, out })
})

const page = (file: string) => loadPage(out, routeToHtml(space.pages.get(file)!.route))

describe('a space of extreme shapes', () => {
  it('builds, with warnings and no stack trace', () => {
    expect(result.status, result.log).toBe(0)
    expect(result.log).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/)
    expect(result.log).not.toMatch(/ENAMETOOLONG|duplicate ID/)
  })

  it('a .gitbook.yaml path that is not text: reported with its line, GitBook’s default used', () => {
    expect(result.log).toMatch(/\.gitbook\.yaml:1:\d+: warning: root must be a path, not 7/)
    expect(result.log).toMatch(/\.gitbook\.yaml:3:\d+: warning: structure\.readme must be a path/)
    expect(result.log).toMatch(/\.gitbook\.yaml:4:\d+: warning: structure\.summary must be a path/)
    expect(space.summaryFile).toBe('SUMMARY.md')
    expect(space.pages.get('README.md')!.route).toBe('')
  })

  it('two headings linking to one anchor: both indexed by the search, no duplicate id', () => {
    const index = fs.readdirSync(path.join(out, 'assets/chunks')).find((f) => f.startsWith('@localSearchIndex'))!
    const text = fs.readFileSync(path.join(out, 'assets/chunks', index), 'utf8')
    // Terms are indexed folded and lower-cased; the repeated heading joins the section before it.
    expect(text).toContain('"revoir"')
    expect(contentText(page('titres.md').document)).toContain('Deux.')
  })

  it('the search index lists the pages in the order of their files, not in the order they finish rendering: the same index on every build', () => {
    const index = fs.readdirSync(path.join(out, 'assets/chunks')).find((f) => f.startsWith('@localSearchIndex'))!
    const text = fs.readFileSync(path.join(out, 'assets/chunks', index), 'utf8')
    // MiniSearch's short id of each section, in the order sections were added.
    const ids: Record<string, string> = JSON.parse(/"documentIds":(\{[^}]*\})/.exec(text)![1])
    const indexed = Object.keys(ids)
      .sort((a, b) => Number(a) - Number(b))
      .map((k) => ids[k].split('#')[0])
      .filter((id, i, all) => all[i - 1] !== id)
    // VitePress lists the pages by file (JavaScript's sort of their paths).
    const byFile = [...space.pages.keys()].sort().map((file) => `/${space.pages.get(file)!.route}`)
    expect(indexed[0]).toBe('/000-volumineux')
    expect(indexed).toEqual(byFile.filter((route) => indexed.includes(route)))
    expect(indexed.length).toBeGreaterThan(20)
  })

  it('a very long published path is shortened to fit, with a warning, and the GitBook URL redirects', () => {
    let deepest = 'profond'
    for (let i = 0; i < LEVELS; i++) deepest += `/${slug(i)}`
    const p = space.pages.get(`${deepest}/README.md`)!
    expect(Buffer.byteLength(p.route)).toBeLessThan(200)
    expect(contentText(page(`${deepest}/README.md`).document)).toContain(`Texte du niveau ${LEVELS - 1}.`)
    expect(result.log).toMatch(/SUMMARY\.md:\d+:1: warning: profond\/niveau-00-.*would be published at a URL too long for a file name/)
    for (const f of fs.readdirSync(path.join(out, 'assets'))) expect(Buffer.byteLength(f)).toBeLessThan(255)
    const redirect = space.redirects.find((r) => r.to === p.route && r.source === 'long path')
    expect(redirect).toBeDefined()
    expect(fs.readFileSync(path.join(out, 'nginx-redirects.map'), 'utf8')).toContain(p.route)
  })

  it('two files at one URL: both named, one published there, the other at a free URL', () => {
    expect(result.log).toContain('a/README.md would be published at /a/, which a.md already has; it gets /a-2/')
    expect(result.log).toContain('casse.md would be published at /casse, which Casse.md already has; it gets /casse-2')
    expect(contentText(page('a/README.md').document)).toContain('Le dossier a.')
    expect(contentText(page('a.md').document)).toContain('Le fichier a.')
    expect(contentText(page('casse.md').document)).toContain('Minuscule.')
    expect(contentText(page('Casse.md').document)).toContain('Majuscule.')
  })

  it('a nested space: its SUMMARY.md is neither a page nor a crash, its pages are pages', () => {
    expect(result.log).toContain('equipe/SUMMARY.md:1:1: warning: equipe/SUMMARY.md is the table of contents of a nested space')
    expect(space.pages.has('equipe/SUMMARY.md')).toBe(false)
    expect(fs.existsSync(path.join(out, 'equipe/SUMMARY.html'))).toBe(false)
    expect(contentText(page('equipe/summary.md').document)).toContain('Le résumé de l’équipe.')
    expect(contentText(page('equipe/README.md').document)).toContain('L’espace de l’équipe.')
  })

  it('author <script> touching window: dropped with a warning, never run in Node', () => {
    expect(fs.existsSync(marker)).toBe(false)
    // The sanitizer drops them first; render-guard.ts would otherwise (script-dropped).
    expect(result.log).toContain('script.md:5:1: warning: <script> element is not published')
    expect(result.log).toContain('setup.md:3:1: warning: <script> element is not published')
    const text = contentText(page('script.md').document)
    expect(text).toContain('Avant le script.')
    expect(text).toContain('Après le script.')
    expect(contentText(page('setup.md').document)).toContain('Texte gardé.')
  })

  it('v-html on an element with children and code in a bound attribute: repaired or cut, with warnings', () => {
    const { document } = page('vhtml.md')
    expect(contentText(document)).toContain('enfant gardé')
    expect(contentText(document)).toContain('Paragraphe lié.')
    // The sanitizer removes them first; vue-safety.ts would otherwise (html-repaired, vue-directive-dropped).
    expect(result.log).toContain('vhtml.md:5:1: warning: <div> attribute v-html is Vue template syntax')
    expect(result.log).toContain('vhtml.md:7:1: warning: <p> attribute :title is Vue template syntax')
  })
})

describe('VitePress syntax that reads files or runs code: GitBook has none, none of it acts', () => {
  /** Every file of the build, as text. */
  const builtFiles = () =>
    fs.readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name))

  it('no file of the build machine is published: <!--@include:-->, <<< and @/ paths stay text or comments', () => {
    const leaks = builtFiles().filter((f) => fs.readFileSync(f).includes(SECRET))
    expect(leaks).toEqual([])
    const text = contentText(page('fichiers.md').document)
    expect(text).toContain('Avant.')
    expect(text).toContain('<<< ../secret.txt')
    expect(text).toContain('<<< @/../secret.txt')
    expect(text).toContain('Après.')
    // The included page's text is not pulled in either.
    expect(text).not.toContain('Texte gardé.')
  })

  it('front matter in JavaScript is never run: reported with its file, the page built without it', () => {
    expect(fs.existsSync(marker)).toBe(false)
    expect(result.log).toContain('code-js.md:1:1: warning: front matter written in « js » is not read: GitBook reads YAML only')
    expect(contentText(page('code-js.md').document)).toContain('Texte gardé.')
  })

  it('a page named [param].md is a page: the .paths.js beside it is never run', () => {
    expect(fs.existsSync(marker)).toBe(false)
    expect(contentText(page('[param].md').document)).toContain('Page crochets.')
  })

  it('a script of the space is neither bundled as an image nor published: its name and alt text stay, with warnings', () => {
    expect(fs.existsSync(marker)).toBe(false)
    expect(builtFiles().filter((f) => fs.readFileSync(f).includes(`${SECRET}-script`))).toEqual([])
    expect(builtFiles().filter((f) => path.basename(f).startsWith('outil'))).toEqual([])
    expect(result.log).toContain('scripts.md:3:1: warning: image outil.js is not an image file')
    expect(result.log).toContain('scripts.md:5:1: warning: image outil.js is not an image file')
    expect(result.log).toContain('scripts.md:7:1: warning: image outil.js is not an image file')
    expect(result.log).toMatch(/scripts\.md:9:\d+: warning: link to outil\.js, a JavaScript file: the site publishes no author script/)
    const text = contentText(page('scripts.md').document)
    for (const words of ['Outil', 'Outil HTML', 'Brut', 'lien vers le script']) expect(text).toContain(words)
  })

  it('VitePress’s containers and alerts are text, as in GitBook: their title goes through the image rule', () => {
    expect(fs.existsSync(marker)).toBe(false)
    const text = contentText(page('conteneurs.md').document)
    for (const words of ['::: details', 'Titre du dépliant', 'Corps.', '[!TIP]', 'Texte de l’alerte.']) expect(text).toContain(words)
    expect(result.log).toContain('conteneurs.md:3:1: warning: image outil.js is not an image file')
    expect(result.log).toContain('conteneurs.md:7:1: warning: image outil.js is not an image file')
  })

  it('every srcset candidate is checked: a script or a file outside the space is not imported', () => {
    expect(fs.existsSync(marker)).toBe(false)
    expect(builtFiles().filter((f) => fs.readFileSync(f).includes(SECRET))).toEqual([])
    expect(result.log).toContain('srcset.md:3:1: warning: image outil.js is not an image file')
    expect(result.log).toContain('srcset.md:5:1: warning: image ../secret.txt is not in this space')
    const { document } = page('srcset.md')
    expect([...document.querySelectorAll('img[srcset], source')].length).toBe(0)
    expect([...document.querySelectorAll('img[alt]')].map((i) => i.getAttribute('alt'))).toEqual(
      expect.arrayContaining(['Candidat script', 'Candidat fichier', 'Source script']),
    )
  })

  it('a linked HTML file of the space is published, but its scripts are not allowed by the site’s policy', () => {
    expect(fs.readFileSync(path.join(out, 'auteur.html'), 'utf8')).toContain(AUTHOR_SCRIPT)
    const csp = fs.readFileSync(path.join(out, 'csp.conf'), 'utf8')
    expect(csp).toMatch(/'sha256-[^']+'/)
    expect(csp).not.toContain(scriptHash(AUTHOR_SCRIPT))
  })

  it('a symbolic link to a page or a folder outside the space is neither read nor published', () => {
    expect(builtFiles().filter((f) => fs.readFileSync(f).includes(`${SECRET}-lien`))).toEqual([])
    expect(result.log).toContain('lien.md:1:1: warning: lien.md is a symbolic link: it is neither read nor published')
    expect(result.log).toContain('dossier-lien:1:1: warning: dossier-lien is a symbolic link: it is neither read nor published')
  })

  it('a description stays inside VitePress’s <meta>, and </script> in it does not stop the build', () => {
    const metas = (file: string) => [...page(file).document.querySelectorAll('meta[name="description"]')]
    expect(metas('description.md').map((m) => m.getAttribute('content'))).toEqual(['0;url=https://evil.example/" http-equiv="refresh'])
    expect(page('description.md').document.querySelector('meta[http-equiv]')).toBeNull()
    expect(metas('description-script.md').map((m) => m.getAttribute('content'))).toEqual(['a </script> b'])
    expect(contentText(page('description-script.md').document)).toContain('Texte gardé.')
  })

  it('a description that is a number is written as text', () => {
    expect([...page('description-nombre.md').document.querySelectorAll('meta[name="description"]')].map((m) => m.getAttribute('content'))).toEqual(['42'])
  })

  it('.gitbook/tags.yaml linking outside the space is not read', () => {
    expect(builtFiles().filter((f) => fs.readFileSync(f).includes(`${SECRET}-etiquette`))).toEqual([])
    expect(result.log).toContain('.gitbook/tags.yaml:1:1: warning: .gitbook/tags.yaml is a symbolic link to a file outside the space: it is not read')
    expect(contentText(page('etiquettes.md').document)).toContain('Nouveauté.')
  })

  it('the space’s public/ folder is not copied into the site as it is', () => {
    expect(builtFiles().filter((f) => f.includes('publie'))).toEqual([])
    expect(builtFiles().some((f) => fs.readFileSync(f).includes('Page brute.'))).toBe(false)
  })
})

/** Nine anchors, each a list of nine aliases of the one before: 9⁹ values once read out. */
function aliasBomb(): string {
  const names = 'abcdefghi'
  const lines = [`a: &a [${Array(9).fill('"lol"').join(', ')}]`]
  for (let i = 1; i < 9; i++) lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(', ')}]`)
  return `${lines.join('\n')}\n`
}

describe('YAML aliases nested to explode: warnings, the build goes on with defaults', () => {
  let bombs: BuildResult
  let bombsOut: string
  beforeAll(async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gb-yaml-aliases-'))
    const dir = path.join(tmp, 'espace')
    bombsOut = path.join(tmp, 'site')
    const put = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true })
      fs.writeFileSync(path.join(dir, rel), text)
    }
    put('.gitbook.yaml', aliasBomb())
    put('.gitbook/vars.yaml', aliasBomb())
    put('README.md', '# Accueil\n\nLe produit {% vars.a %}.\n')
    put('bombe.md', `---\n${aliasBomb()}---\n# Bombe\n\nTexte gardé.\n`)
    put('SUMMARY.md', '# Sommaire\n\n* [Accueil](README.md)\n* [Bombe](bombe.md)\n')
    bombs = await buildSpaceAsync({ src: dir, out: bombsOut })
  })

  it('builds, each file named at its first alias, and the page without its front matter', () => {
    expect(bombs.status, bombs.log).toBe(0)
    expect(bombs.log).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/)
    expect(bombs.log).toContain('.gitbook.yaml:2:8: warning: .gitbook.yaml uses too many YAML aliases — write the values out instead of repeating aliases (*name); the defaults are used meanwhile')
    expect(bombs.log).toContain('.gitbook/vars.yaml:2:8: warning: .gitbook/vars.yaml uses too many YAML aliases')
    expect(bombs.log).toContain('bombe.md:1:1: warning: front matter uses too many YAML aliases')
    expect(contentText(loadPage(bombsOut, 'bombe.html').document)).toContain('Texte gardé.')
    // No space variables: the use stays as written, and is reported.
    expect(contentText(loadPage(bombsOut, 'index.html').document)).toContain('{% vars.a %}')
  })
})
