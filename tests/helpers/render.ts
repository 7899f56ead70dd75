// A GitBook space in a temporary folder and the site's markdown-it chain over
// it (our plugin, as VitePress sets it up), for the unit tests that render a
// page's Markdown without a build.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import MarkdownIt from 'markdown-it'
import { gitbookPlugin, type GitbookContext } from '../../.vitepress/gitbook'
import type { Diagnostic } from '../../.vitepress/gitbook/diagnostics'
import type { MarkdownEnv } from '../../.vitepress/gitbook/env'
import { loadSpace } from '../../.vitepress/gitbook/space'

/** A home page and its table of contents: the smallest space. */
export const HOME_SPACE = { 'README.md': '# Accueil\n', 'SUMMARY.md': '# Table of contents\n\n* [Accueil](README.md)\n' }

export interface RenderSpace {
  dir: string
  ctx: GitbookContext
  md: MarkdownIt
  /** `src` rendered as the space's README.md. */
  render(src: string): { html: string; diagnostics: Diagnostic[] }
  remove(): void
}

/**
 * The space of `files` (path → text) under a new temporary folder named after
 * `prefix`. `before` sets up markdown-it before our plugin (what VitePress
 * adds first: math, a rule of the test's own).
 */
export function renderSpace(prefix: string, files: Record<string, string> = HOME_SPACE, before?: (md: MarkdownIt) => void): RenderSpace {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text)
  const ctx: GitbookContext = { space: loadSpace(dir), linkedAssets: new Set() }
  const md = new MarkdownIt({ html: true })
  before?.(md)
  md.use(gitbookPlugin as never, ctx)
  return {
    dir,
    ctx,
    md,
    render(src) {
      const env: MarkdownEnv = { realPath: path.join(dir, 'README.md') }
      const html = md.render(src, env)
      return { html, diagnostics: env.gitbook!.diagnostics }
    },
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  }
}
