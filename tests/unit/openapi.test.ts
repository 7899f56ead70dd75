// {% openapi %} reads a spec file of the space once while it is unchanged
// (tags/openapi.ts): every block of a page, and of every page, that shows one
// of its operations uses the same parse; a spec edited meanwhile (the dev
// server) is read again, and a broken one is reported at each block.
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { HOME_SPACE, renderSpace, type RenderSpace } from '../helpers/render'

let space: RenderSpace

const spec = (summary: string) => `openapi: 3.0.0
info: { title: Essai, version: '1' }
paths:
  /dossiers:
    get:
      summary: ${summary}
      responses: { '200': { description: Les dossiers } }
`

beforeAll(() => {
  space = renderSpace('gb-openapi-', { ...HOME_SPACE, 'api.yaml': spec('Lister les dossiers'), 'casse.yaml': 'paths: [\n  a: 1\n' })
})
afterAll(() => space.remove())

function render(src: string) {
  const { html, diagnostics } = space.render(src)
  return { html, codes: diagnostics.map((d) => `${d.line}:${d.code}`) }
}

const block = (file: string) => `{% openapi src="${file}" path="/dossiers" method="get" %}\n`

it('shows every block of one spec, and the spec as it is now once it changes', () => {
  const twice = render(`${block('api.yaml')}\n${block('api.yaml')}`)
  expect(twice.html.match(/Lister les dossiers/g)).toHaveLength(2)
  expect(twice.codes).toEqual([])
  fs.writeFileSync(path.join(space.dir, 'api.yaml'), spec('Lister tous les dossiers du service'))
  const after = render(block('api.yaml'))
  expect(after.html).toContain('Lister tous les dossiers du service')
  expect(after.html).not.toContain('Lister les dossiers<')
})

it('reports a broken spec at each block that uses it', () => {
  const r = render(`${block('casse.yaml')}\n${block('casse.yaml')}`)
  expect(r.codes).toEqual(['1:openapi-invalid', '3:openapi-invalid'])
})
