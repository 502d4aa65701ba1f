// ESLint (flat config): typescript-eslint's strict, type-checked rules over the packages' sources, the staff console
// and every test (TYPE_CHECKED_TESTS), and the Lit, web-component and Lit accessibility rules over the widgets and the
// staff console (both Lit in the browser).
// `npm run lint`; part of `npm test`. Formatting is Prettier's (not here).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';

// Tests under the same type-checked rules as the sources (every file here is in tsconfig.json, which the
// projectService finds).
const TYPE_CHECKED_TESTS = [
  'packages/*/test/**/*.ts',
  'test/**/*.ts',
  'bench/**/*.ts',
  'scripts/**/*.ts',
  'examples/**/*.ts',
  'examples/**/*.tsx',
];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'examples/**/dist/**',
      'test-results/**',
      'packages/sdk/openapi.json',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    rules: {
      // tsc already reports these (noUnusedLocals, noUnusedParameters), with `_` for a parameter kept on purpose.
      '@typescript-eslint/no-unused-vars': 'off',
    },
  },
  {
    files: ['packages/*/src/**/*.ts', 'packages/server/console/**/*.ts', ...TYPE_CHECKED_TESTS],
    extends: [...tseslint.configs.strictTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': 'off',
      // Numbers print the same in every template here (counts, ids, sizes); other non-strings stay errors.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // noUncheckedIndexedAccess types every `xs[i]` as possibly undefined; `!` marks an index the code has bounded.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // `(e) => this.onKey(e)` and `() => resolve()` are callbacks, not values; statements still may not use void.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // `async` is how a handler, transport or limiter implements a Promise-returning interface: a throw rejects.
      '@typescript-eslint/require-await': 'off',
      // An aborted wait rejects with its AbortSignal's reason, which the DOM types as `any`.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true }],
    },
  },
  {
    files: ['packages/server/src/**/*.ts', 'packages/server/test/**/*.ts'],
    rules: {
      // Row values cross two drivers (SQLite, PostgreSQL) whose column types differ; Number() pins what the row type assumes.
      '@typescript-eslint/no-unnecessary-type-conversion': 'off',
    },
  },
  {
    files: TYPE_CHECKED_TESTS,
    rules: {
      // node:test's describe/it return promises the runner awaits itself; awaiting them is not the idiom.
      // Chai's `equal` is typed as a Promise (@open-wc/semantic-dom-diff's augmentation) but returns synchronously.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['describe', 'it', 'suite', 'test'] },
            { from: 'package', package: '@open-wc/semantic-dom-diff', name: 'Equal' },
          ],
        },
      ],
    },
  },
  {
    files: ['test/types/**/*.ts'],
    rules: {
      // `Equal<A, B>` compares two types through generic functions whose type parameter appears once by design.
      '@typescript-eslint/no-unnecessary-type-parameters': 'off',
      // Under @ts-expect-error, `void x.y;` reads a property that must not exist; the read is the test.
      '@typescript-eslint/no-meaningless-void-operator': 'off',
    },
  },
  {
    files: ['packages/*/test/browser/**/*.ts'],
    rules: {
      // Chai asserts with property chains (`expect(x).to.exist`).
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  {
    files: ['packages/widgets/src/**/*.ts', 'packages/server/console/**/*.ts'],
    extends: [litConfigs['flat/recommended'], wcConfigs['flat/recommended'], litA11y.configs.recommended],
  },
);
