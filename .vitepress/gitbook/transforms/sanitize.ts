// Author HTML is untrusted: every raw HTML token of a page goes through an
// allow-list sanitizer (sanitize-html, a maintained library, rather than our
// own filters) before any other transform reads it. What GitBook itself
// writes survives unchanged (figures, pictures, expandables, card tables,
// coloured marks, buttons, icons, mentions, kbd, tables with their data-*);
// what could run code, restyle the site or send the reader elsewhere is
// dropped, its text kept, and reported with file:line:col.
//
// Raw HTML reaches markdown-it as separate tokens (`<div align="center">`,
// Markdown, `</div>`), so the tokens are sanitized together, as one document
// with a marker between them, and cut apart again: an element opened in one
// token and closed in another keeps both tags.
import { Parser } from 'htmlparser2'
import type MarkdownIt from 'markdown-it'
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs'
import type Token from 'markdown-it/lib/token.mjs'
import sanitizeHtml from 'sanitize-html'
import { type GitbookContext, type MarkdownEnv, pageState, report } from '../env'
import { escapeHtml } from '../tag/registry'
import { isSafeUrl, SAFE_SCHEMES, UNSAFE_URL_HINT, unsafeUrlMessage } from '../url-policy'

/** Elements an author may write: GitBook's HTML constructs and plain text formatting. */
export const ALLOWED_TAGS = [
  // GitBook's own constructs (GITBOOK.md §2)
  'figure', 'figcaption', 'picture', 'source', 'img', 'details', 'summary', 'mark', 'kbd', 'br', 'span',
  'div', 'p', 'a', 'i', 'button', 'pre', 'code',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'colgroup', 'col',
  // Text formatting GitBook exports or authors type by hand
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'em', 'u', 's', 'del', 'ins', 'sub', 'sup', 'small',
  'abbr', 'cite', 'q', 'blockquote', 'hr', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'time', 'var', 'samp', 'wbr',
]

/** Attributes every allowed element may carry; `data-*` holds GitBook's block settings. */
const GLOBAL_ATTRIBUTES = ['id', 'title', 'lang', 'dir', 'align', 'valign', 'width', 'height', 'style', 'data-*']

const ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'name'],
  img: ['src', 'alt', 'srcset', 'sizes', 'loading'],
  source: ['srcset', 'media', 'type', 'sizes'],
  details: ['open'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan', 'scope'],
  col: ['span'],
  colgroup: ['span'],
  ol: ['start', 'type', 'reversed'],
  li: ['value'],
  time: ['datetime'],
  q: ['cite'],
  blockquote: ['cite'],
  del: ['cite', 'datetime'],
  ins: ['cite', 'datetime'],
  button: ['type', 'disabled'],
}

/** Classes GitBook writes (icons, buttons, code languages); any other would restyle the site. */
const CLASSES: Record<string, string[]> = {
  i: ['fa', 'fas', 'far', 'fab', 'fa-*'],
  a: ['button', 'primary', 'secondary'],
  button: ['button', 'primary', 'secondary'],
  pre: ['language-*'],
  code: ['lang-*', 'language-*', 'expression'],
}

