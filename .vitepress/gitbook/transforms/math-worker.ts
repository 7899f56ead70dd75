// The thread of math-thread.ts: loads MathJax and converts one formula to
// warm it up while the main thread loads and bundles, then converts each
// formula the main thread sends. config-bundle.mjs compiles it beside the
// configuration.
import { type MessagePort, workerData } from 'node:worker_threads'
import { convertFormula } from './math-tex'
import type { MathRequest } from './math-thread'

const { port, done } = workerData as { port: MessagePort; done: Int32Array }
// Warms MathJax up; leaves nothing behind, as it defines no macro, and
// equations are numbered only by an explicit \tag (MathJax's `tags: 'none'`).
convertFormula('math_block', 'x^2 + \\frac{1}{2}')
port.on('message', ({ id, rule, tex }: MathRequest) => {
  // The reply is queued before the main thread wakes up to read it.
  port.postMessage({ id, converted: convertFormula(rule, tex) })
  Atomics.store(done, 0, id)
  Atomics.notify(done, 0)
})
