// Runs the real command line (`npm run build -- …`) on a space, as an operator would.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const OUTPUT = path.join(ROOT, '.test-output')

export interface BuildResult {
  status: number | null
  stdout: string
  stderr: string
  /** stdout + stderr, where VitePress and our warnings go. */
  log: string
}

export function buildSpace(args: { src?: string; out: string; base?: string; extra?: string[] }): BuildResult {
  const argv = ['bin/gitbook.ts', 'build', '--out', args.out]
  if (args.src) argv.push('--src', args.src)
  if (args.base) argv.push('--base', args.base)
  argv.push(...(args.extra ?? []))
  const env = { ...process.env }
  for (const k of Object.keys(env)) if (k.startsWith('GITBOOK_')) delete env[k]
  const r = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), argv, { cwd: ROOT, encoding: 'utf8', env })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, log: r.stdout + r.stderr }
}
