import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'docs/**', '**/outbox/**', 'coverage/**', '**/*.mjs', '**/*.js', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  {
    // The domain is pure: no clock reads, no randomness, no I/O.
    files: ['packages/domain/src/**/*.ts'],
    ignores: ['packages/domain/src/**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error',
        { name: 'Date', message: 'The domain is pure: time comes in with the command (now).' },
        { name: 'setTimeout', message: 'The domain is pure: no timers.' },
        { name: 'setInterval', message: 'The domain is pure: no timers.' },
        { name: 'fetch', message: 'The domain is pure: no I/O.' },
        { name: 'process', message: 'The domain is pure: no environment reads.' },
      ],
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'The domain is pure: ids and randomness come in with the command.' },
        { object: 'DateTime', property: 'now', message: 'The domain is pure: time comes in with the command (now).' },
        { object: 'DateTime', property: 'local', message: 'The domain is pure: use DateTime.fromISO with an explicit zone.' },
      ],
      'no-restricted-imports': ['error', { patterns: [
        { group: ['fs', 'fs/*', 'node:*', 'net', 'http', 'https', 'child_process', 'crypto', 'os'], message: 'The domain is pure: no I/O.' },
        { group: ['@rendezvous/notifications', '@rendezvous/adapters', '@rendezvous/notifications/*', '@rendezvous/adapters/*'], message: 'Imports point one way: adapters -> notifications -> domain.' },
      ] }],
    },
  },
  {
    files: ['packages/notifications/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['@rendezvous/adapters', '@rendezvous/adapters/*'], message: 'Imports point one way: adapters -> notifications -> domain.' },
      ] }],
    },
  },
  {
    // Drivers are optional peers: only peers/ loads them, so a missing one gets a sentence naming it.
    files: ['packages/adapters/src/**/*.ts'],
    ignores: ['packages/adapters/src/peers/**', '**/*.test.ts', '**/test-schema.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: ['pg', 'nodemailer'].map((name) => ({ name, allowTypeImports: true, message: `Load ${name} through src/peers/${name}.ts (an optional peer dependency).` })),
      }],
    },
  },
  {
    files: ['**/*.test.ts', '**/testing/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
