// Runs the real command line (`npm run build -- …`) on a space, as an operator would.
import { spawn, spawnSync } from 'node:child_process'
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

type BuildArgs = { src?: string; out: string; base?: string; extra?: string[] }

function command(args: BuildArgs) {
  const argv = ['bin/gitbook.ts', 'build', '--out', args.out]
  if (args.src) argv.push('--src', args.src)
  if (args.base) argv.push('--base', args.base)
  argv.push(...(args.extra ?? []))
  const env = { ...process.env }
  for (const k of Object.keys(env)) if (k.startsWith('GITBOOK_')) delete env[k]
  return { bin: path.join(ROOT, 'node_modules/.bin/tsx'), argv, env }
}

export function buildSpace(args: BuildArgs): BuildResult {
  const { bin, argv, env } = command(args)
  const r = spawnSync(bin, argv, { cwd: ROOT, encoding: 'utf8', env })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, log: r.stdout + r.stderr }
}

/**
 * The same, without blocking: a long build inside a vitest worker must leave
 * its event loop free, or vitest reports "Timeout calling onTaskUpdate".
 */
export function buildSpaceAsync(args: BuildArgs): Promise<BuildResult> {
  const { bin, argv, env } = command(args)
  return new Promise((resolve, reject) => {
    const child = spawn(bin, argv, { cwd: ROOT, env })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (status) => resolve({ status, stdout, stderr, log: stdout + stderr }))
  })
}
