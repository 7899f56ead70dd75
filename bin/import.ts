// npm run import -- <gitbook-export-dir> [--out docs]
// Copies a GitBook export into docs/, repairing mojibake, and says what it repaired.
import path from 'node:path'
import { parseArgs } from 'node:util'
import { describeRepair, importSpace } from '../.vitepress/gitbook/importer'
import { PROJECT_ROOT } from '../.vitepress/gitbook/site'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string', default: path.join(PROJECT_ROOT, 'docs') } },
})
if (positionals.length !== 1) {
  console.error('usage: npm run import -- <gitbook-export-dir> [--out <dir>]')
  process.exit(2)
}
const files = importSpace(path.resolve(positionals[0]), path.resolve(values.out!))
const repaired = files.filter((f) => f.repaired)
for (const f of repaired) console.log(describeRepair(f))
console.log(`imported ${files.length} files into ${path.relative(process.cwd(), values.out!) || '.'}, ${repaired.length} repaired`)
