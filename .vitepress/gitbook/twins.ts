// Markdown twins: every page also published as Markdown at `<page URL>.md`,
// as GitBook's published sites do, for readers and tools that want the source.
// A twin is the page's file byte for byte (front matter and GitBook tags
// kept), except that `{% include %}` lines are replaced by the included
// file's body, and links to other pages point at those pages' twins, so a
// reader of Markdown stays in Markdown. Links to files of the space point at
// their published copy.
//
// Where a twin lives: `routeToTarget` of the page's route, the very name
// VitePress gives the page's source after rewrites: `/a/b` → `/a/b.md`, a
// folder index `/a/` → `/a/index.md`, the home page `/` → `/index.md`.
//
// The build does not repair mojibake (it reports it: `npm run import` repairs
// the space), so neither does a twin: it shows what the page is built from.
import fs from 'node:fs'
import path from 'node:path'
import { writeNow, type WriteFile } from './deploy/precompress'
import { copyLinkedFiles } from './deploy/linked-files'
import { readMatter } from './matter'
import type { Plugin } from 'vite'
import { isNoIndex } from './reading-order'
import { insideSpace, resolveHref } from './resolve'
import type { PageInfo, Space } from './space'
import { parseArgs } from './tag/args'
import { readTagLine } from './tag/tokenize'
import { routeToTarget, routeToUrl, safeDecode } from './urls'

export interface TwinOptions {
  /** Base path the site is served under (`/ressources/`). */
  base: string
  /** Public origin (`https://x.gouv.fr/`): links become absolute, for Markdown read outside the site. */
  siteUrl?: string
}

/** Does `page` get a twin? Not when `noIndex`: the twin would be what search engines index instead. */
export const hasTwin = (page: PageInfo) => !isNoIndex(page)

/** The twin's path in the built site, relative to its root: `a/b.md`, `a/index.md`, `index.md`. */
export const twinFile = (page: PageInfo) => routeToTarget(page.route)

/** A root-absolute path (base included) made absolute when the public origin is known. */
export function publicUrl(rootPath: string, siteUrl?: string): string {
  return siteUrl ? new URL(rootPath, siteUrl).href : rootPath
}

/** The twin's URL: `/base/a/b.md`, or `https://x.gouv.fr/base/a/b.md`. */
export function twinUrl(page: PageInfo, o: TwinOptions): string {
  return publicUrl(routeToUrl(twinFile(page), o.base), o.siteUrl)
}

