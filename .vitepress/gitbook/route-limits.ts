// What a published route must respect for VitePress to build it, whatever the
// shape of the space. VitePress 1.6.4 names a page's chunks after its whole
// route, slashes turned to `_` (`a/b/c.md` → `assets/a_b_c.md.<hash>.lean.js`,
// in dist/node `bundle()` and `renderPage()`, and in the client's
// `pathToFile()`): a deep SUMMARY with long titles gives a single file name
// over 255 bytes and the build dies with ENAMETOOLONG. The name is computed in
// four places, one of them inside VitePress's node code, so it cannot be
// shortened on its own: the route is shortened instead (deterministically,
// with a warning), and the GitBook URL redirects to it.
import { routeToTarget } from './urls'

/**
 * Longest route, flattened, that VitePress can name chunks after: 255 bytes
 * minus `.md.<8-char hash>.lean.js` (21 bytes) and `index` for a README, with
 * room to spare for filesystems that count differently.
 */
export const MAX_FLAT_ROUTE_BYTES = 180

/** Longest segment kept as is when a route must be shortened. */
const SEGMENT_BYTES = 48

const bytes = (s: string) => Buffer.byteLength(s, 'utf8')

/** A short, stable hash (FNV-1a, 32 bits, base 36): the same route always gives the same name. */
export function shortHash(s: string): string {
  let h = 0x811c9dc5
  for (const ch of Buffer.from(s, 'utf8')) {
    h ^= ch
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(36).padStart(7, '0')
}

/** `s` cut to at most `max` UTF-8 bytes, never inside a character; trailing `-` dropped. */
export function truncateBytes(s: string, max: number): string {
  let out = ''
  for (const ch of s) {
    if (bytes(out + ch) > max) break
    out += ch
  }
  return out.replace(/[-_.\s]+$/, '')
}

/** The name VitePress gives a route's chunk, before its hash: `a/b/` → `a_b_index.md`. */
export function chunkName(route: string): string {
  return routeToTarget(route).replace(/\//g, '_')
}

/** Whether VitePress can write every file of this route. */
export function routeFits(route: string): boolean {
  return bytes(chunkName(route)) <= MAX_FLAT_ROUTE_BYTES
}

/**
 * The route itself when it fits; else its first segments, each cut to a few
 * words, while they fit, and its last segment cut and suffixed with a hash of
 * the whole route (two long siblings stay apart). A README's trailing `/` stays.
 */
export function fitRoute(route: string): string {
  if (routeFits(route)) return route
  const dir = route.endsWith('/')
  const segments = route.replace(/\/$/, '').split('/')
  const cut = (s: string) => truncateBytes(s, SEGMENT_BYTES) || 'page'
  const last = `${cut(segments.pop()!)}-${shortHash(route)}`
  const kept: string[] = []
  for (const s of segments) {
    const candidate = [...kept, cut(s), last].join('/') + (dir ? '/' : '')
    if (!routeFits(candidate)) break
    kept.push(cut(s))
  }
  return [...kept, last].join('/') + (dir ? '/' : '')
}
