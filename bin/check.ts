// The checker authors run before publishing:
//   npm run check                          (the space in docs/)
//   npm run check -- --src <space> [--format json] [--fallback-url <url>] [--history]
// `--history` adds the routes the space's git history knows for pages since
// deleted without successor (no redirect is made for them), with the last commit that had them.
// One line per problem, `path:line:col: error|warning: message — what to do`,
// sorted by path, line and column; `--format json` prints them as an array.
// Exit 1 when there is an error (broken structure), 0 otherwise: the build
// prints the same messages and fails on the same errors.
import path from 'node:path'
import { parseArgs } from 'node:util'
import { checkSpace } from '../.vitepress/gitbook/check'
import { formatDiagnostic } from '../.vitepress/gitbook/diagnostics'
import { PROJECT_ROOT } from '../.vitepress/gitbook/site'

const { values } = parseArgs({
  options: {
    src: { type: 'string' },
    format: { type: 'string', default: 'text' },
    'fallback-url': { type: 'string' },
    history: { type: 'boolean' },
  },
})
if (values.format !== 'text' && values.format !== 'json') {
  console.error('usage: npm run check -- [--src <space>] [--format text|json] [--fallback-url <url>] [--history]')
  process.exit(2)
}
const src = values.src ? path.resolve(values.src) : path.join(PROJECT_ROOT, 'docs')
let result
try {
  result = await checkSpace(src, { fallbackUrl: values['fallback-url'], history: values.history })
} catch (e) {
  console.error(`check: ${(e as Error).message}`)
  process.exit(2)
}
if (values.format === 'json') {
  const list = result.diagnostics.map((d) => ({
    file: d.file,
    line: d.line,
    column: d.column ?? 1,
    severity: d.severity,
    code: d.code,
    message: d.message,
    hint: d.hint,
  }))
  process.stdout.write(`${JSON.stringify(list, null, 2)}\n`)
}
else for (const d of result.diagnostics) process.stdout.write(`${formatDiagnostic(d)}\n`)
for (const w of result.history?.warnings ?? []) console.error(`check: git history: ${w}`)
process.exit(result.errors ? 1 : 0)
