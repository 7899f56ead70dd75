// {% columns %}{% column width="50%" %}…{% endcolumn %}{% endcolumns %}: side
// by side on wide screens, stacked on narrow ones (GitBook: at most 2 columns).
import { childOpens } from '../tag/helpers'
import { defineTag, metaOf, type TagMeta } from '../tag/registry'
import { report } from '../env'

type ColumnMeta = TagMeta & { inColumns?: boolean }

export const columns = defineTag({
  name: 'columns',
  end: 'always',
  args: {},
  open({ tokens, idx, env, ctx }) {
    const cols = childOpens(tokens, idx, 'gitbook_column_open')
    for (const t of cols) (metaOf(t) as ColumnMeta).inColumns = true
    if (cols.length > 2) {
      report(env, ctx, tokens[idx].map?.[0] ?? 0, 'warning', 'columns-too-many',
        `{% columns %} has ${cols.length} columns; GitBook shows at most 2`, 'they are all shown, side by side')
    }
    return '<div class="gb-columns">\n'
  },
  close() {
    return '</div>\n'
  },
})

export const column = defineTag({
  name: 'column',
  end: 'always',
  parent: 'columns',
  args: { width: {} },
  open({ meta, tokens, idx, env, ctx }) {
    const width = meta.args.width
    let style = ''
    if (width) {
      const m = /^\s*(\d+(?:[.,]\d+)?)\s*%\s*$/.exec(width)
      if (m) style = ` style="--gb-column-width: ${m[1].replace(',', '.')}%"`
      else report(env, ctx, tokens[idx].map?.[0] ?? 0, 'warning', 'tag-bad-value',
        `{% column %}: width="${width}" is not a percentage`, 'write width="50%"; the columns share the width meanwhile')
    }
    return `<div class="gb-column"${style}>\n`
  },
  close() {
    return '</div>\n'
  },
})
