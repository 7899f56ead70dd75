// {% openapi %} reads a spec file of the space once while it is unchanged
// (tags/openapi.ts): every block of a page, and of every page, that shows one
// of its operations uses the same parse; a spec edited meanwhile (the dev
// server) is read again, and a broken one is reported at each block.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import MarkdownIt from 'markdown-it'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { gitbookPlugin, type GitbookContext } from '../../.vitepress/gitbook'
import type { MarkdownEnv } from '../../.vitepress/gitbook/env'
import { loadSpace } from '../../.vitepress/gitbook/space'

let dir: string
let md: MarkdownIt

const spec = (summary: string) => `openapi: 3.0.0
info: { title: Essai, version: '1' }
paths:
  /dossiers:
    get:
      summary: ${summary}
      responses: { '200': { description: Les dossiers } }
`

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gb-openapi-'))
  fs.writeFileSync(path.join(dir, 'README.md'), '# Accueil\n')
  fs.writeFileSync(path.join(dir, 'SUMMARY.md'), '# Table of contents\n\n* [Accueil](README.md)\n')
  fs.writeFileSync(path.join(dir, 'api.yaml'), spec('Lister les dossiers'))
  fs.writeFileSync(path.join(dir, 'casse.yaml'), 'paths: [\n  a: 1\n')
  const ctx: GitbookContext = { space: loadSpace(dir), linkedAssets: new Set() }
  md = new MarkdownIt({ html: true })
  md.use(gitbookPlugin as never, ctx)
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

function render(src: string) {
  const env: MarkdownEnv = { realPath: path.join(dir, 'README.md') }
  const html = md.render(src, env)
  return { html, codes: env.gitbook!.diagnostics.map((d) => `${d.line}:${d.code}`) }
}

const block = (file: string) => `{% openapi src="${file}" path="/dossiers" method="get" %}\n`

it('shows every block of one spec, and the spec as it is now once it changes', () => {
  const twice = render(`${block('api.yaml')}\n${block('api.yaml')}`)
  expect(twice.html.match(/Lister les dossiers/g)).toHaveLength(2)
  expect(twice.codes).toEqual([])
  fs.writeFileSync(path.join(dir, 'api.yaml'), spec('Lister tous les dossiers du service'))
  const after = render(block('api.yaml'))
  expect(after.html).toContain('Lister tous les dossiers du service')
  expect(after.html).not.toContain('Lister les dossiers<')
})

it('reports a broken spec at each block that uses it', () => {
  const r = render(`${block('casse.yaml')}\n${block('casse.yaml')}`)
  expect(r.codes).toEqual(['1:openapi-invalid', '3:openapi-invalid'])
})
