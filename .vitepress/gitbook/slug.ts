// GitBook's heading anchor, reconstructed from published pages (GITBOOK.md §6).
// One function for heading ids, the outline, #anchor links, search and the checker.

/**
 * The id GitBook gives a heading whose plain text is `text`.
 * `Équipe d’accompagnement` → `equipe-d-accompagnement`, `3.2 Object Lock` →
 * `id-3.2-object-lock`, `☁️ Cloud & conteneurisation` → `cloud-and-conteneurisation`.
 */
export function gitbookSlug(text: string): string {
  let s = text
    .normalize('NFKD') // `…` becomes `...`, `é` becomes `e` + combining accent
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/</g, ' less-than ')
    .replace(/>/g, ' greater-than ')
    .replace(/'/g, '') // ASCII apostrophe joins: `l'application` → `lapplication`
    .replace(/[^a-z0-9_.]+/g, '-') // typographic `’`, spaces, emoji, punctuation: one separator
    .replace(/^-+|-+$/g, '')
  if (/^[0-9]/.test(s)) s = `id-${s}`
  return s
}

/**
 * Hands out unique ids within one page: the second `Stratégie` becomes
 * `strategie-1`, the third `strategie-2` (GitBook's suffix is not documented).
 */
export class SlugCounter {
  private used = new Map<string, number>()

  unique(base: string): string {
    let slug = base
    let n = this.used.get(base) ?? 0
    while (this.used.has(slug) && n < 10_000) slug = `${base}-${++n}`
    this.used.set(base, n)
    this.used.set(slug, this.used.get(slug) ?? 0)
    return slug
  }

  /** Reserve an id written by the author (`<a id="…">`), so no later heading takes it. */
  reserve(id: string): void {
    if (!this.used.has(id)) this.used.set(id, 0)
  }
}
