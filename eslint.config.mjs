import tseslint from 'typescript-eslint';

// The layers (docs/ARCHITECTURE.md): the ARI client, state model, session, tree core, event
// store, dialplan core and simulator run in plain Node, so they import no `vscode`; the core
// never reaches up into views, commands or profile prompts; the webview bundle sees only
// src/shared. test/unit/layers.test.ts proves these rules fire.
const noVscode = { name: 'vscode', message: 'This layer runs in plain Node: no vscode import (docs/ARCHITECTURE.md).' };
const noUi = {
  group: ['**/views/**', '**/commands/**', '**/profiles/**', '**/webviews/**', '**/dialplan/**'],
  message: 'The core never imports the UI layers (docs/ARCHITECTURE.md).',
};
const coreFiles = ['src/extension/ari/**', 'src/extension/state/**', 'src/extension/connection/**'];
// The connection area's vscode adapter: prompts, toasts, context keys and settings.
const connectionAdapter = ['src/extension/connection/manager.ts', 'src/extension/connection/settings.ts'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'src/extension/ari/models.generated.ts', 'src/extension/ari/events.generated.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: [
      'src/extension/webviews/**',
      'src/extension/views/tree/**',
      'src/extension/dialplan/core/**',
      'src/extension/util/emitter.ts',
      'src/extension/util/logger.ts',
      'src/extension/util/l10n.ts',
      'tools/**',
    ],
    ignores: ['src/extension/webviews/index.ts', 'src/extension/views/tree/provider.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode] }] },
  },
  {
    files: coreFiles,
    ignores: connectionAdapter,
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode], patterns: [noUi] }] },
  },
  {
    // One ARI call layer: paths live in src/extension/ari/resources, which the conformance test
    // checks against the API description. Only the generic invoker sends a path it read from
    // the server's own docs (a variable, never a literal).
    files: ['src/extension/**'],
    ignores: ['src/extension/ari/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(request|call|callBinary)$/] > :matches(Literal, TemplateLiteral).arguments:nth-child(2)',
          message: 'No ARI path outside src/extension/ari: call a typed resource (ari(session).channels.hold(id)).',
        },
      ],
    },
  },
  {
    files: ['src/webview/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noVscode], patterns: [{ group: ['**/extension/**', '**/tools/**'], message: 'The webview imports only src/shared.' }] },
      ],
    },
  },
);
