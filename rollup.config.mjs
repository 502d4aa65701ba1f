// Builds every published package (ESM + .d.ts) and the one-file embed `packages/widgets/dist/referral-kit.js`.
// `npm run build` = this config, then the custom-elements manifest, SRI hash and size report (see package.json).
// Build a subset with `rollup -c --configPackages sdk,mocks` (order matters: dependants read their deps' .d.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import commonjs from '@rollup/plugin-commonjs';
import nodeResolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { integrityOf } from './scripts/sri.mjs';

const ORDER = ['sdk', 'mocks', 'widgets', 'embed', 'console', 'examples'];

/** zod's misplaced `/*#__PURE__*\/` comments and its own circular import are harmless; everything else is shown. */
function onwarn(warning, warn) {
  if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/')) return;
  if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every((id) => id.includes('/node_modules/'))) return;
  if (warning.code === 'THIS_IS_UNDEFINED' && warning.id?.includes('/node_modules/')) return;
  warn(warning);
}

/** Published builds bundle only their own sources (and tslib's helpers); every other package stays an import. */
const isBareImport = (id) =>
  !id.startsWith('.') && !isAbsolute(id) && !id.startsWith('\0') && id !== 'tslib' && !id.startsWith('tslib/');

/** `./src/foo.ts` entries named by the package's `exports` map (its `source` condition), keyed by output name. */
function entriesOf(pkg) {
  const manifest = JSON.parse(readFileSync(`packages/${pkg}/package.json`, 'utf8'));
  const inputs = {};
  for (const target of Object.values(manifest.exports)) {
    const source = typeof target === 'object' ? target.source : undefined;
    if (source) inputs[source.replace(/^\.\/src\//, '').replace(/\.tsx?$/, '')] = `packages/${pkg}/${source.slice(2)}`;
  }
  return inputs;
}

/**
 * One package as ES modules with declarations, one file per source module (`src/a/b.ts` → `dist/a/b.js` + `.d.ts`),
 * so `sideEffects` can name the modules that register elements. tslib's helpers go to `dist/vendor/`: a nested
 * `node_modules/` would be dropped by `npm pack`.
 */
function esmPackage(pkg) {
  return {
    input: entriesOf(pkg),
    external: isBareImport,
    onwarn,
    plugins: [nodeResolve(), typescript({ tsconfig: `tsconfig.build.${pkg}.json`, outputToFilesystem: true })],
    output: {
      dir: `packages/${pkg}/dist`,
      format: 'es',
      sourcemap: true,
      preserveModules: true,
      preserveModulesRoot: `packages/${pkg}/src`,
      entryFileNames: (chunk) =>
        chunk.name.includes('node_modules/') ? `vendor/${chunk.name.split('/').pop()}.js` : '[name].js',
    },
  };
}

/** The languages the embed fetches on demand: every pack in packages/widgets/src/i18n/lang/, by its file name's tag. */
const EMBED_LANGUAGES = readdirSync('packages/widgets/src/i18n/lang')
  .map((file) => file.replace(/\.ts$/, ''))
  .sort();
/**
 * A language's files: its catalog (`referral-kit.lang.vi.js`), the callback request's strings (`….callback.js`, only
 * the callbacks embed fetches them) and the in-page search's words (`….vocabulary.js`, only the local-search embed's).
 */
const languageFile = (tag, part) => `referral-kit.lang.${tag}${part === 'catalog' ? '' : `.${part}`}.js`;
const LANGUAGE_PARTS = ['catalog', 'callback', 'vocabulary'];
const SRC = `${process.cwd()}/packages/widgets/src`;

/**
 * Builds an embed's `internal/language-files.ts` from the language files already built (they come first in the
 * config list, and rollup builds the list in order), so the embed carries the SRI hash of each file it may fetch:
 * `parts` of every language (an SRI hash does not compress, so an embed without callbacks leaves theirs out).
 */
const languageFileHashes = (parts) => ({
  name: 'language-file-hashes',
  load(id) {
    if (id !== `${SRC}/internal/language-files.ts`) return null;
    const fileAndHash = (file) => [file, integrityOf(readFileSync(`packages/widgets/dist/${file}`))];
    const files = Object.fromEntries(
      EMBED_LANGUAGES.map((tag) => [
        tag,
        Object.fromEntries(parts.map((part) => [part, fileAndHash(languageFile(tag, part))])),
      ]),
    );
    return `export const LANGUAGE_FILES = ${JSON.stringify(files)};`;
  },
});

/** A language file: one part of a language, handed to the embed that inserted it (internal/language-file.ts). */
const languageEntry = () => ({
  name: 'language-entry',
  resolveId: (id) => (id.startsWith('language-entry:') ? `\0${id}` : null),
  load(id) {
    if (!id.startsWith('\0language-entry:')) return null;
    const [tag, part] = id.slice('\0language-entry:'.length).split(':');
    return `import { ${part} } from '${SRC}/i18n/lang/${tag}.ts';\nimport { announceLanguage } from '${SRC}/internal/language-file.ts';\nannounceLanguage({ ${part} });`;
  },
});

/**
 * The partner embed: one classic script, everything inlined and minified, registers the elements on load.
 * `referral-kit.js` searches the directory through the API; `referral-kit.local-search.js` also carries the search
 * engine, so small directories are searched in the page and search words never leave the visitor's device;
 * `referral-kit.callbacks.js` adds callback requests.
 */
const embed = ({ file, input, languageParts = ['catalog'], dir = 'packages/widgets/dist' }) => ({
  input: input.startsWith('language-entry:') || input.startsWith('packages/') ? input : `packages/widgets/src/${input}`,
  onwarn,
  // The SDK declares `"sideEffects": false`, but its modules reach the bundle through the TypeScript plugin, which
  // does not read package.json: say it here, so a bundle keeps only the contract areas it calls.
  treeshake: { moduleSideEffects: (id) => !id.includes('/packages/sdk/src/') },
  plugins: [
    languageEntry(),
    languageFileHashes(languageParts),
    // 'source': workspace packages compile from their TypeScript; 'production': Lit without its dev-mode checks.
    nodeResolve({ browser: true, exportConditions: ['source', 'browser', 'production', 'import', 'default'] }),
    typescript({ tsconfig: 'tsconfig.build.bundle.json' }),
    terser({ ecma: 2022, module: false, compress: { passes: 2 }, format: { comments: false } }),
  ],
  output: {
    file: `${dir}/${file}`,
    format: 'iife',
    sourcemap: true,
  },
});

/** The React example is a real app: React ships CommonJS, so it needs bundling before a browser can open it. */
const reactExample = () => ({
  input: 'examples/react/src/main.tsx',
  onwarn,
  plugins: [
    replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
    nodeResolve({ browser: true, exportConditions: ['source', 'browser', 'production', 'import', 'default'] }),
    commonjs(),
    typescript({ tsconfig: 'tsconfig.build.bundle.json' }),
  ],
  // Not minified: an example to read; production React (NODE_ENV above) keeps it small enough. Each language the
  // widget can show is a chunk of its own, fetched when the app switches to it.
  output: {
    dir: 'examples/react/dist',
    entryFileNames: 'app.js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    format: 'es',
    sourcemap: true,
  },
});

const CONFIGS = {
  sdk: () => esmPackage('sdk'),
  mocks: () => esmPackage('mocks'),
  widgets: () => esmPackage('widgets'),
  embed: () => [
    // Language files first: the embeds below carry their hashes.
    ...EMBED_LANGUAGES.flatMap((tag) =>
      LANGUAGE_PARTS.map((part) => embed({ file: languageFile(tag, part), input: `language-entry:${tag}:${part}` })),
    ),
    embed({ file: 'referral-kit.js', input: 'embed.ts' }),
    embed({
      file: 'referral-kit.local-search.js',
      input: 'embed-local-search.ts',
      languageParts: ['catalog', 'vocabulary'],
    }),
    // The isolated-capture frame's script (served by the API at /embed/capture.js), built the same way.
    embed({ file: 'referral-kit.capture.js', input: 'capture-frame.ts' }),
    embed({ file: 'referral-kit.callbacks.js', input: 'embed-callbacks.ts', languageParts: ['catalog', 'callback'] }),
  ],
  // The staff console's script (served at /console/console.js): staff-only, so it is its own bundle, never in an embed.
  console: () => embed({ file: 'console.js', input: 'packages/server/console/index.ts', dir: 'packages/server/dist' }),
  examples: reactExample,
};

export default (args) => {
  const wanted = args.configPackages ? String(args.configPackages).split(',') : ORDER;
  for (const name of wanted)
    if (!CONFIGS[name]) throw new Error(`Unknown build "${name}"; choose from ${ORDER.join(', ')}`);
  delete args.configPackages;
  return ORDER.filter((name) => wanted.includes(name)).flatMap((name) => CONFIGS[name]());
};
