// Reads a GitBook space folder once: its configuration, SUMMARY.md, every page's
// front matter and title, and the table of published routes the build, the
// sidebar and the checker all share.
import fs from 'node:fs'
import path from 'node:path'
import { readMatter } from './matter'
import type { Diagnostic } from './diagnostics'
import { outsideSpace, readGitbookYaml, spaceLayout, type GitbookYaml } from './gitbook-yaml'
import { insideDir } from './resolve'
import { isSpaceMarkdown, placePages } from './placement'
import { parseSummary, type SummaryGroup } from './summary'
import { fileRoute, isReadme, pageSlug, routeToTarget, unsafeRoute } from './urls'
import { readSpaceVars, type Vars } from './transforms/variables'

export interface PageInfo {
  /** Path relative to the space root, forward slashes. */
  file: string
  /** Published route: URL path without base or leading slash (`cadrer/x/`, `cadrer/x/y`). */
  route: string
  /** Title: the page's first `# ` heading, else its SUMMARY entry, else its slug. */
  title: string
  /** Title used in the sidebar and pagination (SUMMARY text). */
  navTitle: string
  frontmatter: Record<string, any>
  inSummary: boolean
  /** Line of the page's entry in SUMMARY.md. */
  summaryLine?: number
  /** The page holds `$$`, perhaps a formula: the build loads MathJax early (math-thread.ts). */
  math?: true
}

export interface Redirect {
  /** Old route, without base or leading slash. */
  from: string
  /** New route. */
  to: string
  /** Where it comes from, for messages. */
  source: string
}

export interface Space {
  /** Absolute path of the folder holding the pages (`.gitbook.yaml` `root`). */
  root: string
  /** Absolute path of the folder given to the build (where `.gitbook.yaml` sits). */
  dir: string
  summaryFile: string
  readmeFile: string
  /** `SUMMARY.md` files of nested spaces: not pages, not navigation. */
  nestedSummaries: string[]
  groups: SummaryGroup[]
  pages: Map<string, PageInfo>
  /** route → file */
  routes: Map<string, string>
  redirects: Redirect[]
  diagnostics: Diagnostic[]
  /** Space variables, from `.gitbook/vars.yaml` (transforms/variables.ts). */
  vars?: Vars
  /** Symbolic links of the space (files and folders, root-relative): never read, kept from VitePress. */
  links?: string[]
}

/**
 * Every `.md` file of the space, except GitBook's own folder and dependencies.
 * Symbolic links are neither followed nor listed, but put in `links`: one can
 * point anywhere on the build machine (`page.md -> /etc/…`).
 */
export function listMarkdown(root: string, links: string[] = []): string[] {
  const out: string[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
      const abs = path.join(dir, entry.name)
      if (entry.isSymbolicLink()) links.push(path.relative(root, abs).split(path.sep).join('/'))
      else if (entry.isDirectory()) walk(abs)
      else if (isSpaceMarkdown(entry.name)) out.push(path.relative(root, abs).split(path.sep).join('/'))
    }
  }
  walk(root)
  return out.sort()
}

