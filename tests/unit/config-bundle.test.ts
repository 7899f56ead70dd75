// The compiled configuration (.vitepress/config-bundle.mjs): one module per
// set of sources, each source keeping its own import.meta.url, packages left
// to Node except those only the engine uses (compiled in), and a change in
// any source giving a new module.
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { afterAll, expect, it } from 'vitest'
import { bundleConfig } from '../../.vitepress/config-bundle.mjs'
import { ROOT } from '../helpers/build'

// Inside the project, so that the compiled module finds node_modules as the real one does.
fs.mkdirSync(path.join(ROOT, '.test-output'), { recursive: true })
const dir = fs.mkdtempSync(path.join(ROOT, '.test-output', 'config-bundle-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const entry = path.join(dir, 'config.ts')
const lib = path.join(dir, 'lib/where.ts')
const site = { entry, root: dir, outDir: path.join(dir, 'cache') }
fs.mkdirSync(path.dirname(lib))
fs.writeFileSync(
  entry,
  `import YAML from 'yaml'
import iconv from 'iconv-lite'
import matter from 'gray-matter'
import postcss from 'postcss'
import { where, quoted } from './lib/where'
const typed: number = 2
export default {
  here: import.meta.url, where, quoted, typed, yaml: YAML.parse('a: 1'),
  latin1: iconv.decode(Buffer.from([0xe9]), 'latin1'), front: matter('---\\nb: 2\\n---\\n').data,
  css: postcss.parse('a { color: red }').first?.type,
}
`,
)
fs.writeFileSync(lib, `export const where = [import.meta.url, import.meta.dirname, import.meta.filename]\nexport const quoted = 'import.meta.url'\n`)

it('compiles the entry and its imports into one module; each file keeps its own import.meta.url', async () => {
  const first = await bundleConfig(site)
  expect(first.inputs.filter((f) => !f.includes('node_modules'))).toEqual([entry, lib].sort())
  const config = (await import(first.url)).default
  expect(config).toEqual({
    here: pathToFileURL(entry).href,
    where: [pathToFileURL(lib).href, path.dirname(lib), lib],
    quoted: 'import.meta.url',
    typed: 2,
    yaml: { a: 1 },
    // A CommonJS package compiled in, which requires Node's own modules.
    latin1: 'é',
    front: { b: 2 },
    css: 'rule',
  })
  const text = fs.readFileSync(first.file, 'utf8')
  // A package VitePress loads too is imported from node_modules, not copied in…
  expect(text).toMatch(/^import \w+ from "postcss";$/m)
  // …one only the engine uses is compiled in, with its own dependencies
  // (gray-matter too: VitePress has its own copy inside its bundle).
  expect(text).not.toMatch(/from "(yaml|iconv-lite|safer-buffer|gray-matter|js-yaml)"/)
  for (const pkg of ['yaml', 'iconv-lite', 'safer-buffer', 'gray-matter', 'js-yaml']) {
    expect(first.inputs.some((f) => f.includes(`${path.sep}node_modules${path.sep}${pkg}${path.sep}`)), pkg).toBe(true)
  }
  // Their files are compiled as written, read by esbuild itself: no constants
  // of ours before a CommonJS file's "use strict", which kept it a directive.
  expect(text).not.toMatch(/__gitbook_\w+ = "[^"]*node_modules/)
  expect(text).toMatch(/\n  "[^"]*node_modules\/gray-matter\/lib\/engines\.js"\(exports, module\) \{\n    "use strict";\n/)
  // js-yaml looks for esprima as it loads; the bundle's require finds none.
  expect(first.inputs.some((f) => f.includes(`${path.sep}esprima${path.sep}`))).toBe(false)
  expect(Object.keys(createRequire(import.meta.url).cache).filter((f) => f.includes(`${path.sep}esprima${path.sep}`))).toEqual([])
})

it('a package both imported and required (htmlparser2, by sanitize-html) is compiled in once, its required build', async () => {
  const both = path.join(dir, 'both.ts')
  fs.writeFileSync(
    both,
    `import { Parser } from 'htmlparser2'
import sanitize from 'sanitize-html'
const names: string[] = []
new Parser({ onopentag: (n) => names.push(n) }).end('<p><b>x</b></p>')
export default { names, clean: sanitize('<b onclick="x()">y</b>') }
`,
  )
  const compiled = await bundleConfig({ entry: both, root: dir, outDir: path.join(dir, 'cache-both') })
  expect((await import(compiled.url)).default).toEqual({ names: ['p', 'b'], clean: '<b>y</b>' })
  const htmlparser2 = compiled.inputs.filter((f) => f.includes(`${path.sep}htmlparser2${path.sep}lib${path.sep}`))
  expect(htmlparser2.some((f) => f.endsWith(`${path.sep}lib${path.sep}Parser.js`))).toBe(true)
  expect(htmlparser2.filter((f) => f.includes(`${path.sep}esm${path.sep}`))).toEqual([])
})

it('reuses the module while no source changes, and compiles again when one does', async () => {
  const first = await bundleConfig(site)
  const past = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000)
  fs.utimesSync(first.file, past, past)
  const again = await bundleConfig(site)
  expect(again.file).toBe(first.file)
  expect(Math.round(fs.statSync(again.file).mtimeMs)).toBe(past.getTime())
  // A new URL each time: a dev server restarted in the same process evaluates it again.
  expect(again.url).not.toBe(first.url)

  fs.writeFileSync(lib, `export const where = 'moved'\nexport const quoted = ''\n`)
  const changed = await bundleConfig(site)
  expect(changed.file).not.toBe(first.file)
  expect((await import(changed.url)).default.where).toBe('moved')
  // The older module stays a while: another build may be loading it.
  expect(fs.existsSync(first.file)).toBe(true)
})

