// How long the walk through a space's git history takes (history.ts), on a
// repository of a few thousand commits generated here: a space made from the
// project's own pages (generate-space.ts), then commits that edit pages,
// rename files, move SUMMARY.md entries between groups, rename groups, add and
// delete pages, in a seeded random order. Written with one `git fast-import`
// (a process per commit would take longer than what is measured).
//   npm run bench:history [-- --commits 3000 --pages 200 --runs 3 --out /tmp/history-bench --build]
// `--build` also times a whole build with --history and with --no-history.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { spaceHistory } from '../.vitepress/gitbook/history'
import { loadSpace } from '../.vitepress/gitbook/space'
import { PROJECT_ROOT } from '../.vitepress/gitbook/site'
import { Rng } from '../tests/fuzz/prng'
import { generateSpace } from './generate-space'
import { buildArgs } from '../bin/build-process'

const { values } = parseArgs({
  options: {
    commits: { type: 'string', default: '3000' },
    pages: { type: 'string', default: '200' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '9' },
    out: { type: 'string', default: path.join(os.tmpdir(), 'history-bench') },
    build: { type: 'boolean', default: false },
  },
})

const SPACE = 'docs'
const quote = (p: string) => `"${p.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, '\\n')}"`

/** A fast-import stream of `commits` commits over the space `files` (path → text). */
function history(files: Map<string, string>, commits: number, rng: Rng): { stream: string; actions: Record<string, number> } {
  const out: string[] = []
  const actions: Record<string, number> = {}
  let summary = files.get('SUMMARY.md')!
  files.delete('SUMMARY.md')
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`
  const linked = () => [...summary.matchAll(/\]\(([^)#\s]+\.md)\)/g)].map((m) => m[1]).filter((f) => files.has(f) && !/readme\.md$/i.test(f))
  let t = Date.UTC(2019, 0, 1) / 1000
  for (let n = 1; n <= commits; n++) {
    const ops: string[] = []
    let action = 'edit'
    if (n === 1) {
      action = 'import'
      for (const [f, text] of files) ops.push(`M 100644 inline ${quote(`${SPACE}/${f}`)}\n${data(text)}`)
    } else {
      const r = rng.next()
      const pages = linked()
      if (r < 0.6 || pages.length < 10) {
        const f = rng.pick([...files.keys()])
        files.set(f, `${files.get(f)}\nRetouche ${n}.\n`)
        ops.push(`M 100644 inline ${quote(`${SPACE}/${f}`)}\n${data(files.get(f)!)}`)
      } else if (r < 0.75) {
        action = 'rename'
        const f = rng.pick(pages)
        const to = f.replace(/(-r\d+)?\.md$/, `-r${n}.md`)
        files.set(to, files.get(f)!)
        files.delete(f)
        summary = summary.split(`](${f})`).join(`](${to})`)
        ops.push(`R ${quote(`${SPACE}/${f}`)} ${quote(`${SPACE}/${to}`)}\n`)
      } else if (r < 0.9) {
        action = 'move'
        // A top-level entry (its children follow it) goes to another place.
        const lines = summary.split('\n')
        const tops = lines.map((l, i) => (/^\* \[/.test(l) ? i : -1)).filter((i) => i > 2)
        const from = rng.pick(tops)
        let end = from + 1
        while (end < lines.length && /^\s+\* /.test(lines[end])) end++
        const block = lines.splice(from, end - from)
        const to = rng.pick(lines.map((l, i) => (/^\* \[/.test(l) ? i : -1)).filter((i) => i > 2))
        lines.splice(to, 0, ...block)
        summary = lines.join('\n')
      } else if (r < 0.95) {
        action = 'group'
        const heads = [...summary.matchAll(/^## (.*)$/gm)]
        const h = rng.pick(heads)
        summary = summary.replace(h[0], `## ${h[1].replace(/ v\d+$/, '')} v${n}`)
      } else if (r < 0.975) {
        action = 'delete'
        const f = rng.pick(pages)
        files.delete(f)
        summary = summary.split('\n').filter((l) => !l.includes(`](${f})`)).join('\n')
        ops.push(`D ${quote(`${SPACE}/${f}`)}\n`)
      } else {
        action = 'add'
        const f = `nouveau/page-${n}.md`
        files.set(f, `# Page ${n}\n\nAjoutée au commit ${n}.\n`)
        summary = `${summary.trimEnd()}\n* [Page ${n}](${f})\n`
        ops.push(`M 100644 inline ${quote(`${SPACE}/${f}`)}\n${data(files.get(f)!)}`)
      }
    }
    if (action !== 'edit' || n === 1) ops.push(`M 100644 inline ${quote(`${SPACE}/SUMMARY.md`)}\n${data(summary)}`)
    actions[action] = (actions[action] ?? 0) + 1
    t += 3600
    out.push(
      `commit refs/heads/main\nmark :${n}\ncommitter Banc <banc@example.org> ${t} +0000\n${data(`${action} ${n}`)}` +
        (n > 1 ? `from :${n - 1}\n` : '') +
        ops.join(''),
    )
  }
  return { stream: out.join(''), actions }
}

