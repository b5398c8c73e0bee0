// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'release/**', '.cache/**', 'resources/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only src/main/index.ts and src/main/preload.ts may import electron.' }] }],
    },
  },
  {
    files: ['src/main/index.ts', 'src/main/preload.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The renderer and shared code must never reach into the core, the server or Node.
    files: ['src/renderer/**', 'src/shared/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'Renderer and shared code never import electron.' }],
        patterns: [
          { group: ['**/main/**', '**/server/**'], message: 'Renderer and shared code must not import src/main or src/server.' },
          { group: ['node:*', 'fs', 'path', 'better-sqlite3'], message: 'Renderer and shared code are platform-free.' },
        ],
      }],
    },
  },
  {
    files: ['src/server/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/main/**'], message: 'The server never imports src/main.' }] }],
    },
  },
);
