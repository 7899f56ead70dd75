// @ts-check
// The site's configuration (config.ts) and the engine it imports, compiled
// once into one ES module under .vitepress/cache/config/ and reused while
// their sources are unchanged. Vite's own config loader took about 0.3 s of
// every build for the same work: it resolves each bare import and reads each
// file through JavaScript callbacks, and writes an inline source map (1 MB)
// that Node then decodes. Here esbuild resolves and reads natively, and a
// build whose sources did not change reads one file instead.
// Plain JavaScript: config.js and bin/dev.mjs run it in Node without tsx.
import crypto from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const HERE = path.dirname(fileURLToPath(import.meta.url))
/** The site's configuration, the project it belongs to, and where its compiled copies go. */
const SITE = {
  entry: path.join(HERE, 'config.ts'),
  root: path.dirname(HERE),
  outDir: path.join(HERE, 'cache/config'),
  /** Threads the engine starts, compiled beside the configuration (history.ts reads where). */
  workers: { history: path.join(HERE, 'gitbook/history-worker.ts'), math: path.join(HERE, 'gitbook/transforms/math-worker.ts') },
}
/** Bumped when the compile options change, so old bundles are not reused. */
const FORMAT = '7'
/** Loads in this process: part of each URL, so no two are the same. */
let loads = 0

/** Bundles of other sources are removed once this old (another build may still be loading one). */
const STALE_MS = 60 * 60 * 1000

/** The esbuild Vite runs: the same compiler as before, and one esbuild process for the whole build. */
function viteEsbuild() {
  const require = createRequire(import.meta.url)
  return /** @type {typeof import('esbuild')} */ (createRequire(require.resolve('vite/package.json'))('esbuild'))
}

/**
 * The package folder holding `file` (`…/node_modules/@scope/name`), or undefined for a project file.
 * @param {string} file
 */
function packageDir(file) {
  const parts = file.split(path.sep)
  const i = parts.lastIndexOf('node_modules')
  if (i < 0) return undefined
  return parts.slice(0, i + (parts[i + 1]?.startsWith('@') ? 3 : 2)).join(path.sep)
}

/**
 * Hash of the files' contents, or null when one is gone. A package's files
 * count by its package.json (its version): reading each of them on every
 * build would cost more than the bundle saves.
 * @param {string[]} files
 */
function hashOf(files) {
  const h = crypto.createHash('sha256').update(FORMAT)
  const seen = new Set()
  for (const f of files) {
    const pkg = packageDir(f)
    const read = pkg ? path.join(pkg, 'package.json') : f
    try {
      h.update(f).update('\0')
      if (!seen.has(read)) h.update(fs.readFileSync(read)).update('\0')
      seen.add(read)
    } catch {
      return null
    }
  }
  return h.digest('hex').slice(0, 16)
}

/**
 * @param {string} outDir
 * @param {string} hash
 */
const bundlePath = (outDir, hash) => path.join(outDir, `config-${hash}.mjs`)
/**
 * The compiled thread `name`, beside the configuration compiled from the same sources.
 * @param {string} outDir
 * @param {string} hash
 * @param {string} name
 */
const workerPath = (outDir, hash, name) => path.join(outDir, `config-${hash}.${name}.mjs`)

/**
 * The files the last compile read: hashed again to decide whether it still holds.
 * @param {string} outDir
 */
const inputsFile = (outDir) => path.join(outDir, 'inputs.json')

/**
 * @param {string} outDir
 * @returns {string[] | null}
 */
function lastInputs(outDir) {
  try {
    return JSON.parse(fs.readFileSync(inputsFile(outDir), 'utf8'))
  } catch {
    return null
  }
}

/**
 * Each module keeps its own `import.meta.url` (the engine finds the theme's
 * files next to its own), as Vite's loader did: constants per file, which
 * esbuild renames apart when it joins the modules.
 * The inlined packages' files are left to esbuild, which reads them itself:
 * reading their 340 files here, one callback each, took about a quarter of a
 * compile (1.05 s against 0.81 s), which every build on a fresh clone pays.
 * None of them reads `import.meta`; one that did would stop the build with
 * « __gitbook_url is not defined » (esbuild renames the constants of the
 * other files apart from a name left free), not run with another file's URL.
 * @type {import('esbuild').Plugin}
 */
