// {% if visitor.claims.unsigned.x %} … [{% else %} …] {% endif %}: GitBook
// *adaptive content*, chosen per reader from claims a static site does not
// have. Policy: everything is shown, each branch in a marked box that says, in
// French, that only some readers see it and under which condition.
import { childOpens } from '../tag/helpers'
import { defineTag, escapeHtml, metaOf, type TagMeta } from '../tag/registry'

type ElseMeta = TagMeta & { inIf?: boolean }

/** The condition as written: `{% if !visitor.claims.x === true %}` → `!visitor.claims.x === true`. */
function conditionOf(source: string, name: string): string {
  return source.replace(new RegExp(`^\\{%-?\\s*${name}\\b\\s*`), '').replace(/\s*-?%\}\s*$/, '').trim()
}

function label(text: string, condition: string): string {
  const cond = condition ? ` <span class="gb-if__condition">Condition : <code>${escapeHtml(condition)}</code></span>` : ''
  return `<p class="gb-if__label">${text}${cond}</p>\n`
}

export const ifTag = defineTag({
  name: 'if',
  end: 'always',
  positional: true,
  open({ meta, tokens, idx }) {
    for (const t of childOpens(tokens, idx, 'gitbook_else')) (metaOf(t) as ElseMeta).inIf = true
    return (
      '<div class="gb-if" role="note" aria-label="Contenu adaptatif">\n' +
      label('Contenu adaptatif : sur la version d’origine du manuel, ce contenu n’est affiché qu’à certains lecteurs.', conditionOf(meta.source, 'if')) +
      '<div class="gb-if__body">\n'
    )
  },
  close() {
    return '</div>\n</div>\n'
  },
})

export const elseTag = defineTag(
  {
    name: 'else',
    end: 'never',
    parent: 'if',
    positional: true,
    open({ meta }) {
      // Misplaced (reported): nothing to split, the text around it stays.
      if (!(meta as ElseMeta).inIf) return ''
      const cond = meta.name === 'elsif' || /^\{%-?\s*els(e\s*)?if\b/.test(meta.source) ? conditionOf(meta.source, 'els(?:e\\s*)?if') : ''
      return '</div>\n' + label(cond ? 'Sinon, si la condition suivante est remplie :' : 'Sinon (pour les autres lecteurs) :', cond) + '<div class="gb-if__body">\n'
    },
  },
  'elsif',
  'elseif',
)
