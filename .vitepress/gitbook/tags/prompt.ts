// {% prompt description="…" icon="…" defaultExpanded="full|partial"
// openInAIProviders="true" %} + fence + {% endprompt %}: a titled box around a
// prompt to copy. The text is the fence, in the HTML, with VitePress's copy
// button. "Open in ChatGPT/Claude…" links are not offered: they send the text
// to a third party.
import { authorIcon } from '../tag/helpers'
import { report } from '../env'
import { defineTag, escapeHtml, findClose } from '../tag/registry'
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
    const close = findClose(a.tokens, a.idx)
    if (!a.tokens.slice(a.idx + 1, close).some((t) => t.type === 'fence')) {
      report(a.env, a.ctx, a.tokens[a.idx].map?.[0] ?? 0, 'warning', 'prompt-no-fence',
        '{% prompt %} holds no fenced code block', 'put the prompt between ``` lines so it can be copied; its content is shown as is')
    }
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
