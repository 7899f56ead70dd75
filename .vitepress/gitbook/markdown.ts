// The markdown options of the site, in one place: `.vitepress/config.ts` passes
// them to VitePress, and the checker to `createMarkdownRenderer`, so both parse
// a page with the very same markdown-it chain.
import type { MarkdownOptions } from 'vitepress'
import { gitbookPlugin } from '.'
import { GITBOOK_SLUG_OPTIONS } from './anchors'
import type { GitbookContext } from './env'
import { MATTER_OPTIONS } from './matter'

export function markdownOptions(ctx: GitbookContext): MarkdownOptions {
  return {
    // GitBook never writes `{.class}`; the attrs plugin reads `{% endhint %}` as one.
    attrs: { disable: true },
    // No `math`: our plugin renders GitBook's `$$` with MathJax, loaded on the
    // first formula (transforms/math.ts, math-tex.ts).
    // GitHub's high-contrast themes: every token colour keeps 4.5:1 or more on
    // the code block background in both themes (github-light's orange and
    // github-dark's comments do not).
    theme: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
    codeCopyButtonTitle: 'Copier le code',
    // VitePress's bundled markdown-it-anchor types differ from @types/markdown-it's.
    anchor: GITBOOK_SLUG_OPTIONS.anchor as unknown as MarkdownOptions['anchor'],
    headers: GITBOOK_SLUG_OPTIONS.headers,
    // VitePress's own front matter reader: YAML only, never gray-matter's eval (matter.ts).
    frontmatter: { grayMatterOptions: MATTER_OPTIONS },
    // VitePress ships its own markdown-it typings; the instance is the same.
    config: (md) => void md.use(gitbookPlugin as never, ctx),
  }
}
