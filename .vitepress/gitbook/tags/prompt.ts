// {% prompt description="…" icon="…" defaultExpanded="full|partial"
// openInAIProviders="true" %} + fence + {% endprompt %}: a titled box around a
// prompt to copy. The text is the fence, in the HTML, with VitePress's copy
// button. "Open in ChatGPT/Claude…" links are not offered: they send the text
// to a third party.
import { authorIcon } from '../tag/helpers'
import { defineTag, escapeHtml } from '../tag/registry'
import { iconSvg } from '../icons'

export const prompt = defineTag({
  name: 'prompt',
  end: 'always',
  args: {
    description: {},
    icon: {},
    defaultExpanded: { values: ['full', 'partial', 'true', 'false'], fallback: 'full' },
    openInAIProviders: { values: ['true', 'false'], fallback: 'false' },
  },
  open(a) {
    const { description } = a.meta.args
    const icon = authorIcon(a, a.meta.args.icon) || iconSvg('wand-magic-sparkles') || ''
    const desc = description ? `<span class="gb-prompt__description">${escapeHtml(description)}</span>` : ''
    return (
      '<figure class="gb-prompt">\n' +
      `<figcaption class="gb-prompt__head"><span class="gb-prompt__icon">${icon}</span>` +
      `<span class="gb-prompt__label">Instruction</span>${desc}</figcaption>\n`
    )
  },
  close() {
    return '</figure>\n'
  },
})
