// One runner for every construct: each fixture page, built by the real build,
// must match its expected HTML, report exactly its expected messages, and keep
// every word its author wrote. UPDATE_FIXTURES=1 writes missing expectations
// (review them before committing).
import fs from 'node:fs'
import path from 'node:path'
import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'
import {
  builtContent,
  builtFile,
  builtMessages,
  FIXTURE_LOG,
  FIXTURES,
  listFixtures,
  normalizeHtml,
} from './helpers/fixtures'
import { missingWords } from './helpers/html'

const update = process.env.UPDATE_FIXTURES === '1'
const cases = listFixtures()
const log = () => fs.readFileSync(FIXTURE_LOG, 'utf8')

describe('fixtures', () => {
  it('there are fixtures, and every one has an expected HTML file', () => {
    expect(cases.length).toBeGreaterThan(0)
    if (!update) expect(cases.filter((c) => !c.html).map((c) => c.name)).toEqual([])
  })

  for (const c of cases) {
    describe(c.name, () => {
      it('renders the expected HTML', () => {
        const actual = builtContent(c)
        const expected = path.join(FIXTURES, `${c.name}.html`)
        if (update && !c.html) fs.writeFileSync(expected, `${actual}\n`)
        expect(actual).toBe(normalizeHtml(fs.readFileSync(expected, 'utf8')))
      })

      it('reports exactly the expected messages', () => {
        const expectedFile = path.join(FIXTURES, `${c.name}.diag`)
        const actual = builtMessages(c, log())
        if (update && !c.diag && actual.length) fs.writeFileSync(expectedFile, `${actual.join('\n')}\n`)
        const expected = fs.existsSync(expectedFile)
          ? fs.readFileSync(expectedFile, 'utf8').split('\n').filter(Boolean).sort()
          : []
        expect(actual).toEqual(expected)
      })

      it('keeps every word of the source', () => {
        const source = fs.readFileSync(path.join(FIXTURES, c.md), 'utf8')
        const { document } = parseHTML(fs.readFileSync(builtFile(c), 'utf8'))
        expect(missingWords(source, document)).toEqual([])
      })
    })
  }
})
