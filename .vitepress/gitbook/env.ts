// What the GitBook plugins keep per rendered page, on markdown-it's `env`.
import path from 'node:path'
import type { Diagnostic, DiagnosticSink, Severity } from './diagnostics'
import { relFile } from './diagnostics'
import type { Space } from './space'

export interface GitbookPageState {
  /** Source file relative to the space root ('' when rendering a bare string). */
  file: string
  /** Absolute source file path. */
  absFile: string
  /** Lines of front matter above the body: token maps count from the body. */
  lineOffset: number
  diagnostics: Diagnostic[]
  /** Per-page counters for generated ids (tabs, annotations…). */
  ids: Map<string, number>
}

/** The context a plugin instance is created with: the space and where to report. */
export interface GitbookContext {
  space: Space
  sink?: DiagnosticSink
  /** Assets (absolute paths) that pages link to; the build copies them. */
  linkedAssets: Set<string>
  /** Base URL of the complete handbook, for links to pages not in this space. */
  fallbackUrl?: string
}

export interface MarkdownEnv {
  /** Set by VitePress: absolute path of the source file before rewrites. */
  realPath?: string
  path?: string
  /** Set by the front matter plugin: the body without front matter. */
  content?: string
  frontmatter?: Record<string, any>
  /** Set by our render wrapper: the full source, to count front-matter lines. */
  gitbookSource?: string
  gitbook?: GitbookPageState
  /** Parsing another page only to read its heading ids: report nothing. */
  gitbookQuiet?: boolean
  [key: string]: any
}

export function pageState(env: MarkdownEnv, ctx: GitbookContext): GitbookPageState {
  if (env.gitbook) return env.gitbook
  const abs = env.realPath ?? env.path ?? ''
  const src = env.gitbookSource
  let lineOffset = 0
  if (src !== undefined && env.content !== undefined && src.endsWith(env.content)) {
    lineOffset = src.slice(0, src.length - env.content.length).split('\n').length - 1
  }
  env.gitbook = {
    file: abs ? relFile(ctx.space.root, abs) : '',
    absFile: abs ? path.resolve(abs) : '',
    lineOffset,
    diagnostics: [],
    ids: new Map(),
  }
  return env.gitbook
}

/** Record a problem at a body line (0-based, as in `token.map`). */
export function report(
  env: MarkdownEnv,
  ctx: GitbookContext,
  bodyLine: number,
  severity: Severity,
  code: string,
  message: string,
  hint?: string,
  column = 1,
): void {
  if (env.gitbookQuiet) return
  const page = pageState(env, ctx)
  const d: Diagnostic = {
    file: page.file || '<input>',
    line: bodyLine + 1 + page.lineOffset,
    column,
    severity,
    code,
    message,
    hint,
  }
  page.diagnostics.push(d)
  ctx.sink?.add(d)
}

/** A page-unique id: `prefix-1`, `prefix-2`… */
export function nextId(env: MarkdownEnv, ctx: GitbookContext, prefix: string): string {
  const ids = pageState(env, ctx).ids
  const n = (ids.get(prefix) ?? 0) + 1
  ids.set(prefix, n)
  return `${prefix}-${n}`
}
