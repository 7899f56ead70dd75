// {% openapi src path method %}, {% openapi-operation spec path method %},
// {% openapi-schemas spec schemas grouped %} and the legacy {% swagger %}:
// GitBook renders an API reference from an OpenAPI document. When the spec is
// a YAML or JSON file of the space, the operation (method, path, summary,
// parameters, responses) or the schemas are rendered at build time. A remote
// spec is never fetched: a French placeholder card shows what was asked for,
// and the body (usually a link to the spec) stays below it.
import fs from 'node:fs'
import { parse } from 'yaml'
import { pageState, report } from '../env'
import { resolveHref } from '../resolve'
import { defineTag, escapeHtml, type RenderArgs } from '../tag/registry'

type Json = Record<string, any>
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']

/** Argument by name, else by position (`{% openapi "spec.yaml" "/pets" "get" %}`). */
function argOf(a: RenderArgs, names: string[], position: number): string | undefined {
  for (const n of names) if (a.meta.args[n] !== undefined) return a.meta.args[n]
  return a.meta.positional[position]
}

/**
 * Spec files parsed, by path, while they keep their size and time: a space
 * often shows many operations of one spec, each block a tag of its own, and
 * a large spec took longer to parse than the page to render.
 */
const parsed = new Map<string, { stamp: string; spec?: unknown; error?: Error }>()
function parseSpec(abs: string): { spec?: unknown; error?: Error } {
  const stat = fs.statSync(abs)
  const stamp = `${stat.size}:${stat.mtimeMs}`
  let entry = parsed.get(abs)
  if (entry?.stamp !== stamp) {
    entry = { stamp }
    try {
      entry.spec = parse(fs.readFileSync(abs, 'utf8'))
    } catch (e) {
      entry.error = e as Error
    }
    parsed.set(abs, entry)
  }
  return entry
}

/** The local spec, parsed, or why not. */
function loadSpec(a: RenderArgs, src: string | undefined): { spec?: Json; why?: string } {
  if (!src) return { why: 'aucune spécification indiquée' }
  const r = resolveHref(a.ctx.space, pageState(a.env, a.ctx).file, src)
  if (r.kind === 'external') return { why: 'spécification distante, non chargée par ce site' }
  if (r.kind !== 'asset' || !/\.(ya?ml|json)$/i.test(r.file)) return { why: 'spécification non disponible dans cet espace' }
  try {
    const { spec, error } = parseSpec(r.abs)
    if (error) throw error
    if (spec && typeof spec === 'object') return { spec: spec as Json }
    return { why: 'spécification vide ou illisible' }
  } catch (e) {
    report(a.env, a.ctx, a.tokens[a.idx].map?.[0] ?? 0, 'warning', 'openapi-invalid',
      `{% ${a.meta.name} %}: ${src} is not valid YAML or JSON (${(e as Error).message.split('\n')[0].replace(/:\s*$/, '')})`,
      'fix the spec file; a placeholder is shown meanwhile')
    return { why: 'spécification illisible' }
  }
}

/** Follow a local `$ref` (`#/components/schemas/Pet`). */
function deref(spec: Json, node: any, seen = 0): any {
  if (node && typeof node.$ref === 'string' && node.$ref.startsWith('#/') && seen < 20) {
    const target = node.$ref.slice(2).split('/').reduce((o: any, k: string) => o?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], spec)
    return deref(spec, target, seen + 1) ?? node
  }
  return node
}

function typeOf(spec: Json, schema: any): string {
  if (!schema) return ''
  if (typeof schema.$ref === 'string') return schema.$ref.split('/').pop()
  if (schema.type === 'array') return `${typeOf(spec, schema.items) || 'valeur'}[]`
  if (schema.enum) return schema.enum.map(String).join(' | ')
  return [schema.type, schema.format].filter(Boolean).join(' ') || (schema.oneOf ? 'oneOf' : schema.anyOf ? 'anyOf' : 'objet')
}

