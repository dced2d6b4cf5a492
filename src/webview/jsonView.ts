// Pretty, syntax-coloured JSON built as DOM nodes (never innerHTML: event fields are
// untrusted text). Colours come from classes mapped to VS Code's debug token variables.

const TOKEN = /("(?:\\.|[^"\\])*")(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;

export function prettyJson(json: string): string {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

/** Appends the highlighted JSON to `into` (a <pre>). */
export function renderJson(doc: Document, into: HTMLElement, pretty: string): void {
  let last = 0;
  const span = (cls: string, text: string): void => {
    const s = doc.createElement('span');
    s.className = cls;
    s.textContent = text;
    into.appendChild(s);
  };
  for (const m of pretty.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    if (at > last) into.appendChild(doc.createTextNode(pretty.slice(last, at)));
    if (m[1] !== undefined) {
      if (m[2] !== undefined) {
        span('json-key', m[1]);
        into.appendChild(doc.createTextNode(m[2]));
      } else {
        span('json-string', m[1]);
      }
    } else if (m[3] !== undefined) {
      span(m[3] === 'null' ? 'json-null' : 'json-boolean', m[3]);
    } else if (m[4] !== undefined) {
      span('json-number', m[4]);
    }
    last = at + m[0].length;
  }
  if (last < pretty.length) into.appendChild(doc.createTextNode(pretty.slice(last)));
}
