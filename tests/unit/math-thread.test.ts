// Formulas converted on MathJax's own thread (math-thread.ts) come out as on
// the main thread, with the same reports, and MathJax is never loaded on the
// main thread; a thread that stops or does not answer hands the formulas over
// to the main thread. Its own file, so that no other test has loaded MathJax.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { bundleConfig } from '../../.vitepress/config-bundle.mjs'
import { mathThreadAhead, mathThreadRunning, startMathThread, stopMathThread } from '../../.vitepress/gitbook/transforms/math-thread'
import { FIXTURE_LOG } from '../helpers/fixtures'
import { renderSpace } from '../helpers/render'

const ROOT = path.resolve(__dirname, '../..')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gb-math-thread-'))
const space = renderSpace('gb-math-thread-space-')
afterAll(() => {
  stopMathThread()
  space.remove()
  fs.rmSync(tmp, { recursive: true, force: true })
})

const mathjaxLoaded = () => Object.keys(createRequire(import.meta.url).cache).some((f) => f.includes('/mathjax-full/'))

// Inline and display formulas, an unknown command, a refused one, a colour
// that is not one, and a formula MathJax cannot read.
const PAGE = [
  '# Formules',
  '',
  'Soit $$x^2$$ ici, $$\\foo + 1$$, $$\\mmlToken{mi}[href="javascript:alert(1)"]{x}$$ et $$\\color{url(x)}{y}$$.',
  '',
  '$$',
  '\\frac{a}{b} = \\sqrt{c}',
  '$$',
  '',
  '$$',
  '\\frac{a}{',
  '$$',
  '',
].join('\n')

let mathWorker = ''
beforeAll(async () => {
  const entry = path.join(tmp, 'entry.ts')
  fs.writeFileSync(entry, 'declare const __gitbook_workers: Record<string, string>\nexport default __gitbook_workers\n')
  const built = await bundleConfig({ entry, root: ROOT, outDir: path.join(tmp, 'cache'), workers: { math: path.join(ROOT, '.vitepress/gitbook/transforms/math-worker.ts') } })
  mathWorker = (await import(built.url)).default.math
})

let threaded: ReturnType<typeof space.render>

it('on the thread, MathJax is not loaded on the main thread', () => {
  expect(startMathThread([], mathWorker)).toBe(true)
  threaded = space.render(PAGE)
  expect(mathThreadRunning()).toBe(true)
  expect(mathjaxLoaded()).toBe(false)
  expect(threaded.html).toMatch(/^<h1[^>]*>Formules<\/h1>\n<p>Soit <mjx-container class="MathJax" jax="SVG"[^>]*><svg/)
  // Six formulas, each converted there, none ahead (no page was named).
  expect(stopMathThread()).toEqual({ converted: 6, early: 0 })
})

it('the same HTML and the same reports as on the main thread', () => {
  const here = space.render(PAGE)
  expect(mathjaxLoaded()).toBe(true)
  expect(threaded.html).toBe(here.html)
  expect(threaded.diagnostics).toEqual(here.diagnostics)
  expect(here.diagnostics.map((d) => `${d.code} ${d.line}`)).toEqual(['math-unknown 3', 'math-refused 3', 'math-refused 3', 'math-error 9'])
  expect(here.html).toMatch(/<mjx-container tabindex="0" class="MathJax" jax="SVG" display="true"/)
})

it('a macro a formula defines serves the next formulas, on the thread as on the main thread', () => {
  // MathJax keeps \newcommand's macros for the rest of a build; the thread
  // converts formulas one at a time, in the order the pages render them.
  const page = 'Soit $$\\newcommand{\\vect}[1]{\\mathbf{#1}} \\vect{u}$$.\n\nPuis $$\\vect{v} + \\vect{w}$$.\n'
  const here = space.render(page)
  expect(here.diagnostics).toEqual([])
  const before = stopMathThread().converted
  expect(startMathThread([], mathWorker)).toBe(true)
  const there = space.render(page)
  expect(stopMathThread().converted).toBe(before + 2)
  expect(there.diagnostics).toEqual([])
  expect(there.html).toBe(here.html)
  // Bold letters (MathJax's mathbf variant), not the macro's name in red.
  expect(there.html.match(/data-mml-node="mi"/g)?.length).toBeGreaterThanOrEqual(3)
  expect(there.html).not.toContain('mathcolor="red"')
})