it('compiles again when a source it was made from is gone', async () => {
  const before = await bundleConfig(site)
  const extra = path.join(dir, 'lib/extra.ts')
  fs.writeFileSync(extra, 'export const extra = 1\n')
  fs.writeFileSync(entry, `import { extra } from './lib/extra'\nexport default { extra }\n`)
  const withExtra = await bundleConfig(site)
  expect(withExtra.inputs).toEqual([entry, extra].sort())
  fs.rmSync(extra)
  fs.writeFileSync(entry, `export default { extra: 0 }\n`)
  const after = await bundleConfig(site)
  expect(after.inputs).toEqual([entry])
  expect(after.file).not.toBe(withExtra.file)
  expect(after.file).not.toBe(before.file)
  expect((await import(after.url)).default).toEqual({ extra: 0 })
})

it('compiles each thread beside the configuration, and names it in __gitbook_workers', async () => {
  const thread = path.join(dir, 'lib/thread.ts')
  fs.writeFileSync(thread, `import { parentPort, workerData } from 'node:worker_threads'\nimport { where } from './where'\nconst n: number = workerData * 2\nparentPort!.postMessage([n, where])\n`)
  fs.writeFileSync(lib, `export const where = 'thread'\nexport const quoted = ''\n`)
  fs.writeFileSync(entry, `declare const __gitbook_workers: Record<string, string>\nexport default { workers: __gitbook_workers }\n`)
  const withThread = { ...site, workers: { double: thread } }
  const built = await bundleConfig(withThread)
  // The thread's sources count: a change in one of them compiles both again.
  expect(built.inputs).toEqual([entry, lib, thread].sort())
  const { workers } = (await import(built.url)).default
  expect(Object.keys(workers)).toEqual(['double'])
  const file = fileURLToPath(workers.double)
  expect(path.dirname(file)).toBe(site.outDir)
  const answer = await new Promise((resolve, reject) => {
    const w = new Worker(new URL(workers.double), { workerData: 21 })
    w.once('message', resolve)
    w.once('error', reject)
  })
  expect(answer).toEqual([42, 'thread'])
  // Reused while nothing changes; compiled again, thread included, when its file is gone.
  expect((await bundleConfig(withThread)).file).toBe(built.file)
  fs.rmSync(file)
  const again = await bundleConfig(withThread)
  expect(again.file).toBe(built.file)
  expect(fs.existsSync(file)).toBe(true)
})
