// VitePress's sidebar entry (VPSidebarItem) as the server renders it, written
// as one string per top-level group instead of one Vue component per entry
// (and one more for its link). The build swaps it in for the server bundle
// only (.vitepress/gitbook/sidebar-server-plugin.ts); the browser hydrates the
// same HTML with VitePress's own component, which keeps the clicks, the
// collapsing and the active entry. A component per entry cost about 50 µs of
// the server render, half of the render phase at 100 pages and more as the
// sidebar grows; the HTML is the same byte for byte, which the build tests
// check against VitePress's rendering (tests/build/sidebar-server.test.ts).
import type { DefaultTheme } from 'vitepress'
import { useData } from 'vitepress'
import { EXTERNAL_URL_RE, normalize } from 'vitepress/dist/client/shared.js'
import { normalizeLink } from 'vitepress/dist/client/theme-default/support/utils.js'
import { defineComponent, mergeProps, toRaw, type PropType } from 'vue'
import { ssrRenderAttrs } from 'vue/server-renderer'
import { once } from '../gitbook/once'
import { UNTRANSLATED } from './i18n/untranslated'
// The real component, for its scoped-style attribute (data-v-…).
import VPSidebarItem from 'vitepress/dist/client/theme-default/components/VPSidebarItem.vue'

type Item = DefaultTheme.SidebarItem

/** The caret's name, as translated in VitePress's component. */
const CARET_LABEL = UNTRANSLATED['VPSidebarItem.vue'][0][1]

/**
 * A link's address and its normalised form, once per build: every page
 * renders the same entries, and normalising each again for each page was
 * most of the sidebar's render time at 1,000 pages.
 */
const linkHref = once(normalizeLink)
const normalizedLink = once(normalize)

/**
 * VitePress's isActive(page, link) on the server, where a link with a hash
 * is never active (it compares the hash with location's, which is empty).
 */
function linksTo(page: string, link: string | undefined): boolean {
  return link !== undefined && normalizedLink(link) === page && !link.includes('#')
}

/** Whether an entry is the page `path` or holds it below, memoised for the page being rendered. */
let memoPath: string | undefined
let memoPage = ''
let memo = new WeakMap<Item, boolean>()
function holdsPage(path: string, item: Item): boolean {
  if (path !== memoPath) {
    memoPath = path
    memoPage = normalize(`/${path}`)
    memo = new WeakMap()
  }
  let held = memo.get(item)
  if (held === undefined) {
    held = linksTo(memoPage, item.link) || (item.items?.some((i) => holdsPage(path, i)) ?? false)
    memo.set(item, held)
  }
  return held
}

/** The entry and its children (renderAny), an entry without children once per build (leafHtml). */
function renderItem(item: Item, depth: number, attrs: Record<string, unknown>, scope: string, path: string, out: string[]): void {
  if (!item.items?.length && !Object.keys(attrs).length) {
    out.push(leafHtml(item, depth, scope))
    return
  }
  renderAny(item, depth, attrs, scope, path, out)
}

/**
 * An entry without children renders the same on every page (the server marks
 * no entry active, and it has no children to be `has-active`): its HTML is
 * made once per build. Keyed by what it renders from, not by the object:
 * each page's sidebar is a copy (the page's branch, then VitePress's base).
 * On the 1,009-page space this was most of the sidebar's render time.
 */
const leaves = new Map<string, string>()
function leafHtml(item: Item, depth: number, scope: string): string {
  const key = [depth, scope, item.text, item.link, item.target, item.rel, item.collapsed, item.items ? 1 : 0].join('\0')
  let html = leaves.get(key)
  if (html === undefined) {
    const out: string[] = []
    renderAny(item, depth, {}, scope, '', out)
    leaves.set(key, (html = out.join('')))
  }
  return html
}

/**
 * The entry and its children, as VPSidebarItem's template renders them on the
 * server. There, VitePress's control (useSidebarControl) has run only its
 * immediate watcher (collapsed from the config); the entry's own link is not
 * marked active before the page is mounted, its ancestors are (`has-active`).
 */
function renderAny(item: Item, depth: number, attrs: Record<string, unknown>, scope: string, path: string, out: string[]): void {
  const sid = ` ${scope}`
  const children = item.items ?? []
  const hasChildren = children.length > 0
  const isLink = !!item.link
  const collapsible = item.collapsed != null
  const collapsed = !!(collapsible && item.collapsed)
  const hasActiveLink = children.some((i) => holdsPage(path, i))
  const sectionTag = hasChildren ? 'section' : 'div'
  const textTag = !hasChildren ? 'p' : depth + 2 === 7 ? 'p' : `h${depth + 2}`
  const classes = [[`level-${depth}`], { collapsible }, { collapsed }, { 'is-link': isLink }, { 'is-active': false }, { 'has-active': hasActiveLink }]
  out.push(`<${sectionTag}${ssrRenderAttrs(mergeProps({ class: ['VPSidebarItem', classes] }, attrs))}${sid}>`)
  if (item.text) {
    out.push(`<div${ssrRenderAttrs({ class: 'item', role: isLink ? undefined : 'button', tabindex: item.items && 0 })}${sid}><div class="indicator"${sid}></div>`)
    if (item.link) {
      const external = EXTERNAL_URL_RE.test(item.link) || item.target === '_blank'
      const link = {
        class: ['VPLink', { link: item.link, 'vp-external-link-icon': external, 'no-icon': undefined }, 'link'],
        href: linkHref(item.link),
        target: item.target ?? (external ? '_blank' : undefined),
        rel: item.rel ?? (external ? 'noreferrer' : undefined),
      }
      out.push(`<a${ssrRenderAttrs(link)}${sid}><!--[--><${textTag} class="text"${sid}>${item.text}</${textTag}><!--]--></a>`)
    } else out.push(`<${textTag} class="text"${sid}>${item.text}</${textTag}>`)
    if (collapsible && hasChildren) {
      out.push(`<div class="caret" role="button" ${CARET_LABEL} tabindex="0"${sid}><span class="vpi-chevron-right caret-icon"${sid}></span></div>`)
    } else out.push('<!---->')
    out.push('</div>')
  } else out.push('<!---->')
  if (hasChildren) {
    out.push(`<div class="items"${sid}>`)
    if (depth < 5) {
      out.push('<!--[-->')
      for (const child of children) renderItem(child, depth + 1, {}, scope, path, out)
      out.push('<!--]-->')
    } else out.push('<!---->')
    out.push('</div>')
  } else out.push('<!---->')
  out.push(`</${sectionTag}>`)
}

export default defineComponent({
  name: 'VPSidebarItem',
  props: {
    item: { type: Object as PropType<Item>, required: true },
    depth: { type: Number, required: true },
  },
  setup() {
    return { page: useData().page }
  },
  ssrRender(ctx: { item: Item; depth: number; page: { relativePath: string } }, push: (s: string) => void, _parent: unknown, attrs: Record<string, unknown>) {
    const out: string[] = []
    // The raw entry: read through the site data's reactive proxy, every property access was a trap.
    renderItem(toRaw(ctx.item), ctx.depth, attrs, (VPSidebarItem as { __scopeId?: string }).__scopeId ?? '', ctx.page.relativePath, out)
    push(out.join(''))
  },
})
