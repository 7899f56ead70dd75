// What the browser receives of a page's data. VitePress writes the whole
// pageData into the page's script, downloaded on every first load; these keys
// are read while the Markdown is rendered and never again:
// - `headers`: the outline of VitePress 1.x reads the headings from the DOM;
// - `frontmatter.gitbook`, `gitbookLayout`, `gitbookKeys`: GitBook's own
//   settings, already turned into VitePress's (frontmatter.ts).
import type { PageData } from 'vitepress'

const BUILD_ONLY_FRONTMATTER = ['gitbook', 'gitbookLayout', 'gitbookKeys']

/** Drop from `pageData` what only the build reads; the front matter is copied, not changed in place (the render's env shares it). */
export function dropBuildOnlyData(pageData: PageData): void {
  pageData.headers = []
  const fm = { ...pageData.frontmatter }
  for (const key of BUILD_ONLY_FRONTMATTER) delete fm[key]
  pageData.frontmatter = fm
}
