// {% tabs %}{% tab title="…" %}…{% endtab %}{% endtabs %}: the build emits
// <GbTabs>/<GbTab> components (theme/components), which render a WAI-ARIA
// tablist once the page runs and show every panel without JavaScript or in print.
import { nextId } from '../env'
import { authorIcon } from '../tag/helpers'
import { defineTag, escapeHtml, findClose, metaOf } from '../tag/registry'

interface TabMeta {
  tabId?: string
  index?: number
  icon?: string
}

/** JSON for a Vue prop bound in the template (`:labels="…"`). */
function vueJson(value: unknown): string {
  return escapeHtml(JSON.stringify(value))
}

export const tabs = defineTag({
  name: 'tabs',
  end: 'always',
  args: {},
  open(a) {
    const { tokens, idx, env, ctx } = a
    const group = nextId(env, ctx, 'gb-tabs')
    const close = findClose(tokens, idx)
    const labels: string[] = []
    const ids: string[] = []
    const icons: string[] = []
    let depth = 0
    for (let i = idx + 1; i < close; i++) {
      const t = tokens[i]
      if (t.type === 'gitbook_tabs_open') depth++
      else if (t.type === 'gitbook_tabs_close') depth--
      else if (t.type === 'gitbook_tab_open' && depth === 0) {
        const meta = metaOf(t) as ReturnType<typeof metaOf> & TabMeta
        meta.index = labels.length
        meta.tabId = `${group}-${labels.length + 1}`
        labels.push(meta.args.title || `Onglet ${labels.length + 1}`)
        ids.push(meta.tabId)
        // `icon="apple"`: Font Awesome, inlined at build time like every icon.
        meta.icon = authorIcon({ ...a, idx: i, meta }, meta.args.icon)
        icons.push(meta.icon)
      }
    }
    const iconProp = icons.some(Boolean) ? ` :icons="${vueJson(icons)}"` : ''
    return `<GbTabs :labels="${vueJson(labels)}" :ids="${vueJson(ids)}"${iconProp}>\n`
  },
  close() {
    return '</GbTabs>\n'
  },
})

export const tab = defineTag({
  name: 'tab',
  end: 'always',
  parent: 'tabs',
  args: { title: {}, icon: {} },
  open({ meta }) {
    const m = meta as typeof meta & TabMeta
    const label = escapeHtml(m.args.title || 'Onglet')
    if (m.tabId === undefined) {
      // A tab outside {% tabs %} (reported): its content as a titled section.
      return `<section class="gb-tab gb-tab--alone">\n<p class="gb-tab__title">${label}</p>\n`
    }
    const icon = m.icon ? ` :icon="${vueJson(m.icon)}"` : ''
    return `<GbTab label="${label}" tab-id="${m.tabId}" :index="${m.index}"${icon}>\n`
  },
  close({ meta }) {
    return (meta as typeof meta & TabMeta).tabId === undefined ? '</section>\n' : '</GbTab>\n'
  },
})