it('a thread that stopped hands the formulas over to the main thread', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
  const stops = path.join(tmp, 'stops.mjs')
  fs.writeFileSync(stops, 'process.exit(3)\n')
  expect(startMathThread([], new URL(`file://${stops}`).href)).toBe(true)
  await vi.waitFor(() => expect(mathThreadRunning()).toBe(false))
  expect(space.render(PAGE).html).toBe(threaded.html)
  expect(warn.mock.calls.join('\n')).toContain('the MathJax thread stopped (exit code 3)')
  warn.mockRestore()
})

it('a formula the thread does not answer is shown as its source, and the next ones are converted here', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
  const silent = path.join(tmp, 'silent.mjs')
  fs.writeFileSync(silent, 'setInterval(() => {}, 1000)\n')
  expect(startMathThread([], new URL(`file://${silent}`).href, 300)).toBe(true)
  const r = space.render(PAGE)
  expect(mathThreadRunning()).toBe(false)
  expect(warn.mock.calls.filter((c) => String(c[0]).includes('no answer in 0.3 s'))).toHaveLength(1)
  // The first formula, as the author wrote it, and reported at its line.
  expect(r.html).toContain('<p>Soit <code>$$x^2$$</code> ici, <mjx-container')
  expect(r.diagnostics[0]).toMatchObject({ code: 'math-crash', line: 3 })
  expect(r.diagnostics[0].message).toContain('no answer in 0.3 s')
  // Everything after it, as the main thread converts it.
  expect(r.html.slice(r.html.indexOf('</code>') + '</code>'.length)).toBe(threaded.html.slice(threaded.html.indexOf('</mjx-container>', threaded.html.indexOf('Soit')) + '</mjx-container>'.length))
  expect(r.diagnostics.slice(1)).toEqual(threaded.diagnostics)
  warn.mockRestore()
})

it('the fixture build (formulas, refused and broken ones) used its thread to the end', () => {
  // Its formulas' HTML and messages are checked by the fixture tests.
  const log = fs.readFileSync(FIXTURE_LOG, 'utf8')
  expect(log).toContain('formula: MathJax cannot read it')
  expect(log).not.toMatch(/MathJax thread/)
  const converted = /(\d+) formula\(s\) converted on MathJax's thread \((\d+) before their page asked\)/.exec(log)
  expect(converted, log.slice(-2000)).not.toBeNull()
  // The fixture space has more formulas than this (math/formulas, math/bad, text/escapes…).
  expect(Number(converted![1])).toBeGreaterThan(5)
  // It defines no macro: the thread converted its formulas from the pages' sources, and most were ready.
  expect(Number(converted![2])).toBeGreaterThan(0)
})

it('converts the formulas of the pages it is given ahead, and the page gets the same HTML and reports', async () => {
  // PAGE defines nothing: its six formulas are converted before it renders, and the seventh is the first again.
  const file = path.join(tmp, 'ahead.md')
  fs.writeFileSync(file, `${PAGE}\nEncore $$x^2$$.\n`)
  const here = space.render(`${PAGE}\nEncore $$x^2$$.\n`)
  const before = stopMathThread()
  expect(startMathThread([file], mathWorker)).toBe(true)
  await vi.waitFor(() => expect(mathThreadAhead()).toBe(6), { timeout: 20_000, interval: 50 })
  const there = space.render(`${PAGE}\nEncore $$x^2$$.\n`)
  const after = stopMathThread()
  expect(after.converted - before.converted).toBe(7)
  expect(after.early - before.early).toBe(7)
  expect(there.html).toBe(here.html)
  expect(there.diagnostics).toEqual(here.diagnostics)
})

it('converts nothing ahead in a space where a formula defines a macro, and keeps the pages’ order', async () => {
  // A macro of its own: the main thread's MathJax keeps the earlier tests' \\vect.
  const page = 'Puis $$\\fleche{v}$$.\n\nSoit $$\\newcommand{\\fleche}[1]{\\mathbf{#1}} \\fleche{u}$$.\n\nEnfin $$\\fleche{w}$$ et $$\\fleche{v}$$.\n'
  const file = path.join(tmp, 'defines.md')
  fs.writeFileSync(file, page)
  const here = space.render(page)
  const before = stopMathThread()
  expect(startMathThread([file], mathWorker)).toBe(true)
  const there = space.render(page)
  const after = stopMathThread()
  expect(after.converted - before.converted).toBe(4)
  expect(after.early - before.early).toBe(0)
  expect(there.html).toBe(here.html)
  // The first \fleche is unknown (red, reported), the last \fleche{v} is bold: not the first one's HTML again.
  expect(there.diagnostics.map((d) => d.code)).toEqual(['math-unknown'])
  const formulas = there.html.match(/<mjx-container[\s\S]*?<\/mjx-container>/g)!
  expect(formulas).toHaveLength(4)
  expect(formulas[0]).not.toBe(formulas[3])
})
