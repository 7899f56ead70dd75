// The small pure functions behind the blocks, as tables: French file sizes
// ({% file %}), French dates ({% update %}), GitBook's tab slug (tab sync).
import { describe, expect, it } from 'vitest'
import { frenchSize } from '../../.vitepress/gitbook/tags/file'
import { frenchDate } from '../../.vitepress/gitbook/tags/updates'
import { tabSlug } from '../../.vitepress/theme/composables/tabSync'

describe('frenchSize', () => {
  it.each([
    [0, '0\u00a0octet'],
    [1, '1\u00a0octet'],
    [15, '15\u00a0octets'],
    [1023, '1\u00a0023\u00a0octets'],
    [1024, '1\u00a0Ko'],
    [12634, '12,3\u00a0Ko'],
    [5 * 1024 * 1024 + 300 * 1024, '5,3\u00a0Mo'],
    [3 * 1024 ** 3, '3\u00a0Go'],
  ])('%i bytes → %s', (bytes, expected) => {
    expect(frenchSize(bytes).replace(/\u202f/g, '\u00a0')).toBe(expected)
  })
})

describe('frenchDate', () => {
  it.each([
    ['2025-12-25', 'full', '25 décembre 2025'],
    ['2025-12-25', 'short', '25 déc. 2025'],
    ['2025-12-25', 'numeric', '25/12/2025'],
    ['2025-03-01', 'full', '1er mars 2025'],
    ['2025-03-01', 'numeric', '01/03/2025'],
    ['2024-02-29', 'full', '29 février 2024'],
  ])('%s (%s) → %s', (iso, format, expected) => {
    expect(frenchDate(iso, format)).toBe(expected)
  })

  it.each(['25/12/2025', '2025-02-30', '2025-13-01', ''])('%s is not a date', (s) => {
    expect(frenchDate(s)).toBeNull()
  })
})

describe('tabSlug', () => {
  it.each([
    ['Windows', 'windows'],
    ['macOS', 'macos'],
    ['C# & .NET', 'c#-.net'],
    ['Ｆｕｌｌ width', 'full-width'],
    ['  Éditeur  (VS Code) ', 'éditeur-vs-code'],
    ['Node.js + npm', 'node.js-+-npm'],
    ['!!!', ''],
    ['a'.repeat(80), 'a'.repeat(64)],
  ])('%s → %s', (title, expected) => {
    expect(tabSlug(title)).toBe(expected)
  })
})