// A fence opener or closer: its character and length decide what closes it.
const FENCE = /^\s*(`{3,}|~{3,})/
// On a line outside code: inline code (kept as is), an inline link or image
// destination `](dest`, an HTML or GitBook-tag address `href="…"`, and a
// reference definition `[id]: dest` (not a footnote `[^1]: text`).
const LINKS =
  /(`+)[^`]*?\1|(\]\(\s*)(<[^>\n]*>|[^\s()<>]+(?:\([^\s()]*\)[^\s()]*)*)|(\b(?:href|src|url)\s*=\s*)(["'])([^"'\n]*)\5|^(\s{0,3}\[(?!\^)[^\]\n]+\]:\s*)(<[^>\n]*>|\S+)/g

/** Body of a file without its front matter, blank lines at both ends dropped. */
function includedBody(abs: string): string {
  const src = fs.readFileSync(abs, 'utf8')
  let body = src
  try {
    body = readMatter(src).content
  } catch {
    // Broken front matter is reported by the page's build; the twin keeps the text.
  }
  return body.replace(/^(\s*\n)+/, '').replace(/\s+$/, '')
}

/** The path an `{% include %}` line names, or null when the line is something else. */
function includePath(line: string): string | null {
  const tag = readTagLine(line)
  if (!tag || tag.isEnd || tag.name !== 'include') return null
  const args = parseArgs(tag.argsText)
  return (args.positional[0] ?? args.named.path ?? args.named.src ?? '').trim() || null
}

class TwinWriter {
  /** Files of the space the twins link to, absolute: copied into the site like linked files. */
  readonly assets = new Set<string>()
  constructor(
    private space: Space,
    private o: TwinOptions,
  ) {}

  /** The twin of `page`. */
  twin(page: PageInfo): string {
    return this.expand(path.join(this.space.root, page.file), fs.readFileSync(path.join(this.space.root, page.file), 'utf8'), [])
  }

  /** `text` (the content of `abs`) with includes spliced and links rewritten, line by line. */
  private expand(abs: string, text: string, stack: string[]): string {
    const file = path.relative(this.space.root, abs).split(path.sep).join('/')
    let fence: string | null = null
    return text
      .split('\n')
      .map((line) => {
        const f = FENCE.exec(line)
        if (f && (!fence || (f[1][0] === fence[0] && f[1].length >= fence.length))) {
          fence = fence ? null : f[1]
          return line
        }
        if (fence) return line
        const ref = includePath(line)
        if (ref !== null) return this.include(abs, ref, line, [...stack, abs]) ?? line
        return line.replace(LINKS, (m, _code, open, dest, attr, quote, value, ref, refDest) => {
          if (open !== undefined) return open + this.rewrite(file, dest)
          if (attr !== undefined) return `${attr}${quote}${this.rewrite(file, value)}${quote}`
          if (ref !== undefined) return ref + this.rewrite(file, refDest)
          return m
        })
      })
      .join('\n')
  }

  /** The included file's body at the tag's indentation, or null (tag kept) when the build could not include it either. */
  private include(from: string, ref: string, line: string, stack: string[]): string | null {
    if (/^\/?reusable-content\//.test(ref) || !/\.md$/i.test(ref)) return null
    const abs = path.resolve(path.dirname(from), ref)
    // The build's rules (tags/include.ts): a file of the space, not one already being included.
    if (!fs.existsSync(abs) || !fs.statSync(abs).isFile() || !insideSpace(this.space, abs) || stack.includes(abs)) return null
    const indent = /^\s*/.exec(line)![0]
    const body = this.expand(abs, includedBody(abs), stack)
    return body
      .split('\n')
      .map((l) => (l && indent ? indent + l : l))
      .join('\n')
  }

  /** A destination written in `file`, pointing where the twin's reader should go. */
  private rewrite(file: string, dest: string): string {
    const bracketed = dest.startsWith('<') && dest.endsWith('>')
    const href = bracketed ? dest.slice(1, -1) : dest
    const r = resolveHref(this.space, file, href)
    let out: string
    if (r.kind === 'page') {
      const page = this.space.pages.get(r.file)!
      const target = hasTwin(page) ? twinUrl(page, this.o) : publicUrl(routeToUrl(page.route, this.o.base), this.o.siteUrl)
      out = target + (r.hash ? `#${r.hash}` : '')
    } else if (r.kind === 'asset') {
      this.assets.add(r.abs)
      out = publicUrl(routeToUrl(r.file, this.o.base), this.o.siteUrl)
    } else {
      return dest
    }
    return bracketed || /[\s<>]/.test(out) ? `<${out}>` : out
  }
}

/** The twins of every page that has one, by page file, in no particular order. */
export function buildTwins(space: Space, o: TwinOptions): { twins: Map<string, string>; assets: Set<string> } {
  const writer = new TwinWriter(space, o)
  const twins = new Map<string, string>()
  for (const page of space.pages.values()) if (hasTwin(page)) twins.set(page.file, writer.twin(page))
  return { twins, assets: writer.assets }
}

/**
 * Write the twins into the built site, and the space files they link to;
 * returns the twins for llms-full.txt. `write` writes each twin (the build
 * hands them to its compression threads).
 */
export function writeTwins(outDir: string, space: Space, o: TwinOptions, write: WriteFile = writeNow): Map<string, string> {
  const { twins, assets } = buildTwins(space, o)
  for (const [file, text] of twins) write(path.join(outDir, twinFile(space.pages.get(file)!)), text)
  copyLinkedFiles(outDir, space.root, assets)
  return twins
}

/**
 * The dev server answers a twin's address as the built site will (the « Copier
 * la page en Markdown » button fetches it), from the page file as it is now.
 */
export function twinsDevPlugin(space: Space, o: TwinOptions): Plugin {
  return {
    name: 'gitbook:twins',
    configureServer(server) {
      // Made here, not with the configuration: a build never serves a twin.
      const byPath = new Map<string, PageInfo>()
      for (const page of space.pages.values()) if (hasTwin(page)) byPath.set(safeDecode(routeToUrl(twinFile(page), o.base)), page)
      server.middlewares.use((req, res, next) => {
        // In dev, the twin's address is also the page's Vue module, which the
        // browser imports as a script (and reloads with `?t=`): leave those to VitePress.
        if (req.headers['sec-fetch-dest'] === 'script') return next()
        // The address asked for: VitePress's rewrites change `req.url` to the source file's.
        const asked = (req as { originalUrl?: string }).originalUrl ?? req.url ?? ''
        const page = asked.includes('?') ? undefined : byPath.get(safeDecode(asked.replace(/#.*$/, '')))
        if (!page) return next()
        res.setHeader('content-type', 'text/markdown; charset=utf-8')
        res.end(new TwinWriter(space, o).twin(page))
      })
    },
  }
}
