// Three bundles: the extension host (node, cjs, `vscode` external) and the two webviews,
// the event panel and Call Flow (browser, iife). `--watch` rebuilds on change; `--production` minifies.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync } from 'node:fs';
import { bundleOptions } from './bundles.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const { extension, webview, callflow } = bundleOptions({ root: process.cwd(), outDir: 'dist', production });

function copyAssets() {
  mkdirSync('dist/webview', { recursive: true });
  // Codicons are served from the extension itself: webviews load nothing remote.
  cpSync('node_modules/@vscode/codicons/dist/codicon.css', 'dist/webview/codicon.css');
  cpSync('node_modules/@vscode/codicons/dist/codicon.ttf', 'dist/webview/codicon.ttf');
}

copyAssets();
if (watch) {
  const contexts = await Promise.all([esbuild.context(extension), esbuild.context(webview), esbuild.context(callflow)]);
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all([esbuild.build(extension), esbuild.build(webview), esbuild.build(callflow)]);
}
