import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildEventPanelHtml, makeNonce } from '../../../src/extension/webviews/html';

const cspSource = 'https://file+.vscode-resource.vscode-cdn.net';
const base = `${cspSource}/ext`;

function build(nonce = makeNonce()): { html: string; nonce: string } {
  const html = buildEventPanelHtml({
    cspSource,
    nonce,
    scriptUri: `${base}/dist/webview/main.js`,
    styleUri: `${base}/media/events.css`,
    codiconUri: `${base}/dist/webview/codicon.css`,
    variant: 'panel',
  });
  return { html, nonce };
}

function csp(html: string): Record<string, string> {
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
  assert.ok(m, 'a CSP meta tag');
  return Object.fromEntries(
    m[1].split(';').map((d) => {
      const [name, ...rest] = d.trim().split(/\s+/);
      return [name, rest.join(' ')];
    }),
  );
}

test('CSP: nothing by default, scripts only with the nonce, styles and fonts from the extension', () => {
  const { html, nonce } = build();
  const p = csp(html);
  assert.equal(p['default-src'], "'none'");
  assert.equal(p['script-src'], `'nonce-${nonce}'`);
  assert.equal(p['style-src'], `${cspSource} 'nonce-${nonce}'`);
  assert.equal(p['font-src'], cspSource);
  assert.equal(p['img-src'], `${cspSource} data:`);
  assert.ok(!/unsafe-(inline|eval)/.test(html));
});

test('every script carries the nonce and none is inline', () => {
  const { html, nonce } = build();
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  assert.equal(scripts.length, 1);
  for (const [, attrs, body] of scripts) {
    assert.ok(attrs.includes(`nonce="${nonce}"`));
    assert.match(attrs, /src="[^"]+"/);
    assert.equal(body.trim(), '', 'no inline code');
  }
  assert.ok(!/\son\w+=/.test(html), 'no inline event handlers');
  assert.ok(!/style="/.test(html), 'no inline styles');
});

test('no remote loads: every URL is the extension’s own', () => {
  const { html } = build();
  const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(urls.length >= 3);
  for (const u of urls) assert.ok(u.startsWith(base), u);
});

test('the nonce is fresh for each load', () => {
  const a = makeNonce();
  const b = makeNonce();
  assert.notEqual(a, b);
  assert.ok(a.length >= 22);
  assert.match(a, /^[A-Za-z0-9_-]+$/);
});
