// A readable API reference rendered on the server from the OpenAPI document: plain HTML and one stylesheet from
// this origin, no scripts, no CDN. Every value from the document is escaped.

type Json = Record<string, unknown>;

const esc = (value: unknown) => String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const anchor = (prefix: string, name: string) => `${prefix}-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function refName(ref: string): string {
  return ref.split('/').pop() ?? ref;
}

/** One line saying what a schema accepts: type, format, limits, enum values. */
function schemaSummary(schema: Json): string {
  if (typeof schema.$ref === 'string') {
    const name = refName(schema.$ref);
    return `<a href="#${anchor('schema', name)}">${esc(name)}</a>`;
  }
  if (schema.const !== undefined) return `<code>${esc(JSON.stringify(schema.const))}</code>`;
  if (Array.isArray(schema.enum))
    return `one of ${schema.enum.map((v) => `<code>${esc(JSON.stringify(v))}</code>`).join(', ')}`;
  const variants = arr(schema.anyOf ?? schema.oneOf);
  if (variants.length) return `one of: ${variants.map((v) => schemaSummary(obj(v))).join(' | ')}`;
  const type = Array.isArray(schema.type)
    ? schema.type.join(' or ')
    : typeof schema.type === 'string'
      ? schema.type
      : 'any';
  if (type === 'array') return `array of ${schemaSummary(obj(schema.items))}`;
  const facts: string[] = [];
  for (const key of [
    'format',
    'pattern',
    'minLength',
    'maxLength',
    'minimum',
    'maximum',
    'exclusiveMinimum',
    'exclusiveMaximum',
    'minItems',
    'maxItems',
    'default',
  ]) {
    if (schema[key] !== undefined)
      facts.push(
        `${key} <code>${esc(typeof schema[key] === 'string' ? schema[key] : JSON.stringify(schema[key]))}</code>`,
      );
  }
  return `${esc(type)}${facts.length ? ` (${facts.join(', ')})` : ''}`;
}

function renderSchema(schema: Json, depth = 0): string {
  const properties = obj(schema.properties);
  const names = Object.keys(properties);
  if (names.length === 0 || depth > 4) {
    const variants = arr(schema.anyOf ?? schema.oneOf)
      .map(obj)
      .filter((v) => Object.keys(obj(v.properties)).length > 0);
    if (variants.length && depth <= 4) {
      return `<p>One of:</p><ol>${variants.map((v) => `<li>${renderSchema(v, depth + 1)}</li>`).join('')}</ol>`;
    }
    if (schema.type === 'array' && Object.keys(obj(obj(schema.items).properties)).length && depth <= 4) {
      return `<p>An array of:</p>${renderSchema(obj(schema.items), depth + 1)}`;
    }
    return `<p>${schemaSummary(schema)}</p>`;
  }
  const required = new Set(arr(schema.required).map(String));
  const rows = names.map((name) => {
    const prop = obj(properties[name]);
    const nested = Object.keys(obj(prop.properties)).length || Object.keys(obj(obj(prop.items).properties)).length;
    const description = typeof prop.description === 'string' ? `<div>${esc(prop.description)}</div>` : '';
    return `<tr><td><code>${esc(name)}</code>${required.has(name) ? ' <span class="req">required</span>' : ''}</td>
<td>${nested ? renderSchema(prop, depth + 1) : schemaSummary(prop)}${description}</td></tr>`;
  });
  return `<table><thead><tr><th>Field</th><th>Accepts</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

/** Follows a local `#/components/...` reference; anything else stays as it is. */
function resolve(doc: Json, value: Json): Json {
  if (typeof value.$ref !== 'string' || !value.$ref.startsWith('#/')) return value;
  return value.$ref
    .slice(2)
    .split('/')
    .reduce<Json>((node, key) => obj(node[key]), doc);
}

