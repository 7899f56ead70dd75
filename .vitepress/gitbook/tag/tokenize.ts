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

function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line])
}

/** Opening and closing fence tracking, so tags inside code samples stay text. */
function fenceOf(text: string): { char: string; len: number } | null {
  const m = /^(`{3,}|~{3,})/.exec(text)
  return m ? { char: m[1][0], len: m[1].length } : null
}

/**
 * Find the line of `{% endname %}` matching an opening at `start`, skipping
 * code fences and nested tags of the same name. -1 when there is none.
 * For `optional` ends, another opening of the same tag ends the search.
 */
function findEnd(state: StateBlock, start: number, endLine: number, spec: TagSpec, name: string): number {
  let depth = 0
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
    if (!tag || tag.name !== name) continue
    if (!tag.isEnd) {
      if (spec.end === 'optional') return -1
      depth++
    } else if (depth === 0) {
      return line
    } else {
      depth--
    }
  }
  return -1
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
      // Only reached when no opening consumed it: the end tag is stray.
      report(env, ctx, startLine, 'error', 'tag-stray-end',
        `{% end${tag.name} %} has no matching {% ${tag.name} %}`,
        `remove it, or add the opening {% ${tag.name} %} above`, column)
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
    const parentType = state.parentType as string
    if (spec?.parent && parentType !== `gitbook_${spec.parent}`) {
      report(env, ctx, startLine, 'warning', 'tag-misplaced',
        `{% ${tag.name} %} must sit directly inside {% ${spec.parent} %}`,
        `wrap it in {% ${spec.parent} %} … {% end${spec.parent} %}`, column)
    }

    const name = spec?.name ?? tag.name
    const meta: TagMeta = { name, args, positional: parsed.positional, source: text.trim(), closed: true }
    // An unknown tag is paired only when its end tag follows: nothing to report as unclosed.
    const kind = spec?.end ?? 'optional'
    let end = kind === 'never' ? -1 : findEnd(state, startLine, endLine, spec ?? ({ end: 'optional' } as TagSpec), tag.name)

    if (kind === 'never' || (kind === 'optional' && end < 0)) {
      const t = state.push(spec ? `gitbook_${name}` : 'gitbook_unknown', '', 0)
      t.map = [startLine, startLine + 1]
      t.meta = meta
      t.info = tag.name
      return true
    }
    if (end < 0) {
      // Closed at the end of the enclosing block so no text is lost, and reported.
      meta.closed = false
      end = endLine
      report(env, ctx, startLine, 'error', 'tag-unclosed', `{% ${tag.name} %} is never closed`,
        `add {% end${tag.name} %} where it should end; it runs to the end of the ${parentType === 'root' ? 'page' : 'enclosing block'} meanwhile`, column)
    }

    const type = spec ? `gitbook_${name}` : 'gitbook_unknown'
    const open = state.push(`${type}_open`, 'div', 1)
    open.map = [startLine, Math.min(end + 1, endLine)]
    open.meta = meta
    open.info = tag.name
    open.block = true

    const oldParent = state.parentType
    const oldLineMax = state.lineMax
    state.parentType = `gitbook_${name}` as typeof state.parentType
    state.lineMax = end
    state.md.block.tokenize(state, startLine + 1, end)
    state.parentType = oldParent
    state.lineMax = oldLineMax

    const close = state.push(`${type}_close`, 'div', -1)
    close.map = [end, Math.min(end + 1, endLine)]
    close.meta = meta
    close.block = true
    state.line = Math.min(end + 1, endLine)
    return true
  }
}

/** Register the rule: before fences, and able to end a paragraph or a list. */
export function tagTokenizerPlugin(md: MarkdownIt, ctx: GitbookContext): void {
  md.block.ruler.before('fence', 'gitbook_tag', tagBlockRule(ctx), {
    alt: ['paragraph', 'reference', 'blockquote', 'list'],
  })
}
