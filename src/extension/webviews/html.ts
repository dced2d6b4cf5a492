// The event panel's HTML: a pure function (URIs and nonce in, string out) so a plain-Node
// test can check the CSP. Everything is loaded from the extension (webview.cspSource); the
// one script carries the per-load nonce; no inline style or script without it.

import { randomBytes } from 'node:crypto';
import type { PanelText } from '../../shared/panelText';

export interface EventPanelHtmlInput {
  /** webview.cspSource */
  cspSource: string;
  nonce: string;
  /** webview.asWebviewUri(...) strings */
  scriptUri: string;
  styleUri: string;
  codiconUri: string;
  /** 'panel' (editor tab) or 'view' (the docked Events view): only changes the layout density. */
  variant: 'panel' | 'view';
  /** The panel's words in the display language; English when absent. */
  text?: PanelText;
  /** The display language (vscode.env.language), for the page's lang attribute. */
  lang?: string;
}

export function makeNonce(): string {
  return randomBytes(18).toString('base64url');
}

/** Text for a double-quoted HTML attribute. */
export function attr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The CSP of every webview of the extension: all from the extension, scripts only with the nonce. */
export function webviewCsp(cspSource: string, nonce: string): string {
  return [
    `default-src 'none'`,
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
  ].join('; ');
}

export function buildEventPanelHtml(input: EventPanelHtmlInput): string {
  const { cspSource, nonce } = input;
  const csp = webviewCsp(cspSource, nonce);
  return `<!DOCTYPE html>
<html lang="${attr(input.lang ?? 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(input.codiconUri)}" id="vscode-codicon-stylesheet">
<link rel="stylesheet" href="${attr(input.styleUri)}">
<title>ARI Events</title>
</head>
<body class="variant-${input.variant}">
<div id="app" data-variant="${input.variant}"${input.text ? ` data-text="${attr(JSON.stringify(input.text))}"` : ''}></div>
<script nonce="${attr(nonce)}" src="${attr(input.scriptUri)}"></script>
</body>
</html>`;
}