/** The text of the first `# ` heading outside code fences, Markdown marks removed. */
export function firstH1(body: string): string | undefined {
  let fence: string | null = null
  for (const line of body.split('\n')) {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line)
    if (f) {
      if (!fence) fence = f[1][0]
      else if (f[1][0] === fence) fence = null
      continue
    }
    if (fence) continue
    const m = /^#\s+(.*?)\s*#*\s*$/.exec(line)
    if (m) {
      return m[1]
        .replace(/<[^>]+>/g, '')
        .replace(/[*_`]/g, '')
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/&#x20;/g, ' ')
        .trim()
    }
  }
  return undefined
}

function readPage(root: string, file: string): { frontmatter: Record<string, any>; title?: string; math: boolean } {
  const src = fs.readFileSync(path.join(root, file), 'utf8')
  const math = src.includes('$$')
  try {
    const { data, content } = readMatter(src)
    return { frontmatter: data, title: firstH1(content), math }
  } catch {
    // Broken front matter is reported by the page render; read the body anyway.
    return { frontmatter: {}, title: firstH1(src), math }
  }
}

export function loadSpace(dir: string): Space {
  const diagnostics: Diagnostic[] = []
  const conf = readGitbookYaml(dir, diagnostics)
  const { summaryFile, readmeFile, ...layout } = spaceLayout(conf)
  let root = path.resolve(dir, layout.root)
  if (!insideDir(dir, root)) {
    diagnostics.push(outsideSpace(layout.root))
    root = path.resolve(dir)
  }
  const summaryPath = path.join(root, summaryFile)
  let groups: SummaryGroup[] = []
  if (fs.existsSync(summaryPath)) {
    if (insideDir(root, summaryPath)) groups = parseSummary(fs.readFileSync(summaryPath, 'utf8'))
    else diagnostics.push(outsideSpace(summaryFile))
  }
  const links: string[] = []
  const markdown = listMarkdown(root, links)
  // SUMMARY.md is read above when its link stays in the space, and is no page.
  for (const link of links.filter((l) => l !== summaryFile)) {
    diagnostics.push({
      file: link,
      line: 1,
      column: 1,
      severity: 'warning',
      code: 'symbolic-link',
      message: `${link} is a symbolic link: it is neither read nor published`,
      hint: 'put the file itself in the space: a link can point anywhere on the machine that builds the site',
    })
  }
  const plan = placePages({ markdown, groups, summaryFile, readmeFile })
  diagnostics.push(...plan.diagnostics)
  const pages = new Map<string, PageInfo>()
  for (const p of plan.placed.values()) {
    const page = readPage(root, p.file)
    pages.set(p.file, {
      file: p.file,
      route: p.route,
      title: page.title ?? p.entryTitle,
      navTitle: p.homeTitle || p.entryTitle || page.title || pageSlug(p.file),
      frontmatter: page.frontmatter,
      inSummary: p.inSummary,
      summaryLine: p.summaryLine,
      ...(page.math && { math: true as const }),
    })
  }
  const routes = plan.routes
  const nestedSummaries = plan.nestedSummaries
  // A hidden page is meant to be out of the navigation: no report for it.
  for (let i = diagnostics.length - 1; i >= 0; i--) {
    const d = diagnostics[i]
    if (d.code === 'summary-missing-page' && pages.get(d.file)?.frontmatter.hidden === true) diagnostics.splice(i, 1)
  }

  const redirects = spaceRedirects(conf, pages, routes, diagnostics)
  const vars = readSpaceVars(root, diagnostics)
  const space = { root, dir, summaryFile, readmeFile, nestedSummaries, groups, pages, routes, redirects, diagnostics, vars, links }
  addRedirects(space, plan.longRoutes)
  return space
}

/**
 * Old URLs that must still lead somewhere: the file-path form of every page
 * whose published route differs, and `.gitbook.yaml` `redirects:`, which
 * GitBook applies only where no page exists at the old path.
 */
function spaceRedirects(
  conf: GitbookYaml,
  pages: Map<string, PageInfo>,
  routes: Map<string, string>,
  diagnostics: Diagnostic[],
): Redirect[] {
  const out: Redirect[] = []
  // Without case: nginx compares map keys so, and `/Page` must not redirect when page.md is a page.
  const taken = new Set([...routes.keys()].map((r) => r.toLowerCase()))
  const add = (from: string, to: string, source: string) => {
    if (taken.has(from.toLowerCase()) || from === to) return
    taken.add(from.toLowerCase())
    out.push({ from, to, source })
  }
  // Paths in .gitbook.yaml are relative to `root`; the line is where the key is written.
  const lineOf = (key: string) => conf.redirectLines?.[key] ?? 1
  for (const [key, target] of Object.entries(conf.redirects ?? {})) {
    const from = String(key).replace(/^\/+/, '').replace(/\.md$/i, '')
    // The key becomes a file of the site and a key of the nginx map: never outside it.
    const unsafe = unsafeRoute(from)
    if (unsafe) {
      diagnostics.push({
        file: '.gitbook.yaml',
        line: lineOf(key),
        column: 1,
        severity: 'warning',
        code: 'redirect-unsafe-path',
        message: `redirect ${JSON.stringify(key)} → ${target}: the old path is not a path of the site (${unsafe}); it is ignored`,
        hint: 'write the old path as GitBook published it: segments separated by /, without . or .., backslash or control character (guide/old-page: guide/page.md)',
      })
      continue
    }
    const file = path.posix.normalize(String(target).replace(/^\.?\//, ''))
    const page = pages.get(file)
    if (page) add(from, page.route, '.gitbook.yaml')
    else {
      diagnostics.push({
        file: '.gitbook.yaml',
        line: lineOf(key),
        column: 1,
        severity: 'warning',
        code: 'redirect-missing-target',
        message: `redirect ${key} → ${target}: ${file} is not a page of this space`,
        hint: 'point the redirect to an existing page file (path relative to root, with .md)',
      })
    }
  }
  for (const page of pages.values()) {
    const own = fileRoute(page.file)
    add(own, page.route, 'file path')
    // `/folder/README` and `/folder/readme` as well as `/folder/`.
    if (isReadme(page.file)) add(page.file.replace(/\.md$/i, ''), page.route, 'file path')
  }
  return out
}

/** VitePress `rewrites`: source file → output file, so each page lands at its GitBook URL. */
export function spaceRewrites(space: Space): Record<string, string> {
  const out: Record<string, string> = {}
  for (const page of space.pages.values()) out[page.file] = routeToTarget(page.route)
  return out
}

/**
 * Pages that moved since a previous version of the space (`--previous <dir>`):
 * the same file, published at another route (its SUMMARY.md place changed).
 * A renamed or removed file cannot be matched: declare it in `.gitbook.yaml`
 * `redirects:` (old path: new file), which GitBook honours too.
 */
export function movedPages(previous: Space, space: Space): Redirect[] {
  const out: Redirect[] = []
  for (const old of previous.pages.values()) {
    const now = space.pages.get(old.file)
    if (now && now.route !== old.route) out.push({ from: old.route, to: now.route, source: 'previous version' })
  }
  return out
}

/** Add redirects, as GitBook does: only where no page and no earlier redirect exists. */
export function addRedirects(space: Space, extra: Redirect[]): void {
  const taken = new Set([...space.routes.keys(), ...space.redirects.map((r) => r.from)].map((r) => r.toLowerCase()))
  for (const r of extra) {
    if (taken.has(r.from.toLowerCase()) || r.from === r.to) continue
    taken.add(r.from.toLowerCase())
    space.redirects.push(r)
  }
}
