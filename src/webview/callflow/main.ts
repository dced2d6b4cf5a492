// Entry of the Call Flow webview bundle (dist/webview/callflow.js).
import { FlowApp, type FlowApi } from './app';

declare function acquireVsCodeApi(): FlowApi;

const root = document.getElementById('app');
if (root) {
  const app = new FlowApp(root, acquireVsCodeApi());
  window.addEventListener('message', (e: MessageEvent) => app.handleMessage(e.data));
  app.start();
}
