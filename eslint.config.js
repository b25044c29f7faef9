// Layering is enforced here: dependencies point one way (renderer -> common, main -> common,
// preload -> common types). common/ is pure: no node:, electron or DOM-only packages.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'worker_threads', 'url', 'http'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'resources/**'] },
  { files: ['**/*.mjs', '**/*.js', 'scripts/**'], languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'common/ is pure: no Node built-ins.' },
            { group: ['electron', 'better-sqlite3', 'react', 'react-dom', 'slate-react'], message: 'common/ is pure.' },
            { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'common/ imports nothing outside common/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/index.ts', 'main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', allowTypeImports: true, message: 'Only main/index.ts imports electron at runtime.' }],
          patterns: [{ group: ['**/renderer/**'], message: 'main/ never imports renderer/.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/main/**', '**/preload/**'], message: 'renderer/ talks to main only through the contract.' },
            { group: [...nodeBuiltins, 'electron', 'better-sqlite3'], message: 'renderer/ runs in a sandbox.' },
          ],
        },
      ],
    },
  },
  {
    files: ['preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/main/**', '**/renderer/**'], message: 'preload/ imports common/ only.' }] },
      ],
    },
  },
);
