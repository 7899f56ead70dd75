// gitbookPlugin(md, ctx): every GitBook Markdown feature, registered in the
// order markdown-it needs them. VitePress calls it last (`markdown.config`), so
// our render wrapper is the outermost one and sees the whole page source.
import type MarkdownIt from 'markdown-it'
import { createHash } from 'node:crypto'
import { blankFrontmatter, frontmatterProblem, readMatter } from './matter'
import { type GitbookContext, type MarkdownEnv, pageState, report } from './env'
import { mojibakeLines } from './mojibake'
import type Token from 'markdown-it/lib/token.mjs'
import { escapeHtml, getTag, metaOf, type RenderArgs, type TagMeta } from './tag/registry'
import { isSafeUrl, UNSAFE_URL_HINT, unsafeUrlMessage } from './url-policy'
import { tagTokenizerPlugin } from './tag/tokenize'
import { headingIdsPlugin } from './headings'
import { imagesPlugin, isSpaceImage } from './transforms/images'
import { linksPlugin } from './transforms/links'
import { anchorLinksPlugin } from './transforms/anchor-check'
import { imageLoadingPlugin } from './transforms/image-loading'
import { pageHeadPlugin } from './transforms/page-head'
import { annotationsPlugin } from './transforms/annotations'
import { variablesPlugin } from './transforms/variables'
import { buttonsPlugin } from './transforms/buttons'
import { cardsPlugin } from './transforms/cards'
import { coverPlugin } from './transforms/cover'
import { detailsPlugin } from './transforms/details'
import { figurePlugin } from './transforms/figure'
import { markPlugin } from './transforms/mark'
import { mathPlugin } from './transforms/math'
import { mentionsPlugin } from './transforms/mentions'
import { tasksPlugin } from './transforms/tasks'
import { sanitizePlugin } from './transforms/sanitize'
import { safeUrlsPlugin } from './transforms/safe-urls'
import { nestingLimitPlugin } from './transforms/nesting'
import { problemHint, problemLine, stripDirectives, vueSafe } from './transforms/vue-safety'
import { crashLine, crashPage, dropAuthorScripts, errorSummary } from './render-guard'
import './tags/hint'
import './tags/tabs'
import './tags/stepper'
import './tags/code'
import './tags/columns'
import './tags/content-ref'
import './tags/file'
import './tags/embed'
import './tags/include'
import './tags/if'
import './tags/updates'
import './tags/openapi'
import './tags/prompt'
import { preTitlePlugin } from './tags/code'

export type { GitbookContext } from './env'

