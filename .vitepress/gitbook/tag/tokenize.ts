// The one block rule for GitBook's `{% name args %} … {% endname %}` tags,
// modelled on markdown-it-container: find the end tag first, narrow lineMax so
// nothing runs past it, tokenize the body as ordinary Markdown, and emit
// `gitbook_<name>_open` / `_close` tokens (or one `gitbook_<name>` token).
// Unlike the container plugin, nothing is closed silently: every repair is reported.
import type MarkdownIt from 'markdown-it'
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs'
import type { GitbookContext } from '../env'
import { report } from '../env'
import { parseArgs } from './args'
import { isVariableTag } from '../transforms/variables'
import { getTag, type TagMeta, type TagSpec } from './registry'

export interface TagLine {
  name: string
  isEnd: boolean
  /** The text between the name and `%}`. */
  argsText: string
  /** 0-based column where `argsText` starts. */
  argsColumn: number
}

// Values may hold `%` (`width="50%"`), so the tag ends at the last `%}` of the line.
const TAG_LINE = /^(\{%-?\s*)(end)?([A-Za-z][\w-]*)(.*?)\s*-?%\}\s*$/

/** Read a line that holds one GitBook tag and nothing else. */
export function readTagLine(line: string): TagLine | null {
  // `{% vars.x %}` is a variable, not a tag: it stays text for variables.ts.
  if (isVariableTag(line)) return null
  const m = TAG_LINE.exec(line.trim())
  if (!m) return null
  const lead = line.length - line.trimStart().length
  return {
    name: m[3],
    isEnd: !!m[2] && !!m[3],
    argsText: m[4],
    argsColumn: lead + m[1].length + (m[2]?.length ?? 0) + m[3].length,
  }
}

/**
 * Tags nested deeper than this (counting every open block) are read as if
 * written flat: markdown-it drops everything past `maxNesting`, and each level
 * costs stack, so a page of thousands of unclosed tags must not lose its text.
 */
export const MAX_TAG_LEVEL = 40

/** Per page: tag names opened flat at the depth limit, whose end tags are expected. */
function flatOpens(env: Record<string, any>): Map<string, number> {
  env.gitbookFlatTags ??= new Map<string, number>()
  return env.gitbookFlatTags
}

function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line])
}

/** Opening and closing fence tracking, so tags inside code samples stay text. */
function fenceOf(text: string): { char: string; len: number } | null {
  const m = /^(`{3,}|~{3,})/.exec(text)
  return m ? { char: m[1][0], len: m[1].length } : null
}

/** Where a tag's body ends: its end tag, or (`sibling`) the next tag of the same name. */
interface EndFound {
  line: number
  /** No end tag, but a sibling opens at `line` (a `{% step %}` after an unclosed one). */
  sibling: boolean
}

/**
 * Find the line of `{% endname %}` matching an opening at `start`, skipping
 * code fences and nested tags of the same name. Null when there is none.
 * For `optional` ends, another opening of the same tag ends the search. A tag
 * that sits in a parent (`step` in `stepper`) cannot hold its own kind outside
 * a nested parent, so a same-name opening at the same depth is its sibling.
 */
function findEnd(state: StateBlock, start: number, endLine: number, spec: TagSpec, name: string): EndFound | null {
  let depth = 0
  let parentDepth = 0
  let fence: { char: string; len: number } | null = null
  for (let line = start + 1; line < endLine; line++) {
    const text = lineText(state, line)
    const f = fenceOf(text)
    if (fence) {
      if (f && f.char === fence.char && f.len >= fence.len && /^[`~]+\s*$/.test(text)) fence = null
      continue
    }
    if (f) {
      fence = f
      continue
    }
    const tag = readTagLine(text)
    if (!tag) continue
    if (spec.parent && tag.name === spec.parent) {
      parentDepth += tag.isEnd ? -1 : 1
      continue
    }
    if (tag.name !== name) continue
    if (!tag.isEnd) {
      if (spec.end === 'optional') return null
      if (spec.parent && parentDepth === 0 && depth === 0) return { line, sibling: true }
      depth++
    } else if (depth === 0) {
      return { line, sibling: false }
    } else {
      depth--
    }
  }
  return null
}

