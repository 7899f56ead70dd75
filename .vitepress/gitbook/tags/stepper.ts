// {% stepper %}{% step %}### Titre …{% endstep %}{% endstepper %}: numbered
// steps (GitBook *Stepper*), an ordered list whose items start with their
// title heading. Hints, code and tabs inside a step are ordinary content.
import { childOpens, markTitleHeading } from '../tag/helpers'
import { defineTag, metaOf, type TagMeta } from '../tag/registry'

type StepMeta = TagMeta & { inStepper?: boolean }

export const stepper = defineTag({
  name: 'stepper',
  end: 'always',
  args: {},
  open({ tokens, idx }) {
    for (const t of childOpens(tokens, idx, 'gitbook_step_open')) (metaOf(t) as StepMeta).inStepper = true
    return '<ol class="gb-stepper">\n'
  },
  close() {
    return '</ol>\n'
  },
})

export const step = defineTag({
  name: 'step',
  end: 'always',
  parent: 'stepper',
  args: {},
  open({ tokens, idx, meta }) {
    markTitleHeading(tokens, idx, 'gb-step__title')
    // A step outside a stepper (reported) cannot be a list item: a plain section.
    return (meta as StepMeta).inStepper ? '<li class="gb-step">\n' : '<section class="gb-step gb-step--alone">\n'
  },
  close({ meta }) {
    return (meta as StepMeta).inStepper ? '</li>\n' : '</section>\n'
  },
})