/** Vue compiles pages as templates: `{{` written by an author must stay text. */
export function escapeMustache(html: string): string {
  return html.replace(/\{\{/g, '&#123;&#123;')
}

/** Attributes of GitBook tags that hold an address (`url`, `src`…), and positional paths. */
const URL_ARGS = ['url', 'src', 'page', 'path', 'spec', 'href', 'cover']

/** A tag's address under the URL policy: each tag then shows it as text, this says why. */
function checkTagUrls(meta: TagMeta, token: Token, env: MarkdownEnv, ctx: GitbookContext): void {
  const values = [...URL_ARGS.map((k) => meta.args[k]), ...meta.positional].filter((v): v is string => !!v)
  for (const v of values) {
    if (isSafeUrl(v.trim())) continue
    report(env, ctx, token.map?.[0] ?? 0, 'warning', 'url-unsafe', unsafeUrlMessage(`{% ${meta.name} %}`, v.trim()), UNSAFE_URL_HINT)
  }
}

function tagRenderers(md: MarkdownIt, ctx: GitbookContext): void {
  const renderWith =
    (which: 'open' | 'close') =>
    (tokens: RenderArgs['tokens'], idx: number, _o: unknown, env: MarkdownEnv): string => {
      const token = tokens[idx]
      const meta = metaOf(token)
      const spec = getTag(meta.name)
      if (!spec) return ''
      if (which === 'open') checkTagUrls(meta, token, env, ctx)
      const fn = which === 'open' ? spec.open : spec.close
      return fn ? fn({ md, tokens, idx, env, ctx, meta }) : ''
    }
  // Every registered tag gets its renderers lazily: the rule names depend on the token type.
  const rules = md.renderer.rules
  const original = md.renderer.render.bind(md.renderer)
  md.renderer.render = (tokens, options, env) => {
    for (const t of tokens) {
      if (!t.type.startsWith('gitbook_') || rules[t.type]) continue
      rules[t.type] = renderWith(t.type.endsWith('_close') ? 'close' : 'open')
    }
    return original(tokens, options, env)
  }
  // A stray end tag is syntax, not text: it renders nothing (and was reported).
  rules.gitbook_stray = () => ''
  // Body tokens a tag shows in another form (the link line of a content-ref).
  rules.gitbook_hidden = () => ''
  // An unknown tag keeps its body; a one-line unknown tag stays visible as written.
  rules.gitbook_unknown = (tokens, idx) => `<p class="gb-unknown-tag"><code>${escapeHtml(tokens[idx].meta.source)}</code></p>\n`
  rules.gitbook_unknown_open = (tokens, idx) => `<div class="gb-unknown" data-tag="${escapeHtml(tokens[idx].meta.name)}">\n`
  rules.gitbook_unknown_close = () => '</div>\n'
}

/**
 * Wrap `md.render` (outermost): remember the source for line numbers, survive
 * broken front matter, warn on mojibake, and keep `{{` from Vue.
 */
function renderWrapper(md: MarkdownIt, ctx: GitbookContext): void {
  const render = md.render.bind(md)
  // A page is rendered more than once (the page, then the search index, then
  // again on each dev edit): the mojibake scan is the costly part of this
  // wrapper, so it runs once per page content.
  const mojibakeSeen = new Map<string, number[]>()
  const mojibakeOf = (src: string, key: string): number[] => {
    let lines = mojibakeSeen.get(key)
    if (!lines) mojibakeSeen.set(key, (lines = mojibakeLines(src)))
    return lines
  }
  md.render = (src: string, env: MarkdownEnv = {}) => {
    const hash = createHash('sha1').update(src).digest('base64')
    env.gitbookSource = src
    try {
      // Known before the front matter plugin runs, so line numbers count it.
      env.content = readMatter(src).content
    } catch (e) {
      // Bad YAML, or a language other than YAML: report it and render the
      // page without the block (VitePress's reader would throw on it too).
      const problem = frontmatterProblem(e)
      report(env, ctx, 0, 'warning', 'frontmatter-yaml', problem.message, problem.hint)
      src = blankFrontmatter(src)
      env.gitbookSource = src
      env.content = src
    }
    const page = pageState(env, ctx)
    if (page.file) {
      for (const line of mojibakeOf(src, hash)) {
        report(env, ctx, line - 1 - page.lineOffset, 'warning', 'mojibake',
          'this line looks like mojibake (UTF-8 read as Mac OS Roman or Windows-1252)',
          'repair the page with `npm run import`')
      }
    }
    let html: string
    try {
      html = escapeMustache(render(src, env))
    } catch (e) {
      // One page never stops the build: find the line, say so, show the page as text.
      dropAuthorScripts(env)
      const body = env.content ?? src
      const offset = src.length - body.length
      const line = crashLine(body, (prefix) => render(src.slice(0, offset) + prefix, { ...env, gitbook: undefined, gitbookQuiet: true }))
      report(env, ctx, line, 'warning', 'render-crash', `this page could not be rendered (${errorSummary(e)}); it is published as plain text with a notice`,
        'simplify the construct written at this line, or report the message to the site maintainers')
      return crashPage(page.file || '<input>', line + 1 + page.lineOffset, body)
    }
    // VitePress lifts `<script>` and `<style>` blocks out of a page into its
    // component. The sanitizer removed every one an author wrote; none may pass,
    // and one that did is said (defence in depth).
    const scripts = dropAuthorScripts(env)
    if (scripts.length) {
      report(env, ctx, problemLine(env.content ?? src, { message: '', tag: '<script' }), 'warning', 'script-dropped', `the page holds ${scripts.length} <script> block(s); they were removed: no author code runs on the site`,
        'remove the <script> blocks; a page cannot run code')
    }
    if (env.sfcBlocks) {
      env.sfcBlocks.styles = []
      env.sfcBlocks.customBlocks = []
    }
    // Author HTML Vue cannot compile would stop the whole build: repair it, say so.
    const safe = vueSafe(html)
    for (const problem of safe.problems.slice(0, 5)) {
      const at = problem.tag ? ` at ${problem.tag}` : ''
      report(env, ctx, problemLine(env.content ?? src, problem), 'warning', 'html-repaired', `the page's HTML does not compile as a Vue template (${problem.message}${at})`,
        problemHint(problem))
    }
    const stripped = stripDirectives(safe.html, safe.ast, (url) => isSpaceImage(ctx, page.file, url))
    for (const d of stripped.dropped.slice(0, 5)) {
      report(env, ctx, problemLine(env.content ?? src, d), 'warning', 'vue-directive-dropped', `${d.message} was removed: it would run code`,
        'write plain HTML attributes; a page cannot run code')
    }
    // Defence in depth: the images rule already reported each source it refused.
    for (const url of new Set(stripped.refused)) {
      report(env, ctx, problemLine(env.content ?? src, { message: '', tag: url }), 'warning', 'image-not-image', `image ${url} is not an image file of this space: it was removed`,
        'name an image file of the space (PNG, JPEG, GIF, SVG, WebP, AVIF…)')
    }
    const source = (env as { realPath?: string }).realPath ?? (env as { path?: string }).path
    if (source) renderedPages.set(source, { hash, html: stripped.html, searchOff: env.frontmatter?.search === false })
    return stripped.html
  }
}

/** The last HTML of each page file, by absolute source path: see {@link renderedPage}. */
const renderedPages = new Map<string, { hash: string; html: string; searchOff: boolean }>()

/**
 * The HTML this build already rendered for `file` from this very `src`. The
 * search index renders every page a second time: our whole GitBook pipeline
 * twice per page was a fifth of the build's CPU time on a 100-page space.
 */
export function renderedPage(file: string, src: string): { html: string; searchOff: boolean } | undefined {
  const hit = renderedPages.get(file)
  return hit && hit.hash === createHash('sha1').update(src).digest('base64') ? hit : undefined
}

/** The `::: name` containers VitePress 1.6.4 adds to markdown-it. */
const VITEPRESS_CONTAINERS = ['tip', 'info', 'warning', 'danger', 'details', 'v-pre', 'raw', 'code-group']

export function gitbookPlugin(md: MarkdownIt, ctx: GitbookContext): void {
  // VitePress's own Markdown that GitBook does not have stays text, as GitBook
  // shows it: `<<< path` would put any file of the build machine into the
  // page; `::: tip`, `::: details`, `::: code-group` and `> [!TIP]` put their
  // title into the HTML as written, past the image and sanitizer rules (an
  // <img> there made Vite bundle and run the file it names).
  md.block.ruler.disable(['snippet', ...VITEPRESS_CONTAINERS.map((name) => `container_${name}`)], true)
  md.core.ruler.disable('github-alerts', true)
  nestingLimitPlugin(md, ctx)
  tagTokenizerPlugin(md, ctx)
  linksPlugin(md, ctx)
  headingIdsPlugin(md, ctx)
  imagesPlugin(md, ctx)
  preTitlePlugin(md, ctx)
  pageHeadPlugin(md, ctx)
  // Inline and HTML constructs. Each `after('inline')` rule runs before those
  // registered earlier, so these run in reverse order: cover, figure (pictures
  // become two imgs before images bundles them), cards (before raw links),
  // mentions (before links), buttons, mark, tasks, annotations, variables
  // (on sanitized HTML, so a value is inserted as text into safe markup).
  variablesPlugin(md, ctx)
  annotationsPlugin(md, ctx)
  mathPlugin(md, ctx)
  tasksPlugin(md, ctx)
  markPlugin(md, ctx)
  buttonsPlugin(md, ctx)
  mentionsPlugin(md, ctx)
  cardsPlugin(md, ctx)
  figurePlugin(md, ctx)
  coverPlugin(md, ctx)
  detailsPlugin(md, ctx)
  // Pushed after the expandables' ids: every id of the page is known by then.
  anchorLinksPlugin(md, ctx)
  // Last `after('inline')` rule, so the first to run: every transform above
  // reads author HTML once it has been sanitized.
  safeUrlsPlugin(md, ctx)
  sanitizePlugin(md, ctx)
  tagRenderers(md, ctx)
  renderWrapper(md, ctx)
  imageLoadingPlugin(md, ctx)
}
