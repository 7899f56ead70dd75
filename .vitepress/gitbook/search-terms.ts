// How a French word becomes a search term, for the index and for what the
// reader types alike (MiniSearch applies `processTerm` to both).
//
// SELF-CONTAINED ON PURPOSE: VitePress sends these functions to the browser
// as source text (`serializeFunctions`), where no import, no module constant
// and no helper exists. Everything a function needs is written inside it.
// The config puts these very function objects in `miniSearch`, and the unit
// tests call them: one source of truth.

/**
 * A token → its term(s), or null when the word must not decide ranking.
 * 1. case, accents (NFD, combining marks dropped) and ligatures (œ→oe, æ→ae);
 * 2. apostrophes (’ ' ‘ ʼ) split the token: `l’équipe` → `equipe`;
 * 3. elisions and French stop words → nothing (and `amp`, `lt`, `gt`: titles
 *    reach the index HTML-escaped);
 * 4. a light stemmer: plural -s/-x, -aux→-al, verb -er, final -e / -ée, so
 *    `équipes`, `équipe` and `Équipe` give one term. Only suffixes are cut, so
 *    the stem of a word typed halfway is still a prefix of the full word's.
 */
export function frenchTerm(term: string): string | string[] | null {
  const folded = term
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
  const out: string[] = []
  for (const part of folded.split(/['’‘ʼ`]+/)) {
    let w = part.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
    if (!w) continue
    if (
      /^(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu|quoiqu|le|la|les|un|une|des|du|de|et|ou|en|a|au|aux|pour|par|sur|dans|avec|sans|ce|ces|cet|cette|se|sa|son|ses|ne|pas|que|qui|il|ils|elle|elles|on|est|sont|y|mais|donc|ni|car|leur|leurs|nous|vous|je|tu|amp|lt|gt)$/.test(w)
    ) continue
    if (/^\d/.test(w)) {
      out.push(w)
      continue
    }
    if (w.length > 4 && w.endsWith('aux')) w = w.slice(0, -3) + 'al'
    else if (w.length > 3 && /[sx]$/.test(w) && !w.endsWith('ss')) w = w.slice(0, -1)
    if (w.length > 5 && w.endsWith('er')) w = w.slice(0, -1)
    if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1)
    if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1)
    out.push(w)
  }
  return out.length === 0 ? null : out.length === 1 ? out[0] : out
}

/** One typo allowed in words of 5 letters or more (as stemmed), none below. */
export function typoAllowance(term: string): number | false {
  return term.length >= 5 ? 1 : false
}
