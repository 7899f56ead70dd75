// Runs the real command line (`npm run build -- …`) on a space, as an operator would.
import { spawn, spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildArgs } from '../../bin/build-process'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const OUTPUT = path.join(ROOT, '.test-output')

export interface BuildResult {
  status: number | null
  stdout: string
  stderr: string
  /** stdout + stderr, where VitePress and our warnings go. */
  log: string
}

/** `env`: GITBOOK_* switches that have no command-line option (the rest are cleared). */
type BuildArgs = { src?: string; out: string; base?: string; extra?: string[]; env?: Record<string, string> }

function buildCommand(args: BuildArgs) {
  const options = ['--out', args.out]
  if (args.src) options.push('--src', args.src)
  if (args.base) options.push('--base', args.base)
  options.push(...(args.extra ?? []))
  const env = { ...process.env }
  for (const k of Object.keys(env)) if (k.startsWith('GITBOOK_')) delete env[k]
  Object.assign(env, args.env)
  return { cmd: process.execPath, argv: buildArgs(options), env }
}

export function buildSpace(args: BuildArgs): BuildResult {
  const { cmd, argv, env } = buildCommand(args)
  const r = spawnSync(cmd, argv, { cwd: ROOT, encoding: 'utf8', env, maxBuffer: 256 * 1024 * 1024 })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, log: r.stdout + r.stderr }
}

/**
 * The same build without blocking: inside a test worker, a minute of
 * `spawnSync` starves vitest's RPC ("Timeout calling onTaskUpdate").
 */
export function buildSpaceAsync(args: BuildArgs): Promise<BuildResult> {
  const { cmd, argv, env } = buildCommand(args)
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd: ROOT, env })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (status) => resolve({ status, stdout, stderr, log: stdout + stderr }))
  })
}