const fileUrls = {
  name: 'gitbook-file-urls',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]s$/ }, async (args) => args.path.split(path.sep).includes('node_modules') ? undefined : ({
      loader: /\.[cm]?ts$/.test(args.path) ? 'ts' : 'js',
      contents:
        `const __gitbook_url = ${JSON.stringify(pathToFileURL(args.path).href)}, ` +
        `__gitbook_dirname = ${JSON.stringify(path.dirname(args.path))}, __gitbook_filename = ${JSON.stringify(args.path)};` +
        (await fs.promises.readFile(args.path, 'utf8')),
    }))
  },
}
const FILE_SCOPE = { 'import.meta.url': '__gitbook_url', 'import.meta.dirname': '__gitbook_dirname', 'import.meta.filename': '__gitbook_filename' }

/**
 * Packages only the engine uses, compiled into the bundle with what they
 * import: Node then compiles one module instead of about a hundred small
 * ones (yaml's, @iconify/utils', htmlparser2's…), each found, read and
 * linked on its own. Importing these seven took 0.44 s as packages and
 * 0.25 s bundled. markdown-it and gray-matter are here too: VitePress
 * carries its own copies inside its bundle, so ours are never shared with
 * it, and imported they cost about 150 modules (markdown-it's rules, js-yaml's
 * types). Everything else stays an import: VitePress, Vite and Vue, and what
 * they load too (postcss), must be the very modules they use, and the icon
 * sets are JSON, which Node parses faster than the same data as JavaScript.
 */
const INLINE = new Set([
  'yaml',
  'linkedom',
  'htmlparser2',
  '@iconify/utils',
  'image-size',
  'sanitize-html',
  'iconv-lite',
  'markdown-it',
  'markdown-it-footnote',
  'gray-matter',
])
/** Imported by inlined packages, but loaded by VitePress or Vite anyway: kept as imports. */
const SHARED = new Set(['postcss'])
/**
 * Packages the engine imports and an inlined package requires (htmlparser2:
 * sanitize-html): each is published as an ES and a CommonJS build, and both
 * ended up in the bundle, each parsed, and optimised by V8 when hot, on its
 * own. The imports take the required (CommonJS) build: one copy.
 */
const ONE_COPY = new Set(['htmlparser2'])

/** `@scope/name` or `name` of a bare import, or undefined for a path or `node:` module. */
function packageName(/** @type {string} */ spec) {
  if (/^(\.|\/|node:)/.test(spec) || path.isAbsolute(spec)) return undefined
  const parts = spec.split('/')
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

/**
 * Bare imports stay imports, loaded from node_modules by Node, except the
 * INLINE packages and, inside them, their own dependencies.
 * @type {import('esbuild').Plugin}
 */
const packages = {
  name: 'gitbook-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      const name = packageName(args.path)
      if (!name) return undefined
      if (ONE_COPY.has(name) && args.kind === 'import-statement') {
        const { path: file, errors } = await build.resolve(args.path, { kind: 'require-call', resolveDir: args.resolveDir, importer: args.importer })
        return { path: file, errors }
      }
      const insideInlined = args.importer.split(path.sep).includes('node_modules')
      if (!SHARED.has(name) && (INLINE.has(name) || insideInlined)) return undefined
      return { path: args.path, external: true }
    })
  },
}

/**
 * CommonJS packages compiled into the bundle call `require` for Node's own
 * modules and for the SHARED packages: an ES module has none, so the bundle
 * makes one. It finds no `esprima`: js-yaml (under gray-matter) looks for it
 * when it loads, for its `!!js/function` type, which gray-matter's safe
 * loading never uses; without this it would compile 280 KB of parser on
 * every build. VitePress's own copy of js-yaml finds none either.
 */
