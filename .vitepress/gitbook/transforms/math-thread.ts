// MathJax on a thread of its own. Loading MathJax and converting a first
// formula takes about 0.35 s of the main thread, in the middle of bundling,
// the moment the first page with a formula renders. A build of a space with
// formulas (site.ts) starts this thread as it loads the space: MathJax then
// loads on the second core, which the main thread leaves mostly idle then.
//
// markdown-it renders synchronously, so each formula is a synchronous call:
// the request goes to the thread, the main thread sleeps on a shared counter
// (Atomics.wait) until the thread has queued the reply, then reads it from
// its port (receiveMessageOnPort). The HTML is checked on the main thread as
// before (math.ts). Without the thread (the dev server, the checker, the
// engine run from its TypeScript sources), or once it fails, formulas are
// converted on the main thread, with the same result but in two cases: a
// formula nested so deep that MathJax runs out of stack on one thread and
// not on the other (each is then shown as its source, with a warning), and,
// after a thread stopped mid-build, the macros earlier formulas defined
// (\newcommand), which MathJax keeps for the rest of a build.
import type { RenderRule } from 'markdown-it/lib/renderer.mjs'
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads'
import { addRefusals, type ConvertedFormula, mathjaxRenderers, type MathRenderers } from './math-tex'

/** The compiled threads beside the compiled configuration (config-bundle.mjs); absent from the TypeScript sources. */
declare const __gitbook_workers: { math?: string } | undefined

export interface MathRequest {
  id: number
  rule: keyof MathRenderers
  tex: string
}

export interface MathReply {
  id: number
  converted: ConvertedFormula
  /** Converted before its page asked (math-ahead.ts). */
  early: boolean
}

/**
 * How long one formula may take on the thread, MathJax's loading included.
 * MathJax takes milliseconds for a formula: past this, the thread is dead or
 * the formula pathological, and the formula is shown as its source rather
 * than converted again here. A thread that dies while the main thread waits
 * is only noticed then: its exit event cannot run before.
 */
const WAIT_MS = 30_000

interface MathThread {
  worker: Worker
  port: MessagePort
  done: Int32Array
  lastId: number
  waitMs: number
  /** Why the thread is no longer used. */
  failed?: string
}

/** Formulas the thread converted in this process, and of those how many before their page asked: said at the end of the build. */
let converted = 0
let early = 0

let thread: MathThread | undefined

/**
 * Start the thread, once, when the compiled worker is there. It converts the
 * formulas of the `ahead` files (the pages with `$$`) before they are asked
 * for. `file` and `waitMs` are for the tests.
 */
export function startMathThread(ahead: string[] = [], file = typeof __gitbook_workers === 'undefined' ? undefined : __gitbook_workers.math, waitMs = WAIT_MS): boolean {
  if (thread) return true
  if (!file) return false
  const { port1, port2 } = new MessageChannel()
  // [0]: the last request answered; [1]: formulas converted ahead.
  const done = new Int32Array(new SharedArrayBuffer(8))
  let worker: Worker
  try {
    worker = new Worker(new URL(file), { workerData: { port: port2, done, ahead }, transferList: [port2] })
  } catch (e) {
    console.warn(`GitBook: formulas: the MathJax thread did not start (${e instanceof Error ? e.message : e}); they are converted on the main thread`)
    return false
  }
  // Neither keeps the build running once it is done.
  worker.unref()
  port1.unref()
  const started: MathThread = { worker, port: port1, done, lastId: 0, waitMs }
  worker.once('error', (e) => stop(started, e.message))
  worker.once('exit', (code) => stop(started, `exit code ${code}`))
  thread = started
  return true
}

/** No more formulas go to `t`; `why`, when it failed, is said. */
function stop(t: MathThread, why?: string): void {
  if (t.failed) return
  t.failed = why ?? 'stopped'
  void t.worker.terminate()
  if (thread === t) thread = undefined
  if (why) console.warn(`GitBook: formulas: the MathJax thread stopped (${why}); the next ones are converted on the main thread`)
}

/** Whether formulas go to the thread (tests). */
export const mathThreadRunning = (): boolean => thread !== undefined

/** How many formulas the running thread has converted ahead so far (tests). */
export const mathThreadAhead = (): number => (thread ? Atomics.load(thread.done, 1) : 0)

/** Stop the thread once the pages are rendered; returns how many formulas it converted, and how many of them ahead. */
export function stopMathThread(): { converted: number; early: number } {
  if (thread) stop(thread)
  return { converted, early }
}

/** Convert one formula on the thread, or undefined when there is none or it stopped. */
function onThread(rule: keyof MathRenderers, tex: string): ConvertedFormula | undefined {
  const t = thread
  if (!t || t.failed) return undefined
  const id = ++t.lastId
  t.port.postMessage({ id, rule, tex } satisfies MathRequest)
  const until = performance.now() + t.waitMs
  // Sleep only while the counter still holds the value just read: a reply
  // stored in between wakes nothing, and would be waited for until the end.
  for (let seen = Atomics.load(t.done, 0); seen !== id; seen = Atomics.load(t.done, 0)) {
    const left = until - performance.now()
    if (left <= 0) {
      const why = `no answer in ${t.waitMs / 1000} s`
      stop(t, why)
      return { crash: why }
    }
    Atomics.wait(t.done, 0, seen, left)
  }
  const reply = receiveMessageOnPort(t.port)?.message as MathReply | undefined
  if (reply?.id !== id) {
    stop(t, 'an answer to another formula')
    return undefined
  }
  converted++
  if (reply.early) early++
  return reply.converted
}

/**
 * The renderers of math.ts: a formula goes to the thread when it runs, else
 * to MathJax here. What the thread's MathJax refused is added to the
 * formula's refusals as if converted here; a formula MathJax threw on throws
 * its message here too, for math.ts to report.
 */
export const mathRenderers = (): MathRenderers => threaded

const threaded = Object.fromEntries(
  (['math_inline', 'math_block'] as const).map((rule) => [
    rule,
    ((tokens, idx, ...rest) => fromThread(rule, tokens[idx].content) ?? mathjaxRenderers()[rule](tokens, idx, ...rest)) satisfies RenderRule,
  ]),
) as MathRenderers

function fromThread(rule: keyof MathRenderers, tex: string): string | undefined {
  const converted = onThread(rule, tex)
  if (!converted) return undefined
  if ('crash' in converted) throw new Error(converted.crash)
  addRefusals(converted.refusals)
  return converted.result
}
