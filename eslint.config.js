import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The console never imports the server: it talks to it over HTTP only. (Tests of the shared
    // schemas may use the server's discovery-document checker.)
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/schemas/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/server/**'], message: 'The console talks to the server over HTTP only.' }],
        },
      ],
    },
  },
  {
    // Features are used by the app (routes, shell), never the other way round; what both need lives
    // in src/lib, src/components or src/schemas. (Repeats the server rule: a later block replaces it.)
    files: ['src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server/**'], message: 'The console talks to the server over HTTP only.' },
            { group: ['**/app/**', '**/app'], message: 'Features never import from src/app/.' },
          ],
        },
      ],
    },
  },
  {
    // The server shares only src/schemas with the console.
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src/!(schemas)/**', '**/src/!(schemas)'],
              message: 'The server shares only src/schemas with the console.',
            },
          ],
        },
      ],
    },
  },
  {
    // Playwright fixtures call their argument `use`, which is not React's hook.
    files: ['e2e/**/*.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
);
