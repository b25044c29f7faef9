// Layering is enforced here: dependencies point one way (renderer -> common, main -> common,
// preload -> common types). common/ is pure: no node:, electron or DOM-only packages.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'worker_threads', 'url', 'http'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'resources/**'] },
  { files: ['**/*.mjs', '**/*.js', 'scripts/**'], languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } } },
  js.configs.recommended,
  // Type-aware rules: a promise nobody awaits, an async handler where a void one is expected and a switch
  // that misses a case compile fine and fail at run time. The project service reads the tsconfig that holds
  // each file (tsconfig.json references node, dom and tests), so lint sees what tsc sees.
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: true }],
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: false, requireDefaultForNonUnion: false },
      ],
    },
  },
  {
    rules: {
      // Fakes and adapters implement Promise-returning interfaces without awaiting anything: not a bug.
      '@typescript-eslint/require-await': 'off',
      // Style only (it found no bug), and its autofix rewrites ~40 files other branches are editing.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  {
    // Tests read JSON that CLIs and pages print (JSON.parse is `any`); a wrong shape fails their assertions.
    files: ['tests/**/*.ts', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  // Plain JavaScript (build scripts, the CLI launcher) is in no tsconfig: lint it without types.
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
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
