// Loads syntaxes/asterisk.tmLanguage.json into vscode-textmate with the oniguruma WASM, and
// turns text into [token text, scopes] pairs per line for assertions.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar, type StateStack } from 'vscode-textmate';

const ROOT = join(__dirname, '..', '..', '..');
let grammar: Promise<IGrammar> | undefined;

export function loadAsteriskGrammar(): Promise<IGrammar> {
  grammar ??= (async () => {
    const wasm = readFileSync(join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName: string) => {
        if (scopeName !== 'source.asterisk') return null;
        const path = join(ROOT, 'syntaxes', 'asterisk.tmLanguage.json');
        return parseRawGrammar(readFileSync(path, 'utf8'), path);
      },
    });
    const g = await registry.loadGrammar('source.asterisk');
    if (!g) throw new Error('grammar source.asterisk did not load');
    return g;
  })();
  return grammar;
}

export interface Tok {
  line: number;
  text: string;
  scopes: string[];
}

export async function tokenize(text: string): Promise<Tok[]> {
  const g = await loadAsteriskGrammar();
  const out: Tok[] = [];
  let state: StateStack = INITIAL;
  text.split(/\r?\n/).forEach((lineText, line) => {
    const r = g.tokenizeLine(lineText, state);
    for (const t of r.tokens) out.push({ line, text: lineText.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    state = r.ruleStack;
  });
  return out;
}

/** The innermost scope of the first token whose text is exactly `text` (on `line` if given). */
export function scopeOf(tokens: Tok[], text: string, line?: number): string {
  const t = tokens.find((x) => x.text.trim() === text && (line === undefined || x.line === line));
  if (!t)
    throw new Error(
      `no token ${JSON.stringify(text)}${line === undefined ? '' : ` on line ${line}`}: ${JSON.stringify(tokens.filter((x) => line === undefined || x.line === line).map((x) => x.text))}`,
    );
  return t.scopes[t.scopes.length - 1];
}

export function scopesOf(tokens: Tok[], text: string, line?: number): string[] {
  const t = tokens.find((x) => x.text.trim() === text && (line === undefined || x.line === line));
  if (!t) throw new Error(`no token ${JSON.stringify(text)}`);
  return t.scopes;
}
