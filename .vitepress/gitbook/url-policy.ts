// Which addresses an author may publish. Pages are untrusted input: a link,
// an image or a SUMMARY.md entry may only lead to the web (`http:`, `https:`),
// to mail and phone (`mailto:`, `tel:`), to a path of the site or to an anchor.
// `javascript:`, `vbscript:`, `data:` (but raster images) and every other
// scheme are refused wherever a URL can be written; the caller shows the text
// instead and reports it. The sanitizer, the link rules, the GitBook tags and
// the sidebar all ask this one module.

/** Schemes a link may use. @see isSafeUrl */
export const SAFE_SCHEMES = ['http', 'https', 'mailto', 'tel'] as const

/** `data:` images a browser shows as pictures, never as documents or scripts. */
const RASTER_DATA = /^data:image\/(png|jpe?g|gif|webp|avif|bmp);/i

/**
 * The URL as a browser reads it: leading and trailing spaces and control
 * characters dropped, tabs and newlines removed anywhere (`java\tscript:`
 * is `javascript:` to a browser).
 */
export function browserUrl(href: string): string {
  // eslint-disable-next-line no-control-regex
  return href.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '')
}

/** The lower-cased scheme of `href` (`javascript`), or null for a relative URL or an anchor. */
export function urlScheme(href: string): string | null {
  const m = /^([a-z][a-z0-9+.-]*):/i.exec(browserUrl(href))
  return m ? m[1].toLowerCase() : null
}

/**
 * May `href` be published? Relative paths, anchors and the safe schemes
 * always; a `data:` URL only as an image's source, and only for raster
 * formats (an SVG can hold a script).
 */
export function isSafeUrl(href: string, options: { image?: boolean } = {}): boolean {
  const scheme = urlScheme(href)
  if (scheme === null) return true
  if ((SAFE_SCHEMES as readonly string[]).includes(scheme)) return true
  return !!options.image && scheme === 'data' && RASTER_DATA.test(browserUrl(href))
}

/** The hint every refused URL carries. */
export const UNSAFE_URL_HINT =
  'write an http(s), mailto: or tel: address, a path of the space or an #anchor; the text is shown without a link meanwhile'

/** The message for a refused URL, with the address cut short. */
export function unsafeUrlMessage(where: string, href: string): string {
  const shown = href.length > 60 ? `${href.slice(0, 57)}…` : href
  return `${where}: the address "${shown}" uses the ${urlScheme(href) ?? '?'}: scheme, which could run code or leave the site; it is not published`
}
