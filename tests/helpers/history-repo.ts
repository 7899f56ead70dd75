// A small git repository whose space went through what real handbooks go
// through: a file renamed, a page moved in SUMMARY.md, a group renamed, a page
// renamed on a branch merged later, a page deleted, a route taken again by a
// new page, a .gitbook.yaml redirect, and the pages moved under a `root:`.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

/** Run git in `cwd` with a fixed identity and date, failing loudly. */
export function git(cwd: string, args: string[], date = '2024-01-01T12:00:00Z'): string {
  const r = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
  })
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`)
  return r.stdout
}

function write(dir: string, files: Record<string, string>): void {
  for (const [f, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true })
    fs.writeFileSync(path.join(dir, f), text)
  }
}

const page = (title: string) => `# ${title}\n\nTexte de la page ${title}, assez long pour que git la reconnaisse une fois renommée.\n\n## Section\n\nSuite.\n`

const summary = (groups: [string, string[]][]) =>
  ['# Table des matières', '', '* [Accueil](README.md)', '', ...groups.flatMap(([g, lines]) => [...(g ? [`## ${g}`, ''] : []), ...lines, ''])].join('\n')

/**
 * Builds the repository in `repo`; the space is `repo/espace`, its pages
 * finally under `repo/espace/contenu` (`.gitbook.yaml` `root:`).
 */
export function makeHistoryRepo(repo: string): { space: string } {
  const space = path.join(repo, 'espace')
  fs.mkdirSync(space, { recursive: true })
  git(repo, ['init', '-q'])
  let day = 1
  const commit = (message: string) => {
    git(repo, ['add', '-A'])
    git(repo, ['commit', '-q', '-m', message], `2024-01-${String(day++).padStart(2, '0')}T12:00:00Z`)
  }
  // Outside the space: never read.
  write(repo, { 'autre/SUMMARY.md': '* [X](x.md)\n', 'autre/x.md': page('X') })
  write(space, {
    'README.md': page('Accueil'),
    'pages/ecrire.md': page('Écrire'),
    'pages/publier.md': page('Publier'),
    'pages/relire.md': page('Relire'),
    'pages/brouillon.md': page('Brouillon'),
    'pages/ancien-nom.md': page('Ancien nom'),
    'images/schema.png': 'PNG',
  })
  const v1: [string, string[]][] = [
    ['Guide', ['* [Écrire](pages/ecrire.md)', '* [Publier](pages/publier.md)', '  * [Relire](pages/relire.md)', '* [Brouillon](pages/brouillon.md)', '* [Ancien nom](pages/ancien-nom.md)']],
  ]
  write(space, { 'SUMMARY.md': summary(v1) })
  commit('Premier import')

  // A file renamed (and its SUMMARY link with it).
  git(repo, ['mv', 'espace/pages/ancien-nom.md', 'espace/pages/nouveau-nom.md'])
  write(space, { 'SUMMARY.md': summary(v1).replace('[Ancien nom](pages/ancien-nom.md)', '[Nouveau nom](pages/nouveau-nom.md)') })
  commit('Renommer une page')

  // A page moved in SUMMARY.md: Relire leaves Publier's children.
  const v3: [string, string[]][] = [
    ['Guide', ['* [Écrire](pages/ecrire.md)', '* [Publier](pages/publier.md)', '* [Relire](pages/relire.md)', '* [Brouillon](pages/brouillon.md)', '* [Nouveau nom](pages/nouveau-nom.md)']],
  ]
  write(space, { 'SUMMARY.md': summary(v3) })
  commit('Déplacer Relire')

  // A group renamed: every page of it moves.
  write(space, { 'SUMMARY.md': summary([['Exploitation', v3[0][1]]]) })
  commit('Renommer le groupe')

  // A page renamed on a branch, merged later (the published branch sees one change).
  git(repo, ['checkout', '-q', '-b', 'renommage'])
  git(repo, ['mv', 'espace/pages/publier.md', 'espace/pages/diffuser.md'])
  const v5 = v3[0][1].map((l) => l.replace('[Publier](pages/publier.md)', '[Diffuser](pages/diffuser.md)'))
  write(space, { 'SUMMARY.md': summary([['Exploitation', v5]]) })
  commit('Publier devient Diffuser')
  git(repo, ['checkout', '-q', 'main'])
  write(space, { 'pages/ecrire.md': `${page('Écrire')}\nUne retouche.\n` })
  commit('Retouche sans déplacement')
  git(repo, ['merge', '-q', '--no-ff', '-m', 'Fusion du renommage', 'renommage'], `2024-01-${String(day++).padStart(2, '0')}T12:00:00Z`)

  // A page deleted without successor.
  fs.rmSync(path.join(space, 'pages/brouillon.md'))
  const v6 = v5.filter((l) => !l.includes('brouillon'))
  write(space, { 'SUMMARY.md': summary([['Exploitation', v6]]) })
  commit('Supprimer le brouillon')

  // A new page takes a route an older page had: it stays that new page.
  write(space, { 'pages/ancien-nom.md': page('Ancien nom, revenu') })
  write(space, { 'SUMMARY.md': summary([['Exploitation', v6], ['Guide', ['* [Ancien nom](pages/ancien-nom.md)']]]) })
  commit('Une nouvelle page à une ancienne adresse')

  // The author's own redirect wins over the computed one.
  write(space, { '.gitbook.yaml': 'redirects:\n  guide/ecrire: pages/diffuser.md\n' })
  commit('Redirection déclarée')

  // Every page moves under `root:`; its routes do not change.
  fs.mkdirSync(path.join(space, 'contenu'))
  for (const f of ['README.md', 'SUMMARY.md', 'pages']) git(repo, ['mv', `espace/${f}`, `espace/contenu/${f}`])
  write(space, { '.gitbook.yaml': 'root: ./contenu/\n\nredirects:\n  guide/ecrire: pages/diffuser.md\n' })
  commit('Les pages passent sous contenu/')
  return { space }
}

/** Earlier route → the route it must land on, in the repository above. */
export const EXPECTED_REDIRECTS: Record<string, string> = {
  'guide/nouveau-nom': 'exploitation/nouveau-nom',
  'guide/publier': 'exploitation/diffuser',
  'guide/publier/relire': 'exploitation/relire',
  'guide/relire': 'exploitation/relire',
  'exploitation/publier': 'exploitation/diffuser',
  // .gitbook.yaml, not the history (which says exploitation/ecrire).
  'guide/ecrire': 'exploitation/diffuser',
}

/** Routes of the deleted page: no redirect. */
export const DELETED_ROUTES = ['guide/brouillon', 'exploitation/brouillon']

/** A route an older page had that a current page has now: no redirect. */
export const REUSED_ROUTE = 'guide/ancien-nom'
