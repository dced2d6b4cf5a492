// Entry of the webview bundle (dist/webview/main.js): registers the few VS Code-styled
// elements the panel uses (imported one by one to keep the bundle small), then starts the app.

import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-toolbar-button/index.js';
import { EventApp } from './app';
import { loadPanelText } from './uiText';

const api = acquireVsCodeApi();
const root = document.getElementById('app');
if (root) {
  loadPanelText(root.dataset.text);
  const app = new EventApp(root, api);
  window.addEventListener('message', (e: MessageEvent) => app.handleMessage(e.data));
  app.start();
}
