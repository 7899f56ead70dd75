// The markdown options of the site, in one place: `.vitepress/config.ts` passes
// them to VitePress, and the checker to `createMarkdownRenderer`, so both parse
// a page with the very same markdown-it chain.
import type { MarkdownOptions } from 'vitepress'
import { gitbookPlugin } from '.'
import { GITBOOK_SLUG_OPTIONS } from './anchors'
import type { GitbookContext } from './env'
import { MATTER_OPTIONS } from './matter'
import { mathOptions } from './transforms/math-tex'

export function markdownOptions(ctx: GitbookContext): MarkdownOptions {
  return {
    // GitBook never writes `{.class}`; the attrs plugin reads `{% endhint %}` as one.
    attrs: { disable: true },
    // MathJax reads GitBook's TeX, and none of its commands that write HTML (math-tex.ts).
    math: mathOptions(),
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