const IN: Record<string, string> = { path: 'chemin', query: 'requête', header: 'en-tête', cookie: 'cookie' }

function table(head: string[], rows: string[][]): string {
  if (!rows.length) return ''
  return (
    `<table>\n<thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead>\n<tbody>\n` +
    rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>\n`).join('') +
    '</tbody>\n</table>\n'
  )
}

const esc = (v: unknown) => escapeHtml(v === undefined || v === null ? '' : String(v))

function renderOperation(spec: Json, path: string, method: string): string | null {
  const item = spec.paths?.[path]
  const op = item?.[method]
  if (!op) return null
  let html = `<p class="gb-openapi__op"><span class="gb-openapi__method gb-openapi__method--${method}">${method.toUpperCase()}</span> <code>${esc(path)}</code></p>\n`
  if (op.summary) html += `<p class="gb-openapi__summary"><strong>${esc(op.summary)}</strong></p>\n`
  if (op.description) html += `<p>${esc(op.description)}</p>\n`
  const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p: any) => deref(spec, p)).filter(Boolean)
  const rows = params.map((p: any) => [
    `<code>${esc(p.name)}</code>`, esc(IN[p.in] ?? p.in), esc(typeOf(spec, p.schema ?? p)), p.required ? 'oui' : 'non', esc(p.description),
  ])
  const body = deref(spec, op.requestBody)
  if (body?.content) {
    for (const [type, c] of Object.entries<any>(body.content)) {
      rows.push(['<em>corps</em>', esc(type), esc(typeOf(spec, c.schema)), body.required ? 'oui' : 'non', esc(body.description)])
    }
  }
  if (rows.length) html += '<p class="gb-openapi__heading">Paramètres</p>\n' + table(['Nom', 'Emplacement', 'Type', 'Requis', 'Description'], rows)
  const responses = Object.entries<any>(op.responses ?? {}).map(([code, r]) => {
    const res = deref(spec, r)
    const types = Object.entries<any>(res?.content ?? {}).map(([t, c]) => `${t}${c.schema ? ` : ${typeOf(spec, c.schema)}` : ''}`)
    return [`<code>${esc(code)}</code>`, esc(res?.description), esc(types.join(', '))]
  })
  if (responses.length) html += '<p class="gb-openapi__heading">Réponses</p>\n' + table(['Code', 'Description', 'Contenu'], responses)
  return html
}

function renderSchemas(spec: Json, names: string[]): { html: string; missing: string[] } {
  const all = spec.components?.schemas ?? spec.definitions ?? {}
  const wanted = names.length ? names : Object.keys(all)
  const missing: string[] = []
  let html = ''
  for (const name of wanted) {
    const schema = deref(spec, all[name])
    if (!schema) {
      missing.push(name)
      continue
    }
    html += `<p class="gb-openapi__heading"><code>${esc(name)}</code>${schema.description ? ` — ${esc(schema.description)}` : ''}</p>\n`
    const required: string[] = schema.required ?? []
    const rows = Object.entries<any>(schema.properties ?? {}).map(([p, s]) => [
      `<code>${esc(p)}</code>`, esc(typeOf(spec, s)), required.includes(p) ? 'oui' : 'non', esc(deref(spec, s)?.description),
    ])
    html += table(['Propriété', 'Type', 'Requis', 'Description'], rows) || `<p>Type : ${esc(typeOf(spec, schema))}</p>\n`
  }
  return { html, missing }
}

function placeholder(a: RenderArgs, why: string): string {
  return (
    '<div class="gb-openapi gb-openapi--placeholder" role="note">\n' +
    `<p class="gb-openapi__title">Documentation d’API non affichée : ${escapeHtml(why)}.</p>\n` +
    // The block's attributes, without the `{% %}` marks a reader would take for a bug.
    `<p class="gb-openapi__source">Source : <code>${escapeHtml(a.meta.source.replace(/^\{%-?\s*|\s*-?%\}$/g, ''))}</code></p>\n`
  )
}

function openCard(a: RenderArgs, kind: 'operation' | 'schemas'): string {
  const src = argOf(a, kind === 'schemas' ? ['spec', 'src'] : ['src', 'spec', 'url'], 0)
  const { spec, why } = loadSpec(a, src)
  const paired = a.tokens[a.idx].nesting === 1
  let html: string
  if (!spec) html = placeholder(a, why!)
  else if (kind === 'schemas') {
    const names = (argOf(a, ['schemas'], 1) ?? '').split(',').map((s) => s.trim()).filter(Boolean)
    const out = renderSchemas(spec, names)
    if (out.missing.length) {
      report(a.env, a.ctx, a.tokens[a.idx].map?.[0] ?? 0, 'warning', 'openapi-missing',
        `{% ${a.meta.name} %}: no schema ${out.missing.join(', ')} in ${src}`, 'check the schema names')
    }
    html = `<div class="gb-openapi">\n${out.html}`
  } else {
    const path = argOf(a, ['path'], 1) ?? ''
    const method = (argOf(a, ['method'], 2) ?? '').toLowerCase()
    const op = METHODS.includes(method) ? renderOperation(spec, path, method) : null
    if (op) html = `<div class="gb-openapi">\n${op}`
    else {
      report(a.env, a.ctx, a.tokens[a.idx].map?.[0] ?? 0, 'warning', 'openapi-missing',
        `{% ${a.meta.name} %}: ${src} has no operation ${method.toUpperCase() || '(no method)'} ${path || '(no path)'}`,
        'check path and method; a placeholder is shown meanwhile')
      html = placeholder(a, 'opération absente de la spécification')
    }
  }
  // A one-line tag closes its card here; a paired one at its end tag, after the body.
  return paired ? html : `${html}</div>\n`
}

const opArgs = { src: {}, spec: {}, path: {}, method: {}, url: {} }

export const openapi = defineTag(
  { name: 'openapi', end: 'optional', positional: true, args: opArgs, open: (a) => openCard(a, 'operation'), close: () => '</div>\n' },
  'swagger',
)

export const openapiOperation = defineTag({
  name: 'openapi-operation', end: 'optional', positional: true, args: opArgs, open: (a) => openCard(a, 'operation'), close: () => '</div>\n',
})

export const openapiSchemas = defineTag({
  name: 'openapi-schemas', end: 'optional', positional: true,
  args: { spec: {}, src: {}, schemas: {}, grouped: { values: ['true', 'false'], fallback: 'false' } },
  open: (a) => openCard(a, 'schemas'),
  close: () => '</div>\n',
})

// GitBook's legacy API blocks ({% api-method %} and its parts): not rendered as
// an API reference; a placeholder card, then their content as written.
const LEGACY_PARTS = [
  'api-method-summary', 'api-method-description', 'api-method-spec', 'api-method-request', 'api-method-response',
  'api-method-path-parameters', 'api-method-query-parameters', 'api-method-headers', 'api-method-form-data-parameters',
  'api-method-body-parameters', 'api-method-response-example', 'api-method-response-example-description',
]

export const apiMethod = defineTag({
  name: 'api-method',
  end: 'always',
  open: (a) => placeholder(a, 'ancien bloc d’API GitBook, montré tel quel'),
  close: () => '</div>\n',
})

for (const name of LEGACY_PARTS) {
  defineTag({ name, end: 'always', open: () => `<div class="gb-api-part gb-api-part--${name.slice(11)}">\n`, close: () => '</div>\n' })
}

export const apiMethodParameter = defineTag({
  name: 'api-method-parameter',
  end: 'always',
  open({ meta }) {
    const info = [meta.args.type, meta.args.required === 'true' ? 'requis' : ''].filter(Boolean).join(', ')
    return `<div class="gb-api-part gb-api-part--parameter">\n<p><code>${escapeHtml(meta.args.name ?? '')}</code>${info ? ` (${escapeHtml(info)})` : ''}</p>\n`
  },
  close: () => '</div>\n',
})
