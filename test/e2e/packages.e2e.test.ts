// The published ESM builds as a consumer's bundler sees them: resolved through `exports` (no 'source' condition),
// tree-shaken with each package's `sideEffects`. What registers something must survive; what is unused must not.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { rollup, type Plugin } from 'rollup';
import nodeResolve from '@rollup/plugin-node-resolve';

/** Bundles `code` (an entry module's source) the way an app build would: the entry chunk, then the lazy ones. */
async function bundleChunks(code: string): Promise<string[]> {
  const entry: Plugin = {
    name: 'entry',
    resolveId: (id) => (id === '\0app' ? id : null),
    load: (id) => (id === '\0app' ? code : null),
  };
  const build = await rollup({ input: '\0app', plugins: [entry, nodeResolve({ browser: true })], onwarn: () => {} });
  const { output } = await build.generate({ format: 'es' });
  await build.close();
  return output.flatMap((chunk) => (chunk.type === 'chunk' ? [chunk.code] : []));
}

/** The entry chunk of an app build of `code`. */
async function bundle(code: string): Promise<string> {
  return (await bundleChunks(code))[0]!;
}

/** "Find services" in the Arabic catalog. */
const ARABIC = 'ابحث عن خدمات';

describe('published packages in a consumer bundle', () => {
  it("import '@referral-kit/widgets' keeps every element and in-page search; each other language is a lazy chunk", async () => {
    const [code, ...lazy] = await bundleChunks(`import '@referral-kit/widgets';`);
    for (const tag of [
      'referral-widget',
      'referral-directory',
      'referral-offender-lookup',
      'referral-alert-signup',
      'referral-quick-exit',
    ]) {
      assert.ok(code!.includes(`defineElement('${tag}'`), `${tag} is registered`);
    }
    assert.match(code!, /enableLocalSearch\(localSource\)/, 'in-page directory search plug-in registered');
    // The catalogs' words (the SDK's search vocabularies are another matter: in-page search needs them at once).
    assert.ok(!code!.includes('Buscar servicios') && !code!.includes(ARABIC), 'no other language in the entry chunk');
    assert.equal(lazy.filter((chunk) => chunk.includes('Buscar servicios')).length, 1, 'Spanish is a chunk of its own');
    assert.equal(lazy.filter((chunk) => chunk.includes(ARABIC)).length, 1, 'Arabic is a chunk of its own');
  });

  it("import '@referral-kit/widgets/i18n/es' builds Spanish in, callback strings and search words included", async () => {
    const code = await bundle(`import '@referral-kit/widgets/i18n/es';`);
    assert.ok(code.includes('Buscar servicios') && code.includes('Pedir que me llamen'));
    assert.ok(
      code.includes('registerCatalog(catalog, callback, vocabulary)'),
      'strings, callback strings and search words registered',
    );
    assert.ok(!code.includes(ARABIC), 'and no other language');
  });

  it('one element from its subpath brings only what it needs', async () => {
    const code = await bundle(`import '@referral-kit/widgets/referral-quick-exit';`);
    assert.ok(code.includes(`defineElement('referral-quick-exit'`));
    assert.ok(!code.includes(`defineElement('referral-directory'`), 'no directory');
    assert.ok(!/\bFuse\b/.test(code) && !code.includes('createServiceIndex'), 'no search engine');
  });

  it('custom-elements.json (package.json "customElements") describes every element from its JSDoc', () => {
    const pkg = JSON.parse(readFileSync('packages/widgets/package.json', 'utf8')) as { customElements: string };
    type Declaration = {
      tagName?: string;
      customElement?: boolean;
      attributes?: { name: string }[];
      events?: { name: string; description?: string }[];
      cssParts?: { name: string }[];
      cssProperties?: { name: string }[];
    };
    const manifest = JSON.parse(readFileSync(`packages/widgets/${pkg.customElements}`, 'utf8')) as {
      modules: { declarations?: Declaration[] }[];
    };
    const elements = new Map(
      manifest.modules
        .flatMap((m) => m.declarations ?? [])
        .filter((d) => d.customElement && d.tagName)
        .map((d) => [d.tagName!, d]),
    );
    assert.deepEqual([...elements.keys()].sort(), [
      'referral-alert-signup',
      'referral-callback-request',
      'referral-custody-guide',
      'referral-directory',
      'referral-offender-lookup',
      'referral-quick-exit',
      'referral-widget',
    ]);
    for (const [tag, element] of elements) {
      const attributes = element.attributes?.map((a) => a.name) ?? [];
      assert.ok(
        attributes.includes('api-base-url') && attributes.includes('lang'),
        `${tag} attributes (inherited ones too): ${attributes.join(',')}`,
      );
      assert.ok(
        element.events?.length && element.events.every((e) => e.name.startsWith('referral-') && e.description),
        `${tag} events`,
      );
      assert.ok(element.cssParts?.length, `${tag} parts`);
    }
    const widget = elements.get('referral-widget')!;
    assert.ok(widget.cssProperties?.some((p) => p.name === '--referral-color-primary'));
    assert.deepEqual(widget.events?.map((e) => e.name).sort(), [
      'referral-callback',
      'referral-error',
      'referral-exit',
      'referral-lookup',
      'referral-search',
      'referral-select',
      'referral-subscribe',
    ]);
    type EventClass = Declaration & {
      name: string;
      superclass?: { name: string; package?: string };
      members?: { name: string; static?: boolean; default?: string; type?: { text: string } }[];
    };
    const search = manifest.modules
      .flatMap((m) => (m.declarations ?? []) as EventClass[])
      .find((d) => d.name === 'ReferralSearchEvent');
    assert.deepEqual(search?.superclass, { name: 'Event', package: 'global:' }, 'an event class extends Event');
    assert.deepEqual(
      search.members?.map((m) => [m.name, m.static ?? false, m.default ?? m.type?.text]),
      [
        ['eventName', true, "'referral-search'"],
        ['resultCount', false, 'number'],
        ['mode', false, "'local' | 'server'"],
      ],
      'its static eventName and its fields',
    );
  });

  it('the SDK is side-effect free: an unused import adds nothing, createClient alone leaves search and OpenAPI out', async () => {
    assert.equal((await bundle(`import '@referral-kit/sdk';`)).trim(), '');
    const code = await bundle(
      `import { createClient } from '@referral-kit/sdk'; export const c = createClient({ baseUrl: 'https://api.example.org' });`,
    );
    assert.ok(code.includes('function createClient'));
    for (const absent of ['createServiceIndex', 'createOpenApiDocument', 'fromHsds', 'Fuse'])
      assert.ok(!code.includes(absent), `${absent} left out`);
  });
});