function run(cmd: string, args: string[], cwd: string, input?: string) {
  const r = spawnSync(cmd, args, { cwd, input, encoding: 'utf8', maxBuffer: 1 << 30 })
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`)
  return r
}

const out = path.resolve(values.out!)
const repo = path.join(out, 'repo')
fs.rmSync(out, { recursive: true, force: true })
const seedSpace = path.join(out, 'seed')
const made = generateSpace(seedSpace, Number(values.pages))
const files = new Map<string, string>()
for (const f of fs.readdirSync(seedSpace, { recursive: true }).map((x) => String(x).split(path.sep).join('/'))) {
  if (f.endsWith('.md') && fs.statSync(path.join(seedSpace, f)).isFile()) files.set(f, fs.readFileSync(path.join(seedSpace, f), 'utf8'))
}
const started = performance.now()
const { stream, actions } = history(files, Number(values.commits), new Rng(Number(values.seed)))
fs.mkdirSync(repo, { recursive: true })
run('git', ['init', '-q', '-b', 'main'], repo)
run('git', ['fast-import', '--quiet'], repo, stream)
run('git', ['reset', '-q', '--hard', 'main'], repo)
console.log(
  `repository: ${repo}: ${values.commits} commits over ${made.pages} pages (${Object.entries(actions).map(([k, v]) => `${k} ${v}`).join(', ')}), ` +
    `made in ${((performance.now() - started) / 1000).toFixed(1)} s`,
)

const space = loadSpace(path.join(repo, SPACE))
const times: number[] = []
const cpu: number[] = []
for (let i = 0; i < Number(values.runs); i++) {
  // CPU time of this process (the git children aside): on a shared machine, wall time also counts the others' work.
  const c0 = process.cpuUsage()
  const h = spaceHistory(space, 'on')!
  const c = process.cpuUsage(c0)
  cpu.push((c.user + c.system) / 1000)
  times.push(h.ms)
  if (i === 0) {
    console.log(`walk: ${h.commits} commits, ${h.versions} versions placed, ${h.redirects.length} redirects, ${h.deleted.length} routes of deleted pages; ${h.warnings.join('; ') || 'no warning'}`)
  }
}
times.sort((a, b) => a - b)
cpu.sort((a, b) => a - b)
console.log(
  `history walk: median ${Math.round(times[times.length >> 1])} ms, min ${Math.round(times[0])} ms over ${times.length} runs ` +
    `(CPU of the build process: median ${Math.round(cpu[cpu.length >> 1])} ms)`,
)

if (values.build) {
  for (const flag of ['--history', '--no-history']) {
    const t0 = performance.now()
    run(process.execPath, buildArgs(['--src', path.join(repo, SPACE), '--out', path.join(out, `site${flag}`), flag]), PROJECT_ROOT)
    console.log(`build ${flag}: ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  }
}