function renderOperation(doc: Json, path: string, method: string, op: Json): string {
  const id = typeof op.operationId === 'string' ? op.operationId : `${method}-${path}`;
  const params = arr(op.parameters).map((p) => resolve(doc, obj(p)));
  const paramRows = params.map(
    (
      p,
    ) => `<tr><td><code>${esc(p.name)}</code>${p.required ? ' <span class="req">required</span>' : ''}</td><td>${esc(p.in)}</td>
<td>${schemaSummary(obj(p.schema))}${typeof p.description === 'string' ? `<div>${esc(p.description)}</div>` : ''}</td></tr>`,
  );
  const body = obj(obj(obj(op.requestBody).content)['application/json']).schema;
  const responses = Object.entries(obj(op.responses)).map(([status, r]) => {
    const schema = obj(obj(obj(obj(r).content)['application/json']).schema);
    return `<li><strong>${esc(status)}</strong> ${esc(obj(r).description ?? '')}${Object.keys(schema).length ? ` — ${schemaSummary(schema)}` : ''}</li>`;
  });
  return `<section class="op" id="${esc(anchor('op', id))}">
<h3><span class="method ${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3>
${op.summary ? `<p>${esc(op.summary)}</p>` : ''}${op.description ? `<p>${esc(op.description)}</p>` : ''}
${params.length ? `<h4>Parameters</h4><table><thead><tr><th>Name</th><th>In</th><th>Accepts</th></tr></thead><tbody>${paramRows.join('\n')}</tbody></table>` : ''}
${body ? `<h4>Request body (JSON)</h4>${renderSchema(obj(body))}` : ''}
<h4>Responses</h4><ul>${responses.join('\n')}</ul>
</section>`;
}

export function renderReferencePage(document: unknown, stylesheetHref: string): string {
  const doc = obj(document);
  const info = obj(doc.info);
  const paths = obj(doc.paths);
  const byTag = new Map<string, string[]>();
  const toc: string[] = [];
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const op = obj(obj(item)[method]);
      if (Object.keys(op).length === 0) continue;
      const [firstTag] = arr(op.tags);
      const tag = typeof firstTag === 'string' ? firstTag : 'other';
      const id = typeof op.operationId === 'string' ? op.operationId : `${method}-${path}`;
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag)!.push(renderOperation(doc, path, method, op));
      toc.push(`<li><a href="#${esc(anchor('op', id))}">${esc(method.toUpperCase())} ${esc(path)}</a></li>`);
    }
  }
  const schemas = Object.entries(obj(obj(doc.components).schemas)).map(
    ([name, schema]) => `<section class="schema" id="${esc(anchor('schema', name))}"><h3>${esc(name)}</h3>
${typeof obj(schema).description === 'string' ? `<p>${esc(obj(schema).description)}</p>` : ''}${renderSchema(obj(schema))}</section>`,
  );
  const tagText = new Map(
    arr(doc.tags)
      .map(obj)
      .map((t) => [String(t.name), typeof t.description === 'string' ? t.description : '']),
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(info.title ?? 'API reference')} — reference</title>
<link rel="stylesheet" href="${esc(stylesheetHref)}">
</head>
<body>
<header><h1>${esc(info.title ?? 'API reference')} <small>${esc(info.version ?? '')}</small></h1>
${info.summary ? `<p>${esc(info.summary)}</p>` : ''}${info.description ? `<p>${esc(info.description)}</p>` : ''}
<p>Machine-readable document: <a href="/v1/openapi.json">/v1/openapi.json</a> (OpenAPI ${esc(doc.openapi ?? '')}).</p></header>
<nav aria-label="Endpoints"><h2>Endpoints</h2><ul>${toc.join('\n')}</ul></nav>
<main>
${[...byTag].map(([tag, ops]) => `<section class="tag"><h2>${esc(tag)}</h2>${tagText.get(tag) ? `<p>${esc(tagText.get(tag))}</p>` : ''}${ops.join('\n')}</section>`).join('\n')}
${schemas.length ? `<section><h2>Schemas</h2>${schemas.join('\n')}</section>` : ''}
</main>
</body>
</html>
`;
}

export const REFERENCE_CSS = `
:root { color-scheme: light dark; --fg: #1b1b1b; --bg: #fff; --muted: #555; --line: #ccc; --accent: #005ea2; }
@media (prefers-color-scheme: dark) { :root { --fg: #eee; --bg: #161616; --muted: #aaa; --line: #444; --accent: #73b3e7; } }
body { font: 16px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg); margin: 0 auto; max-width: 70rem; padding: 1rem; }
a { color: var(--accent); }
code { font-family: ui-monospace, monospace; font-size: 0.95em; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; }
th, td { border: 1px solid var(--line); padding: 0.35rem 0.5rem; text-align: start; vertical-align: top; }
td table { margin: 0.25rem 0; }
.method { display: inline-block; min-width: 3.5rem; font-weight: 700; }
.req { color: var(--muted); font-size: 0.85em; }
section.op, section.schema { border-top: 1px solid var(--line); padding-top: 0.5rem; margin-top: 1rem; }
small { color: var(--muted); font-weight: 400; }
`;
