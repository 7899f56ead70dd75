// File ↔ URL rules. GitBook publishes a page at group slug / ancestor page slugs /
// page slug, following SUMMARY.md, not the folder layout (GITBOOK.md §5).
import path from 'node:path'

/** A href that leaves the site: `https:`, `mailto:`, protocol-relative. */
export function isExternal(href: string): boolean {
  return /^([a-z][a-z0-9+.-]*:|\/\/)/i.test(href)
}

/** Split `a/b.md#x` into path and anchor (anchor without `#`). */
export function splitHash(href: string): { pathPart: string; hash: string } {
  const i = href.indexOf('#')
  return i < 0 ? { pathPart: href, hash: '' } : { pathPart: href.slice(0, i), hash: href.slice(i + 1) }
}

/** Decode a percent-encoded href, keeping it as is when it is not valid encoding. */
export function safeDecode(s: string): string {
  try {
    return decodeURI(s)
  } catch {
    return s
  }
}

/** `README.md` in any letter case: GitBook's folder index. */
export function isReadme(file: string): boolean {
  return /^readme\.md$/i.test(path.posix.basename(file))
}

/** A page's own slug: its file name without `.md`, or its folder's name for a README. */
export function pageSlug(file: string): string {
  if (isReadme(file)) return path.posix.basename(path.posix.dirname(file))
  return path.posix.basename(file).replace(/\.md$/i, '')
}

/**
 * Why `route` (no base, no leading slash) cannot name a file of the site or a
 * path of its URLs, or undefined when it can. Routes come from author content
 * (.gitbook.yaml keys, SUMMARY.md ids, file names in the git history) and are
 * joined to the output folder: `..` would leave it, a leading `/` or `\`
 * makes `//host`, a protocol-relative link to another site.
 */
export function unsafeRoute(route: string): string | undefined {
  if (/^[/\\]/.test(route)) return 'it starts with / or \\'
  if (route.includes('\\')) return 'it holds a backslash'
  if (/\p{Cc}/u.test(route)) return 'it holds a control character'
  // A folder route ends with one `/` (`a/b/`); the home page is ''.
  const segments = route.replace(/\/$/, '').split('/')
  if (route !== '' && segments.includes('')) return 'it has an empty segment (//)'
  if (segments.some((s) => s === '.' || s === '..')) return 'it has a . or .. segment'
  return undefined
}

/**
 * Why `s` cannot be a SUMMARY group's segment of a URL, or undefined. Beyond
 * `unsafeRoute`: one segment, not empty, and not starting with `..` (VitePress
 * names a page's chunk after its route, and Rollup refuses a name starting so).
 */
export function unsafeGroupSlug(s: string): string | undefined {
  if (s === '') return 'it is empty'
  const why = unsafeRoute(s)
  if (why) return why
  if (s.includes('/')) return 'it holds a /'
  return s.startsWith('..') ? 'it starts with ..' : undefined
}

/**
 * Slug of a SUMMARY group: its custom id when that is a safe segment, else
 * its lower-cased title; '' when neither gives one (the caller warns).
 */
export function groupSlug(title: string, id?: string): string {
  if (id !== undefined && !unsafeGroupSlug(id)) return id
  let slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_.]+/g, '-')
    .replace(/^-+|-+$/g, '')
  // "...Et ensuite" → `et-ensuite`: see unsafeGroupSlug.
  if (slug.startsWith('..')) slug = slug.replace(/^[.-]+/, '')
  return unsafeGroupSlug(slug) ? '' : slug
}

/**
 * Where VitePress writes a route: `a/b/` → `a/b/index.md`, `a/b` → `a/b.md`,
 * `` (home) → `index.md`. Routes are URL paths without base or leading slash.
 */
export function routeToTarget(route: string): string {
  if (route === '' || route.endsWith('/')) return `${route}index.md`
  return `${route}.md`
}

/** The HTML file the build writes for a route: `a/b/` → `a/b/index.html`, `a/b` → `a/b.html`. */
export function routeToHtml(route: string): string {
  return route === '' || route.endsWith('/') ? `${route}index.html` : `${route}.html`
}

/** The route a file has when SUMMARY.md does not place it: its own path. */
export function fileRoute(file: string): string {
  if (isReadme(file)) {
    const dir = path.posix.dirname(file)
    return dir === '.' ? '' : `${dir}/`
  }
  return file.replace(/\.md$/i, '')
}

/** `/base/` + route, each segment percent-encoded once (names may hold spaces or accents). */
export function routeToUrl(route: string, base = '/'): string {
  const b = base.endsWith('/') ? base : `${base}/`
  const url = b + route.split('/').map((s) => encodeURIComponent(s)).join('/')
  // `//host` and `/\host` are protocol-relative to a browser: a link to another site.
  if (/^\/[/\\]/.test(url)) throw new Error(`refusing the protocol-relative URL ${url} (route "${route}", base "${base}")`)
  return url
}

/** Normalise a base path given on the command line: `ressources` → `/ressources/`. */
export function normalizeBase(base: string | undefined): string {
  if (!base) return '/'
  let b = base.trim()
  if (!b.startsWith('/')) b = `/${b}`
  if (!b.endsWith('/')) b = `${b}/`
  return b.replace(/\/+/g, '/')
}

/**
 * The names under which two routes would be one page for the site, compared
 * without case: the URL GitBook gives (`a`, `a/` and `a/index` are one
 * address) and the chunk name VitePress derives (`a/b` and `a_b` are one
 * file, `:` or `#` become `_`; its hash map is keyed in lower case).
 */
export function routeKeys(route: string): string[] {
  const url = route.replace(/(^|\/)index$/i, '$1').replace(/\/$/, '').toLowerCase()
  const chunk = routeToTarget(route)
    .replace(/[\u0000-\u001F"#$&*+,:;<=>?[\]^`{|}\u007F/]/g, '_')
    .replace(/^_+/, '')
    .toLowerCase()
  return [`url:${url}`, `chunk:${chunk}`]
}
