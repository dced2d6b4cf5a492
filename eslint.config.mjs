import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'src/extension/ari/models.generated.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // The ARI client, state model, session and simulator run in plain Node: no vscode.
    files: ['src/extension/ari/**', 'src/extension/state/**', 'src/extension/connection/session.ts', 'src/extension/connection/snapshot.ts', 'src/extension/webviews/**', 'src/extension/dialplan/core/**', 'tools/**'],
    ignores: ['src/extension/webviews/index.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['vscode'] }] },
  },
);
