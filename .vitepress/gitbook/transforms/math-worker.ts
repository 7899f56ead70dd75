// The thread of math-thread.ts: loads MathJax and converts one formula to
// warm it up while the main thread loads and bundles, then the formulas of
// the pages' sources (math-ahead.ts) while it waits, and each formula the
// main thread sends, from what it converted ahead when it can.
// config-bundle.mjs compiles it beside the configuration.
import fs from 'node:fs'
import { type MessagePort, workerData } from 'node:worker_threads'
import { DEFINES, type Formula, formulaKey, formulasAhead } from './math-ahead'
import { type ConvertedFormula, convertFormula } from './math-tex'
import type { MathReply, MathRequest } from './math-thread'

const { port, done, ahead = [] } = workerData as { port: MessagePort; done: Int32Array; ahead?: string[] }
// Warms MathJax up; leaves nothing behind, as it defines no macro, and
// equations are numbered only by an explicit \tag (MathJax's `tags: 'none'`).
convertFormula('math_block', 'x^2 + \\frac{1}{2}')

/** Formulas converted, by rule and TeX, while no formula has defined anything. */
const ready = new Map<string, ConvertedFormula>()
let reuse = true
let queue: Formula[] = []

function convert(f: Formula): MathReply['converted'] {
  const converted = convertFormula(f.rule, f.tex)
  if (reuse && !('crash' in converted)) ready.set(formulaKey(f), converted)
  return converted
}

port.on('message', ({ id, rule, tex }: MathRequest) => {
  const f: Formula = { rule, tex }
  // From here on, each formula is converted in the pages' order, as on the main thread.
  if (reuse && DEFINES.test(tex)) {
    reuse = false
    ready.clear()
    queue = []
  }
  const known = reuse ? ready.get(formulaKey(f)) : undefined
  // The reply is queued before the main thread wakes up to read it.
  port.postMessage({ id, converted: known ?? convert(f), early: known !== undefined } satisfies MathReply)
  Atomics.store(done, 0, id)
  Atomics.notify(done, 0)
})

/** One formula ahead per turn, so that a page's request waits for one at most. */
function next(): void {
  const f = queue.shift()
  if (!f || !reuse) return
  if (!ready.has(formulaKey(f))) {
    convert(f)
    Atomics.add(done, 1, 1)
  }
  setImmediate(next)
}

setImmediate(() => {
  // A page that cannot be read has its formulas converted when it renders.
  const sources = ahead.flatMap((file) => {
    try {
      return [fs.readFileSync(file, 'utf8')]
    } catch {
      return []
    }
  })
  if (reuse) queue = formulasAhead(sources)
  next()
})
