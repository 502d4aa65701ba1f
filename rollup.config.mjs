// Builds every published package (ESM + .d.ts) and the one-file embed `packages/widgets/dist/referral-kit.js`.
// `npm run build` = this config, then the custom-elements manifest, SRI hash and size report (see package.json).
// Build a subset with `rollup -c --configPackages sdk,mocks` (order matters: dependants read their deps' .d.ts).
import { readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import commonjs from '@rollup/plugin-commonjs';
import nodeResolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

const ORDER = ['sdk', 'mocks', 'widgets', 'embed', 'examples'];

/** zod's misplaced `/*#__PURE__*\/` comments and its own circular import are harmless; everything else is shown. */
function onwarn(warning, warn) {
  if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/')) return;
  if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every((id) => id.includes('/node_modules/'))) return;
  if (warning.code === 'THIS_IS_UNDEFINED' && warning.id?.includes('/node_modules/')) return;
  warn(warning);
}

/** Published builds bundle only their own sources (and tslib's helpers); every other package stays an import. */
const isBareImport = (id) => !id.startsWith('.') && !isAbsolute(id) && !id.startsWith('\0') && id !== 'tslib' && !id.startsWith('tslib/');

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
    plugins: [
      nodeResolve(),
      typescript({ tsconfig: `tsconfig.build.${pkg}.json`, outputToFilesystem: true }),
    ],
    output: {
      dir: `packages/${pkg}/dist`,
      format: 'es',
      sourcemap: true,
      preserveModules: true,
      preserveModulesRoot: `packages/${pkg}/src`,
      entryFileNames: (chunk) => (chunk.name.includes('node_modules/') ? `vendor/${chunk.name.split('/').pop()}.js` : '[name].js'),
    },
  };
}

/**
 * The partner embed: one classic script, everything inlined and minified, registers the elements on load.
 * `referral-kit.js` searches the directory through the API; `referral-kit.local-search.js` also carries the search
 * engine, so small directories are searched in the page and search words never leave the visitor's device;
 * `referral-kit.callbacks.js` adds callback requests.
 */
const embed = ({ file, input }) => ({
  input: `packages/widgets/src/${input}`,
  onwarn,
  // The SDK declares `"sideEffects": false`, but its modules reach the bundle through the TypeScript plugin, which
  // does not read package.json: say it here, so a bundle keeps only the contract areas it calls.
  treeshake: { moduleSideEffects: (id) => !id.includes('/packages/sdk/src/') },
  plugins: [
    // 'source': workspace packages compile from their TypeScript; 'production': Lit without its dev-mode checks.
    nodeResolve({ browser: true, exportConditions: ['source', 'browser', 'production', 'import', 'default'] }),
    typescript({ tsconfig: 'tsconfig.build.bundle.json' }),
    terser({ ecma: 2022, module: false, compress: { passes: 2 }, format: { comments: false } }),
  ],
  output: {
    file: `packages/widgets/dist/${file}`,
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
  // Not minified: an example to read; production React (NODE_ENV above) keeps it small enough.
  output: { file: 'examples/react/dist/app.js', format: 'es', sourcemap: true },
});

const CONFIGS = {
  sdk: () => esmPackage('sdk'),
  mocks: () => esmPackage('mocks'),
  widgets: () => esmPackage('widgets'),
  embed: () => [
    embed({ file: 'referral-kit.js', input: 'embed.ts' }),
    embed({ file: 'referral-kit.local-search.js', input: 'embed-local-search.ts' }),
    // The isolated-capture frame's script (served by the API at /embed/capture.js), built the same way.
    embed({ file: 'referral-kit.capture.js', input: 'capture-frame.ts' }),
    embed({ file: 'referral-kit.callbacks.js', input: 'embed-callbacks.ts' }),
  ],
  examples: reactExample,
};

export default (args) => {
  const wanted = args.configPackages ? String(args.configPackages).split(',') : ORDER;
  for (const name of wanted) if (!CONFIGS[name]) throw new Error(`Unknown build "${name}"; choose from ${ORDER.join(', ')}`);
  delete args.configPackages;
  return ORDER.filter((name) => wanted.includes(name)).flatMap((name) => CONFIGS[name]());
};
