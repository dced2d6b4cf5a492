// The Call Flow webview's HTML: same CSP as the event panel (everything from the extension,
// the one script with the per-load nonce). A pure function so a plain-Node test checks it.
import { attr, webviewCsp } from '../webviews/html';

export interface CallFlowHtmlInput {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  codiconUri: string;
  title: string;
  /** The display language (vscode.env.language), for the page's lang attribute. */
  lang?: string;
}

export function buildCallFlowHtml(input: CallFlowHtmlInput): string {
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
<title>${attr(input.title)}</title>
</head>
<body>
<div id="app"></div>
<script nonce="${attr(nonce)}" src="${attr(input.scriptUri)}"></script>
</body>
</html>`;
}
