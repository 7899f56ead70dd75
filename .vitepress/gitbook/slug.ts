// GitBook's heading anchor, reconstructed from published pages (GITBOOK.md §6).
// One function for heading ids, the outline, #anchor links, search and the checker;
// the other slug forms below only produce aliases, so old links keep landing.

/** Letters NFKD does not decompose but a French heading writes (`mise en œuvre`). [guess] */
const LIGATURES: Record<string, string> = { œ: 'oe', Œ: 'oe', æ: 'ae', Æ: 'ae', ß: 'ss' }

/**
 * The id GitBook gives a heading whose plain text is `text` (GITBOOK.md §6,
 * revised 2026-12, steps 2–10): `Équipe d’accompagnement` →
 * `equipe-daccompagnement`, `Une équipe produit, c'est...` →
 * `une-equipe-produit-cest`, `3.2 Object Lock` → `id-3.2-object-lock`,
 * `Azure AD` → `azure-a-d`.
 */
export function gitbookSlug(text: string): string {
  let s = text
    .normalize('NFKD') // `…` becomes `...`, `é` becomes `e` + combining accent
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[œŒæÆß]/g, (c) => LIGATURES[c])
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\|/g, ' or ')
    .replace(/</g, ' less-than ')
    .replace(/>/g, ' greater-than ')
    // Every apostrophe joins, typographic ones too: `l’API` → `lapi`.
    .replace(/['‘’]/g, '')
    .replace(/[^a-z0-9_.+]+/g, '-')
    // `+` survives the separator step, then goes: `5.3.2 + MyISAM` → `5.3.2--myisam`.
    .replace(/\+/g, '')
    .replace(/^-+|[-._]+$/g, '')
  if (/^[0-9]/.test(s)) s = `id-${s}`
  // Kept clear of ad blockers' rules: `Azure AD` → `azure-a-d`, `offline ads` → `offline-a-ds`.
  s = s.replace(/\bad(s?)\b/g, 'a-d$1')
  // [likely] four pinned ids are cut at exactly 100; whether a dash left at the cut is trimmed is unknown.
  return s.slice(0, 100)
}

/**
 * The id this project published before the 2026-12 revision of §6 (kept
 * verbatim, alias only): ASCII `'` deleted, typographic `’` → `-`, trailing
 * periods kept, `+` and `|` separators, no `ad` rule, no length cut.
 * `Équipe d’accompagnement` → `equipe-d-accompagnement`.
 */
export function legacyGitbookSlug(text: string): string {
  let s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[œŒæÆß]/g, (c) => LIGATURES[c])
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/</g, ' less-than ')
    .replace(/>/g, ' greater-than ')
    .replace(/'/g, '')
    .replace(/[^a-z0-9_.]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (/^[0-9]/.test(s)) s = `id-${s}`
  return s
}

/**
 * Ids stored by older GitBook imports, found as pins (§6): periods dropped
 * (`1. Consider` → `id-1-consider`, `Set syntax…` → `set-syntax`) and `’` → `-`
 * (`change-your-site-s-settings`). Alias only.
 */
export function gitbookOlderSlug(text: string): string {
  // After NFKD, so the periods of `…` go too.
  return legacyGitbookSlug(text.normalize('NFKD').replace(/\./g, ''))
}

/**
 * VitePress's default heading id (`@mdit-vue/shared` slugify, copied: vitepress
 * bundles it): NFKD, accents dropped, ASCII punctuation → `-`, emoji kept,
 * `_` before a leading digit. Alias only: ids a VitePress preview once had.
 */
export function vitepressSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036F]/g, '')
    .replace(/[\u0000-\u001f]/g, '')
    .replace(/[\s~`!@#$%^&*()\-_+=[\]{}|\\;:"'“”‘’<>,.?/]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/^(\d)/, '_$1')
    .toLowerCase()
}

/**
 * GitHub's heading id (github-slugger): lower-case, keep letters (accents too),
 * marks (so VS16 survives an emoji), numbers, `_`, `-` and spaces; each space
 * becomes `-`, with no collapsing or trimming. What authors typed in git
 * (`#en-quoi-ce-rôle-est-important-`). Alias only.
 */
export function githubSlug(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{Nd}\p{Nl}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-')
}

/**
 * Hands out unique ids within one page: the second `Stratégie` becomes
 * `strategie-1`, the third `strategie-2` (GitBook's suffix is not documented;
 * markdown-it-anchor, as VitePress configures it, and github-slugger do the same).
 */
export class SlugCounter {
  private used = new Set<string>()

  unique(base: string): string {
    let slug = base
    for (let n = 1; this.used.has(slug); n++) slug = `${base}-${n}`
    this.used.add(slug)
    return slug
  }

  /** Reserve an id written by the author (`<a id="…">`), so no later heading takes it. */
  reserve(id: string): void {
    this.used.add(id)
  }

  has(id: string): boolean {
    return this.used.has(id)
  }
}