/** Colour values GitBook writes: palette names, `$info`-like theme tokens, hex and rgb()/hsl(). */
const COLOUR = [/^\$?[a-z]+$/i, /^#[0-9a-f]{3,8}$/i, /^(rgb|rgba|hsl|hsla)\([\d\s.,%/]+\)$/i]
const STYLES = { '*': { color: COLOUR, 'background-color': COLOUR } }

/** Elements whose content is code: shown as text (`codeAsText`), never run. */
const CODE_ELEMENTS = ['script', 'style']

const ATTRIBUTE_RE = new Map<string, RegExp>()
function globMatch(pattern: string, value: string): boolean {
  let re = ATTRIBUTE_RE.get(pattern)
  if (!re) {
    re = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`)
    ATTRIBUTE_RE.set(pattern, re)
  }
  return re.test(value)
}

/** An `<img>` whose source may not be published becomes its alt text. */
function unsafeImage(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  if (attribs.src !== undefined && !isSafeUrl(attribs.src, { image: true })) {
    return { tagName: 'span', attribs: {}, text: attribs.alt ?? '' }
  }
  return { tagName, attribs }
}

/** The one allow-list, given to sanitize-html and read again by `htmlProblems` for the messages. */
export const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: { '*': GLOBAL_ATTRIBUTES, ...ATTRIBUTES },
  allowedClasses: CLASSES,
  allowedStyles: STYLES,
  allowedSchemes: [...SAFE_SCHEMES],
  allowedSchemesByTag: { img: [...SAFE_SCHEMES, 'data'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'srcset'],
  allowProtocolRelative: true,
  disallowedTagsMode: 'discard',
  // Text inside a dropped element stays on the page; only code goes with its element.
  nonTextTags: CODE_ELEMENTS,
  transformTags: { img: unsafeImage },
}

export interface HtmlProblem {
  /** Offset of the start tag in the HTML given. */
  offset: number
  /** The start tag as written, cut short. */
  tag: string
  message: string
  hint: string
  /** Diagnostic code. @default 'html-unsafe' */
  code?: string
}

const ELEMENT_HINTS: Record<string, string> = {
  script: 'pages may not run scripts; remove it (its code is shown as text meanwhile)',
  style: 'the site’s look comes from its theme; remove it (its rules are shown as text meanwhile)',
  iframe: 'write {% embed url="…" %} to show a link to the content; the text inside is kept',
  object: 'link to the file instead; the text inside is kept',
  embed: 'link to the file instead',
  link: 'pages may not load stylesheets or other resources; remove it',
  meta: 'pages may not set headers or redirect the reader; remove it',
  base: 'pages may not change how links resolve; remove it',
  form: 'forms are not published; the text inside is kept',
}
const FORM_CONTROLS = new Set(['input', 'textarea', 'select', 'option', 'optgroup', 'label', 'fieldset', 'legend', 'output', 'datalist'])

function attributeProblem(tag: string, name: string, value: string): [string, string] | null {
  const lower = name.toLowerCase()
  if (/^(v-|:|@|#)/.test(name)) {
    return [`<${tag}> attribute ${name} is Vue template syntax, which pages may not use; it is removed`, 'remove it: the page shows its HTML as written, nothing is evaluated']
  }
  if (lower.startsWith('on')) {
    return [`<${tag}> attribute ${name} would run code in the reader’s browser; it is removed`, 'remove it: pages may not run scripts']
  }
  const allowed = [...GLOBAL_ATTRIBUTES, ...(ATTRIBUTES[tag] ?? []), 'class']
  if (!allowed.some((p) => globMatch(p, lower))) {
    return [`<${tag}> attribute ${name} is not published`, 'remove it; GitBook does not write it']
  }
  if (lower === 'class' && !CLASSES[tag]) {
    return [`<${tag}> class "${value}" is not published`, 'the site’s look comes from its theme; GitBook’s own classes (fa-…, button, language-…) are kept']
  }
  if (lower === 'class') {
    const dropped = value.split(/\s+/).filter((c) => c && !(CLASSES[tag] ?? []).some((p) => globMatch(p, c)))
    if (dropped.length) return [`<${tag}> class "${dropped.join(' ')}" is not published`, 'the site’s look comes from its theme; GitBook’s own classes (fa-…, button, language-…) are kept']
  }
  if (lower === 'style') {
    const rest = value.split(';').map((d) => d.trim()).filter((d) => {
      if (!d) return false
      const i = d.indexOf(':')
      const prop = d.slice(0, i).trim().toLowerCase()
      const v = d.slice(i + 1).trim()
      return !(i > 0 && (prop === 'color' || prop === 'background-color') && COLOUR.some((re) => re.test(v)))
    })
    if (rest.length) return [`<${tag}> style "${rest.join('; ')}" is not published`, 'only GitBook’s colours (color, background-color) are kept; the site’s look comes from its theme']
  }
  if (['href', 'src', 'cite'].includes(lower) && !isSafeUrl(value, { image: tag === 'img' && lower === 'src' })) {
    return [unsafeUrlMessage(`<${tag} ${lower}>`, value), UNSAFE_URL_HINT]
  }
  if (lower === 'srcset' && value.split(',').some((c) => !isSafeUrl(c.trim().split(/\s+/)[0] ?? '', { image: tag === 'img' }))) {
    return [unsafeUrlMessage(`<${tag} srcset>`, value), UNSAFE_URL_HINT]
  }
  return null
}

/** What the sanitizer will remove from `html`, for the author: one entry per tag or attribute. */
export function htmlProblems(html: string): HtmlProblem[] {
  const out: HtmlProblem[] = []
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const offset = parser.startIndex
        const tag = html.slice(offset, Math.min(parser.endIndex + 1, offset + 80))
        const add = (message: string, hint: string) => out.push({ offset, tag, message, hint })
        if (!ALLOWED_TAGS.includes(name)) {
          const hint = ELEMENT_HINTS[name] ?? (FORM_CONTROLS.has(name) ? 'form controls are not published; their text is kept' : 'GitBook does not write it; its text is kept')
          add(`<${name}> element is not published`, hint)
          return
        }
        for (const [attr, value] of Object.entries(attribs)) {
          const p = attributeProblem(name, attr, value)
          if (p) add(...p)
        }
      },
    },
    { decodeEntities: true },
  )
  parser.end(html)
  return out
}

const mark = (i: number) => `\uE000${i}\uE001`
const MARK_RE = /\uE000(\d+)\uE001/g

/**
 * Offsets of the end tags in `html` that close nothing (`</div>` with no
 * `<div>` open): the parser drops them silently, the author is told. htmlparser2
 * has no event for them, so its end-tag step is watched.
 */
export function strayEndTags(html: string): { offset: number; name: string }[] {
  const out: { offset: number; name: string }[] = []
  const parser = new Parser({}, { decodeEntities: true })
  const internals = parser as unknown as {
    onclosetag(start: number, end: number): void
    getSlice(start: number, end: number): string
    isVoidElement(name: string): boolean
    stack: string[]
  }
  const closeTag = internals.onclosetag.bind(parser)
  internals.onclosetag = (start, end) => {
    const name = internals.getSlice(start, end).toLowerCase()
    if (name !== 'p' && name !== 'br' && !internals.isVoidElement(name) && !internals.stack.includes(name)) out.push({ offset: start - 2, name })
    closeTag(start, end)
  }
  parser.end(html)
  return out
}

/** The fragments as one document, each after its marker. */
function joinFragments(fragments: string[]): string {
  let joined = ''
  fragments.forEach((f, i) => {
    joined += mark(i) + f
    // `<script>` written inline has its end tag in another token: close it
    // here, so the Markdown text after it stays text and the markers survive.
    const open = /^<(script|style)\b/i.exec(f.trimStart())
    if (open && !new RegExp(`</${open[1]}\\s*>`, 'i').test(f)) joined += `</${open[1]}>`
  })
  return codeAsText(joined + mark(fragments.length))
}

/**
 * `<script>` and `<style>` elements become their code shown as text
 * (`<code>…</code>`): nothing runs, and nothing the author wrote disappears.
 * The parser finds them (its own reading of raw text), not a pattern.
 */
export function codeAsText(html: string): string {
  const spans: { start: number; end: number; text: string }[] = []
  let open: { start: number; text: string } | null = null
  const parser = new Parser(
    {
      onopentag(name) {
        if (CODE_ELEMENTS.includes(name) && !open) open = { start: parser.startIndex, text: '' }
      },
      ontext(text) {
        if (open) open.text += text
      },
      onclosetag(name) {
        if (!open || !CODE_ELEMENTS.includes(name)) return
        spans.push({ start: open.start, end: parser.endIndex + 1, text: open.text })
        open = null
      },
    },
    { decodeEntities: false },
  )
  parser.end(html)
  let out = ''
  let at = 0
  for (const s of spans) {
    const text = s.text.trim()
    out += html.slice(at, s.start) + (text ? `<code>${escapeHtml(text)}</code>` : '')
    at = s.end
  }
  return out + html.slice(at)
}

/** Sanitize one fragment on its own, without the end tags the parser would add at its end. */
function sanitizeAlone(html: string): string {
  const out = sanitizeHtml(html + mark(0), SANITIZE_OPTIONS)
  const at = out.indexOf(mark(0))
  // The marker was swallowed (an unterminated tag): show the fragment as written.
  return at < 0 ? escapeHtml(html) : out.slice(0, at)
}

/**
 * Sanitize a page's raw HTML fragments as one document, so that an element
 * opened in one fragment and closed in another keeps both tags. Falls back to
 * one fragment at a time when a marker does not come back as text.
 */
export function sanitizeFragments(fragments: string[]): string[] {
  if (!fragments.length) return []
  const out = sanitizeHtml(joinFragments(fragments), SANITIZE_OPTIONS)
  const found = [...out.matchAll(MARK_RE)]
  const intact =
    found.length === fragments.length + 1 &&
    found.every((m, i) => Number(m[1]) === i && out.lastIndexOf('<', m.index) <= out.lastIndexOf('>', m.index))
  if (!intact) return fragments.map(sanitizeAlone)
  // What follows the last marker is the end tags the parser closed at the end: dropped.
  return found.slice(0, -1).map((m, i) => out.slice(m.index! + m[0].length, found[i + 1].index))
}

interface Fragment {
  token: Token
  /** 0-based body line where the fragment starts. */
  line: number
}

/** Every raw HTML token of the page, in document order, with its line. */
function fragmentsOf(tokens: Token[]): Fragment[] {
  const out: Fragment[] = []
  for (const t of tokens) {
    if (t.type === 'html_block') out.push({ token: t, line: t.map?.[0] ?? 0 })
    else if (t.type === 'inline' && t.children) {
      let line = t.map?.[0] ?? 0
      for (const c of t.children) {
        if (c.type === 'html_inline') out.push({ token: c, line })
        if (c.type === 'softbreak' || c.type === 'hardbreak') line++
        else line += (c.content.match(/\n/g) ?? []).length
      }
    }
  }
  return out
}

/** End tags that close nothing, per fragment (found in the whole page's HTML). */
function strayProblems(fragments: Fragment[]): HtmlProblem[][] {
  const joined = joinFragments(fragments.map((f) => f.token.content))
  const starts = [...joined.matchAll(MARK_RE)].map((m) => m.index! + m[0].length)
  const out: HtmlProblem[][] = fragments.map(() => [])
  for (const s of strayEndTags(joined)) {
    // An inline `<script>`'s end tag: joinFragments closed the element already.
    if (CODE_ELEMENTS.includes(s.name)) continue
    let i = starts.findIndex((start) => start > s.offset) - 1
    if (i < 0) i = fragments.length - 1
    if (i >= fragments.length) continue
    const offset = s.offset - starts[i]
    out[i].push({ offset, tag: `</${s.name}>`, message: `end tag </${s.name}> closes no element; it is removed`, hint: 'remove it, or add its start tag', code: 'html-stray-end-tag' })
  }
  return out
}

function reportProblems(env: MarkdownEnv, ctx: GitbookContext, f: Fragment, stray: HtmlProblem[]): void {
  const body = (env.content ?? env.gitbookSource ?? '').split('\n')
  const seen = new Set<string>()
  for (const p of [...htmlProblems(f.token.content), ...stray]) {
    const before = f.token.content.slice(0, p.offset)
    const line = f.line + (before.match(/\n/g) ?? []).length
    // The offset inside the token, then the tag as written in the source line
    // (list indentation shifts block HTML; inline tokens start mid-line).
    const estimate = f.token.type === 'html_block' ? p.offset - before.lastIndexOf('\n') - 1 : 0
    const source = body[line] ?? ''
    let at = source.indexOf(p.tag, estimate)
    if (at < 0) at = source.indexOf(p.tag)
    const column = (at >= 0 ? at : estimate) + 1
    const key = `${line}:${p.message}`
    if (seen.has(key)) continue
    seen.add(key)
    report(env, ctx, line, 'warning', p.code ?? 'html-unsafe', p.message, p.hint, column)
  }
}

export function sanitizePlugin(md: MarkdownIt, ctx: GitbookContext): void {
  // Registered last with `after('inline')`, so it runs first: every other
  // transform reads sanitized HTML, and what they write is not the author's.
  md.core.ruler.after('inline', 'gitbook_sanitize', (state: StateCore) => {
    const env = state.env as MarkdownEnv
    const fragments = fragmentsOf(state.tokens)
    if (!fragments.length) return
    if (pageState(env, ctx).file) {
      const stray = strayProblems(fragments)
      fragments.forEach((f, i) => reportProblems(env, ctx, f, stray[i]))
    }
    const clean = sanitizeFragments(fragments.map((f) => f.token.content))
    fragments.forEach((f, i) => {
      f.token.content = clean[i]
    })
  })
}