export function tagBlockRule(ctx: GitbookContext) {
  return function gitbook_tag(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
    if (state.sCount[startLine] - state.blkIndent >= 4) return false
    const pos = state.bMarks[startLine] + state.tShift[startLine]
    if (state.src.charCodeAt(pos) !== 0x7b /* { */ || state.src.charCodeAt(pos + 1) !== 0x25 /* % */) return false
    const text = lineText(state, startLine)
    const tag = readTagLine(text)
    if (!tag) return false
    if (silent) return true

    const env = state.env
    const column = state.tShift[startLine] + 1
    const spec = getTag(tag.name)
    state.line = startLine + 1

    if (tag.isEnd) {
      const flat = flatOpens(env)
      const pending = flat.get(tag.name) ?? 0
      if (pending > 0) {
        // The end of a tag opened flat at the depth limit (already reported).
        flat.set(tag.name, pending - 1)
        const t = state.push('gitbook_stray', '', 0)
        t.map = [startLine, startLine + 1]
        t.content = text
        return true
      }
      // Only reached when no opening consumed it: the end tag is stray.
      report(env, ctx, startLine, 'error', 'tag-stray-end',
        `{% end${tag.name} %} has no matching {% ${tag.name} %}`,
        `remove it, or add the opening {% ${tag.name} %} above`, column)
      const t = state.push('gitbook_stray', '', 0)
      t.map = [startLine, startLine + 1]
      t.content = text
      return true
    }

    if (state.level >= MAX_TAG_LEVEL) {
      // No recursion here: the body is read by the enclosing loop, at this level.
      if (!env.gitbookTooDeep) {
        env.gitbookTooDeep = true
        report(env, ctx, startLine, 'warning', 'tag-too-deep',
          `{% ${tag.name} %} is nested too deeply (more than ${MAX_TAG_LEVEL} levels); this tag and the ones inside it are shown as plain content`,
          'close the tags above it, or nest fewer blocks', column)
      }
      const flat = flatOpens(env)
      flat.set(tag.name, (flat.get(tag.name) ?? 0) + 1)
      const t = state.push('gitbook_stray', '', 0)
      t.map = [startLine, startLine + 1]
      t.content = text
      return true
    }

    const parsed = parseArgs(tag.argsText, tag.argsColumn)
    for (const e of parsed.errors) {
      report(env, ctx, startLine, 'warning', 'tag-bad-attribute', `{% ${tag.name} %}: ${e.message}`,
        'write attributes as key="value"', e.column)
    }
    const args = { ...parsed.named }
    if (spec) {
      for (const [key, value] of Object.entries(parsed.named)) {
        const argSpec = spec.args?.[key]
        if (!argSpec) {
          if (spec.args) report(env, ctx, startLine, 'warning', 'tag-unknown-attribute',
            `{% ${tag.name} %} has an unknown attribute ${key}="${value}"`, 'check the spelling; it is ignored', column)
          continue
        }
        if (argSpec.values && !argSpec.values.includes(value)) {
          report(env, ctx, startLine, 'warning', 'tag-bad-value',
            `{% ${tag.name} %}: ${key}="${value}" is not one of ${argSpec.values.join(', ')}`,
            `it is shown as ${key}="${argSpec.fallback}"`, column)
          args[key] = argSpec.fallback ?? argSpec.values[0]
        }
      }
      for (const [key, argSpec] of Object.entries(spec.args ?? {})) {
        if (!(key in args) && argSpec.fallback !== undefined) args[key] = argSpec.fallback
      }
    } else {
      report(env, ctx, startLine, 'warning', 'tag-unknown', `unknown GitBook tag {% ${tag.name} %}`,
        'check the spelling; its content is shown as ordinary text', column)
    }
    // The enclosing tag, tracked here: markdown-it's lheading rule can leave
    // `state.parentType` at 'paragraph' after a failed match (markdown-it 14.1.0,
    // bundled by VitePress), so it cannot tell which block we are in.
    const st = state as StateBlock & { gitbookTag?: { name: string; level: number } }
    const enclosing = st.gitbookTag
    // Directly inside: not in a list or quote within the enclosing tag.
    if (spec?.parent && (enclosing?.name !== spec.parent || enclosing.level !== state.level)) {
      report(env, ctx, startLine, 'warning', 'tag-misplaced',
        `{% ${tag.name} %} must sit directly inside {% ${spec.parent} %}`,
        `wrap it in {% ${spec.parent} %} … {% end${spec.parent} %}`, column)
    }

    const name = spec?.name ?? tag.name
    const meta: TagMeta = { name, args, positional: parsed.positional, source: text.trim(), closed: true }
    // An unknown tag may be a one-line tag or a container: its end tag decides.
    const kind = spec?.end ?? 'optional'
    const found = kind === 'never' ? null : findEnd(state, startLine, endLine, spec ?? ({ end: 'always' } as TagSpec), tag.name)
    let end = found && !found.sibling ? found.line : -1

    if (kind === 'never' || (kind === 'optional' && end < 0)) {
      const t = state.push(spec ? `gitbook_${name}` : 'gitbook_unknown', '', 0)
      t.map = [startLine, startLine + 1]
      t.meta = meta
      t.info = tag.name
      return true
    }
    // Where the next block starts: after the end tag, or at the sibling that ends this one.
    let next = end + 1
    if (found?.sibling) {
      meta.closed = false
      end = next = found.line
      report(env, ctx, startLine, 'error', 'tag-unclosed', `{% ${tag.name} %} is never closed`,
        `add {% end${tag.name} %} before the next {% ${tag.name} %}; it ends there meanwhile`, column)
    } else if (end < 0) {
      // Closed at the end of the enclosing block so no text is lost, and reported.
      meta.closed = false
      end = next = endLine
      report(env, ctx, startLine, 'error', 'tag-unclosed', `{% ${tag.name} %} is never closed`,
        `add {% end${tag.name} %} where it should end; it runs to the end of the ${state.level === 0 ? 'page' : 'enclosing block'} meanwhile`, column)
    }

    const type = spec ? `gitbook_${name}` : 'gitbook_unknown'
    const open = state.push(`${type}_open`, 'div', 1)
    open.map = [startLine, Math.min(next, endLine)]
    open.meta = meta
    open.info = tag.name
    open.block = true

    const oldParent = state.parentType
    const oldLineMax = state.lineMax
    state.parentType = `gitbook_${name}` as typeof state.parentType
    state.lineMax = end
    st.gitbookTag = { name, level: state.level }
    state.md.block.tokenize(state, startLine + 1, end)
    st.gitbookTag = enclosing
    state.parentType = oldParent
    state.lineMax = oldLineMax

    const close = state.push(`${type}_close`, 'div', -1)
    close.map = [end, Math.min(next, endLine)]
    close.meta = meta
    close.block = true
    state.line = Math.min(next, endLine)
    return true
  }
}

/** Register the rule: before fences, and able to end a paragraph or a list. */
export function tagTokenizerPlugin(md: MarkdownIt, ctx: GitbookContext): void {
  md.block.ruler.before('fence', 'gitbook_tag', tagBlockRule(ctx), {
    alt: ['paragraph', 'reference', 'blockquote', 'list'],
  })
}
