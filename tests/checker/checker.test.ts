// `npm run check` as authors run it: the fixture space holds one example of
// every problem and must print exactly tests/checker/expected.txt (and .json),
// exit 1 because one of them is an error; a clean space prints nothing and
// exits 0. Building the same space prints the same messages and fails too,
// after writing the site.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'
import { buildSpaceAsync, ROOT } from '../helpers/build'

const HERE = path.join(ROOT, 'tests/checker')

/** Not spawnSync: a minute of it inside a worker starves vitest's RPC ("Timeout calling onTaskUpdate"). */
function check(...args: string[]): Promise<{ status: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'check', '--', ...args], { cwd: ROOT })
    let stdout = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.on('error', reject)
    child.on('close', (status) => resolve({ status, stdout }))
  })
}

describe('npm run check', () => {
  it('reports every problem of the fixture space, sorted, and exits 1 on the error', async () => {
    const r = await check('--src', path.join(HERE, 'space'))
    expect(r.stdout).toBe(fs.readFileSync(path.join(HERE, 'expected.txt'), 'utf8'))
    expect(r.status).toBe(1)
  })

  it('--format json prints the same diagnostics as an array', async () => {
    const r = await check('--src', path.join(HERE, 'space'), '--format', 'json')
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(fs.readFileSync(path.join(HERE, 'expected.json'), 'utf8')))
    expect(r.status).toBe(1)
  })

  it('a clean space gives no output and exit 0 (old anchor forms are fine: the build rewrites them)', async () => {
    const r = await check('--src', path.join(HERE, 'clean'))
    expect(r.stdout).toBe('')
    expect(r.status).toBe(0)
  })

  it('on docs/ (no --src): warnings only, exit 0', async () => {
    const r = await check()
    expect(r.stdout).toContain('roles/product-manager.md:95:39: warning: link to ../concevoir/indicateurs.md')
    expect(r.status).toBe(0)
  })

  it('the build prints the same messages and fails on the error, after writing the site', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'checker-')), 'site')
    const b = await buildSpaceAsync({ src: path.join(HERE, 'space'), out })
    expect(b.status).toBe(1)
    expect(fs.existsSync(path.join(out, 'guide/liens.html'))).toBe(true)
    const expected = fs.readFileSync(path.join(HERE, 'expected.txt'), 'utf8').trim().split('\n')
    for (const line of expected) expect(b.log).toContain(line)
    expect(b.log).toContain('GitBook: the build fails on 1 error(s)')
    // Variables are substituted in the built page; one whose file does not parse stays as written.
    const { document } = parseHTML(fs.readFileSync(path.join(out, 'guide/variables.html'), 'utf8'))
    const text = document.querySelector('.vp-doc')?.textContent ?? ''
    expect(text).toContain('L’équipe Produit et design publie la version space.vars.version.')
    expect(text).toContain('{{ vars.equip }}')
    // Raw-HTML and SUMMARY anchors written in an old form are published with the current id.
    const html = fs.readFileSync(path.join(out, 'guide/html.html'), 'utf8')
    expect(html).toContain('href="/guide/balises#balises-cassees"')
    expect(html).not.toContain('balises-cassées')
  })
})
