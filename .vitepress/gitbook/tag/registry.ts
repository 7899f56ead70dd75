// What each GitBook tag is: its name, whether it needs an end tag, where it may
// sit, which attributes it takes, and how it turns into HTML. One module per
// tag fills one TagSpec; the tokenizer and the checker read the same table.
import type MarkdownIt from 'markdown-it'
import type Token from 'markdown-it/lib/token.mjs'
import type { GitbookContext, MarkdownEnv } from '../env'

export interface ArgSpec {
  /** Allowed values; anything else falls back to `fallback` with a warning. */
  values?: string[]
  fallback?: string
}

export interface TagMeta {
  name: string
  /** Named attributes after validation (fallbacks applied). */
  args: Record<string, string>
  positional: string[]
  /** The tag line as written, for messages and placeholders. */
  source: string
  /** False when the tag was never closed (the build closed it at its parent's end). */
  closed: boolean
}

export interface RenderArgs {
  md: MarkdownIt
  tokens: Token[]
  idx: number
  env: MarkdownEnv
  ctx: GitbookContext
  meta: TagMeta
}

export interface TagSpec {
  name: string
  /** `always`: needs `{% endname %}`; `never`: one line; `optional`: may close a caption. */
  end: 'always' | 'never' | 'optional'
  /** The tag this one must sit directly in (`tab` in `tabs`). */
  parent?: string
  /** Known named attributes. Others are kept but reported. */
  args?: Record<string, ArgSpec>
  /** Whether positional values are expected (`{% include "path" %}`). */
  positional?: boolean
  /** HTML for the opening token (or the single token of an unpaired tag). */
  open(a: RenderArgs): string
  /** HTML for the closing token. */
  close?(a: RenderArgs): string
}

const registry = new Map<string, TagSpec>()
const aliases = new Map<string, string>()

export function defineTag(spec: TagSpec, ...alias: string[]): TagSpec {
  registry.set(spec.name, spec)
  for (const a of alias) aliases.set(a, spec.name)
  return spec
}

export function getTag(name: string): TagSpec | undefined {
  return registry.get(aliases.get(name) ?? name)
}

export function tagNames(): string[] {
  return [...registry.keys(), ...aliases.keys()]
}

/** The opening token's meta, typed. */
export function metaOf(token: Token): TagMeta {
  return token.meta as TagMeta
}

/** Index of the close token that matches the open token at `idx`. */
export function findClose(tokens: Token[], idx: number): number {
  const type = tokens[idx].type.replace(/_open$/, '_close')
  const openType = tokens[idx].type
  let depth = 0
  for (let i = idx; i < tokens.length; i++) {
    if (tokens[i].type === openType) depth++
    else if (tokens[i].type === type && --depth === 0) return i
  }
  return tokens.length - 1
}

/** Escape text for HTML text and attribute values, and keep Vue from reading `{{`. */
export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/\{\{/g, '&#123;&#123;')
}
