// Prints, as JSON, the compiled script of every Vue component the build
// compiles (the theme's and VitePress's default theme's), compiled as
// @vitejs/plugin-vue compiles them for production. With `--ts`, through
// `vue/compiler-sfc`, which registers TypeScript for type resolution; without,
// through `@vue/compiler-sfc` as the build does (vue-resolve.ts). A process of
// its own for each: registering TypeScript is for the whole process.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const require = createRequire(import.meta.url)
const compiler = require(process.argv.includes('--ts') ? 'vue/compiler-sfc' : '@vue/compiler-sfc')
const dirs = [path.join(root, '.vitepress/theme'), path.join(root, 'node_modules/vitepress/dist/client/theme-default')]
const out = {}
for (const dir of dirs) {
  for (const f of fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.vue')).sort()) {
    const filename = path.join(dir, f)
    const { descriptor } = compiler.parse(fs.readFileSync(filename, 'utf8'), { filename })
    if (!descriptor.script && !descriptor.scriptSetup) continue
    const id = 'x'
    try {
      out[path.relative(root, filename)] = compiler.compileScript(descriptor, { id, isProd: true, inlineTemplate: true, sourceMap: false, genDefaultAs: '_sfc_main', templateOptions: { id, compilerOptions: {} } }).content
    } catch (e) {
      out[path.relative(root, filename)] = `error: ${e instanceof Error ? e.message : e}`
    }
  }
}
process.stdout.write(JSON.stringify(out))
