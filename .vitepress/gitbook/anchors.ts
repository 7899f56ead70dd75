// Heading ids: GitBook's slug everywhere (ids, outline, search), and an explicit
// `<a id="…">` exported on the heading line wins (GITBOOK.md §6, rule 0).
import { gitbookSlug } from './slug'

export const GITBOOK_SLUG_OPTIONS = {
  anchor: { slugify: gitbookSlug, level: [2, 3, 4, 5, 6] },
  headers: { level: [2, 3], slugify: gitbookSlug },
}