const REQUIRE_BANNER =
  "import { createRequire as __gitbookCreateRequire } from 'node:module'; " +
  'const __gitbookRequire = __gitbookCreateRequire(import.meta.url); ' +
  "const require = Object.assign((id) => { if (id === 'esprima') throw new Error('esprima is not loaded'); return __gitbookRequire(id) }, __gitbookRequire);"

/**
 * Written under a temporary name, then renamed: two builds at once never read half a file.
 * @param {string} file
 * @param {string} text
 */
function writeAtomically(file, text) {
  const tmp = `${file}.${process.pid}.tmp`
  fs.writeFileSync(tmp, text)
  fs.renameSync(tmp, file)
}

/**
 * Compiled files of other sources, once old enough.
 * @param {string} outDir
 * @param {string} keep the hash of the sources compiled now
 */
function removeStale(outDir, keep) {
  const now = Date.now()
  for (const f of fs.readdirSync(outDir)) {
    const p = path.join(outDir, f)
    if (f.startsWith(`config-${keep}.`) || !f.startsWith('config-')) continue
    try {
      if (now - fs.statSync(p).mtimeMs > STALE_MS) fs.rmSync(p, { force: true })
    } catch {
      // Removed by another build meanwhile.
    }
  }
}

/**
 * The compiled configuration: its file URL (fresh on every call, so a dev
 * server restarted in the same process evaluates it again, as it did with
 * Vite's timestamped copies) and the project files it was compiled from.
 * `site` is for the tests: another entry, project and output folder.
 * Each of `site.workers` (name → entry) is compiled too, beside it; the
 * configuration's first line names them, as file URLs, in `__gitbook_workers`.
 * @param {{ entry: string, root: string, outDir: string, workers?: Record<string, string> }} [site]
 * @returns {Promise<{ url: string, file: string, inputs: string[] }>}
 */
export async function bundleConfig({ entry, root, outDir, workers = {} } = SITE) {
  const names = Object.keys(workers)
  const known = lastInputs(outDir)
  const knownHash = known && hashOf(known)
  const knownFile = knownHash && bundlePath(outDir, knownHash)
  if (known && knownFile && fs.existsSync(knownFile) && names.every((n) => fs.existsSync(workerPath(outDir, knownHash, n)))) {
    return loadable(knownFile, known)
  }
  /** @param {string} file */
  const compile = (file) =>
    viteEsbuild().build({
      entryPoints: [file],
      absWorkingDir: root,
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      define: FILE_SCOPE,
      banner: { js: REQUIRE_BANNER },
      plugins: [packages, fileUrls],
      logLevel: 'error',
    })
  const [main, ...threads] = await Promise.all([entry, ...names.map((n) => workers[n])].map(compile))
  const read = new Set([main, ...threads].flatMap((r) => Object.keys(r.metafile.inputs).map((f) => path.resolve(root, f))))
  const inputs = [...read].sort()
  const hash = hashOf(inputs)
  if (!hash) throw new Error('a file of the configuration disappeared while it was compiled: run the command again')
  fs.mkdirSync(outDir, { recursive: true })
  const file = bundlePath(outDir, hash)
  // Threads first: a configuration on disk always has its threads beside it.
  names.forEach((n, i) => writeAtomically(workerPath(outDir, hash, n), threads[i].outputFiles[0].text))
  const urls = names.map((n) => `${JSON.stringify(n)}: new URL(${JSON.stringify(`./${path.basename(workerPath(outDir, hash, n))}`)}, import.meta.url).href`)
  writeAtomically(file, `const __gitbook_workers = { ${urls.join(', ')} };\n${main.outputFiles[0].text}`)
  writeAtomically(inputsFile(outDir), JSON.stringify(inputs))
  removeStale(outDir, hash)
  return loadable(file, inputs)
}

/**
 * @param {string} file
 * @param {string[]} inputs
 */
function loadable(file, inputs) {
  return { url: `${pathToFileURL(file).href}?t=${Date.now()}-${++loads}`, file, inputs }
}
