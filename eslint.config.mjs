// ESLint (flat config): typescript-eslint's recommended rules over every TypeScript source and test, and the Lit
// and web-component rules over the widgets. `npm run lint`; part of `npm test`. Formatting is Prettier's (not here).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';

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
    files: ['packages/*/test/**/*.ts', 'test/**/*.ts'],
    rules: {
      // Tests read JSON bodies of every shape, and chai asserts with property chains (`expect(x).to.exist`).
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  {
    files: ['packages/widgets/src/**/*.ts'],
    extends: [litConfigs['flat/recommended'], wcConfigs['flat/recommended']],
  },
);
