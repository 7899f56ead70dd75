// @ts-check
// The command line's options, shared by `npm run build` (bin/build.mjs, plain
// Node: no TypeScript loader to start, see there) and bin/gitbook.ts (dev,
// preview). Each option becomes a GITBOOK_* environment variable, which is
// how .vitepress/config.ts receives it and how an operator may also set it
// (GITBOOK_BASE=/ressources/).
import path from 'node:path'
import { parseArgs } from 'node:util'

export const USAGE = `usage:
  npm run build -- [--src <space>] [--out <dir>] [--base /path/] [--fallback-url <url>] [--previous <old-space>]
                   [--site-url <https://origin>] [--edit-url <https://…/:path>]
                   [--history | --no-history]   (redirects from the space's git history; default: on when there is one)
                   [--brotli]   (f.br copies beside the f.gz ones, for nginx's brotli_static module)
  npm run dev   -- [--src <space>] [--port 5173]
  npm run preview -- [--out <dir>] [--base /path/] [--port 4173]`

/**
 * Parse `argv` and set the matching GITBOOK_* variables in `env`. Returns the
 * positional command (`dev`, `preview`; none for `npm run build`) and the port.
 * An unknown or contradictory option is an error, thrown with a message for
 * the operator.
 * @param {string[]} argv
 * @param {NodeJS.ProcessEnv} env
 * @returns {{ command: string | undefined, port: number | undefined }}
 */
export function applyOptions(argv, env) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      src: { type: 'string' },
      out: { type: 'string' },
      base: { type: 'string' },
      'fallback-url': { type: 'string' },
      previous: { type: 'string' },
      'site-url': { type: 'string' },
      'edit-url': { type: 'string' },
      // Node 20's parseArgs has no `allowNegative`: the negative form is its own flag.
      history: { type: 'boolean' },
      'no-history': { type: 'boolean' },
      brotli: { type: 'boolean' },
      port: { type: 'string' },
    },
  })
  if (values.history && values['no-history']) throw new Error('--history and --no-history contradict each other: give one')
  if (values.src) env.GITBOOK_SRC = path.resolve(values.src)
  if (values.out) env.GITBOOK_OUT = path.resolve(values.out)
  if (values.base) env.GITBOOK_BASE = values.base
  if (values['fallback-url']) env.GITBOOK_FALLBACK_URL = values['fallback-url']
  if (values.previous) env.GITBOOK_PREVIOUS = path.resolve(values.previous)
  if (values['site-url']) env.GITBOOK_SITE_URL = values['site-url']
  if (values['edit-url']) env.GITBOOK_EDIT_URL = values['edit-url']
  if (values.history) env.GITBOOK_HISTORY = 'on'
  if (values['no-history']) env.GITBOOK_HISTORY = 'off'
  if (values.brotli) env.GITBOOK_BROTLI = 'on'
  return { command: positionals[0], port: values.port ? Number(values.port) : undefined }
}

/**
 * applyOptions on this process's arguments; on a bad option, the message and
 * the usage on stderr, and exit status 2.
 * @param {string[]} argv
 * @returns {{ command: string | undefined, port: number | undefined }}
 */
export function applyOptionsOrExit(argv) {
  try {
    return applyOptions(argv, process.env)
  } catch (e) {
    console.error(`${e instanceof Error ? e.message : e}\n${USAGE}`)
    process.exit(2)
  }
}
