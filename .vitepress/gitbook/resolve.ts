// What a link or image source in a page points at: another page (at its
// published route), a file of the space, an anchor, the outside world, or
// nothing. The build and the checker resolve every href through this.
import fs from 'node:fs'
import path from 'node:path'
import { once } from './once'
import type { Space } from './space'
import { isSafeUrl } from './url-policy'
import { isExternal, safeDecode, splitHash } from './urls'

export type Resolved =
  | { kind: 'external'; href: string }
  /** A scheme that could run code (`javascript:`): never published, see url-policy.ts. */
  | { kind: 'unsafe'; href: string }
  | { kind: 'anchor'; hash: string }
  | { kind: 'page'; file: string; route: string; hash: string }
  | { kind: 'asset'; file: string; abs: string }
  /**
   * `target` is the space-relative path the href names (may start with `../`).
   * `script`: the file is there, but is JavaScript, which is never published.
   */
  | { kind: 'missing'; target: string; page: boolean; hash: string; script?: true }

/**
 * Files a browser runs when the site serves them: the site's policy (CSP)
 * lets its own origin's scripts run, so an author's script published beside
 * them would run too, from an author HTML file or SVG image of the space.
 */
const SCRIPT_FILE = /\.(js|mjs|cjs)$/i

/** Real path of a folder asked about (a space's root, for every link of every page), once. */
const realDir = once((dir: string) => fs.realpathSync.native(dir))

/**
 * Is `abs` inside `dir` once symbolic links are followed? False when either
 * is missing. The system's realpath (one call, not one lstat per segment):
 * this runs for every link of every page and twin.
 */
export function insideDir(dir: string, abs: string): boolean {
  try {
    const root = realDir(dir)
    const real = fs.realpathSync.native(abs)
    return real === root || real.startsWith(root + path.sep)
  } catch {
    return false
  }
}

/** Is `abs` inside the space once symbolic links are followed? A page may not publish the build machine's files. */
export function insideSpace(space: Space, abs: string): boolean {
  return insideDir(space.root, abs)
}

/** Resolve `href`, written in the page `fromFile` (space-relative); `image` when it is an image source. */
export function resolveHref(space: Space, fromFile: string, href: string, options: { image?: boolean } = {}): Resolved {
  if (!isSafeUrl(href, options)) return { kind: 'unsafe', href }
  if (isExternal(href)) return { kind: 'external', href }
  const { pathPart: rawPath, hash } = splitHash(href)
  const pathPart = safeDecode(rawPath.replace(/\?.*$/, ''))
  if (pathPart === '') return { kind: 'anchor', hash: safeDecode(hash) }
  const target = (pathPart.startsWith('/')
    ? path.posix.normalize(pathPart.slice(1))
    : path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), pathPart))
  ).replace(/^\.\/$/, '.') // `../` from a first-level page: the space root
  const decodedHash = safeDecode(hash)
  const candidates = [target]
  if (pathPart.endsWith('/') || target === '.' || !path.posix.extname(target)) {
    const dir = target === '.' ? '' : target.replace(/\/$/, '') + '/'
    candidates.push(`${dir}README.md`, `${dir}readme.md`, `${target}.md`)
  }
  for (const c of candidates) {
    const page = space.pages.get(c)
    if (page) return { kind: 'page', file: page.file, route: page.route, hash: decodedHash }
  }
  if (/\.md$/i.test(target)) {
    // Same file with another letter case (exports from case-insensitive disks).
    for (const page of space.pages.values()) {
      if (page.file.toLowerCase() === target.toLowerCase()) {
        return { kind: 'page', file: page.file, route: page.route, hash: decodedHash }
      }
    }
    return { kind: 'missing', target, page: true, hash: decodedHash }
  }
  const abs = path.join(space.root, target)
  if (!target.startsWith('..') && fs.existsSync(abs) && fs.statSync(abs).isFile() && insideSpace(space, abs)) {
    if (SCRIPT_FILE.test(target)) return { kind: 'missing', target, page: false, hash: decodedHash, script: true }
    return { kind: 'asset', file: target, abs }
  }
  const isPage = !path.posix.extname(target) || pathPart.endsWith('/')
  return { kind: 'missing', target, page: isPage, hash: decodedHash }
}
