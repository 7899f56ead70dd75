// GitBook keeps the reader's tab choice across the site: choosing « Windows »
// in one tab group selects « Windows » in every group that has it, on this page
// and the next ones. Groups match tabs by a slug of their title, computed as
// GitBook does (packages/gitbook/src/lib/select/slug.ts).
import { ref } from 'vue'

const STORAGE_KEY = 'gb-tab-choice'

/** NFKC, lower case; letters, digits, marks and `+#._` kept, other runs → `-`; at most 64 code points. */
export function tabSlug(title: string): string {
  const s = title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}+#._]+/gu, '-')
    .replace(/^-+|-+$/g, '')
  return [...s].slice(0, 64).join('')
}

/** The last tab chosen anywhere on the site (its slug), shared by every group. */
export const chosenTab = ref<string | null>(null)

export function loadChoice(): void {
  try {
    chosenTab.value ??= localStorage.getItem(STORAGE_KEY)
  } catch {
    // Storage refused (private mode, policy): the choice lasts for the page.
  }
}

export function choose(slug: string): void {
  chosenTab.value = slug
  try {
    localStorage.setItem(STORAGE_KEY, slug)
  } catch {
    // See loadChoice.
  }
}
