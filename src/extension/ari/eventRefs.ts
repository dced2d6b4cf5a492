// What an event concerns, read off the parsed object with a few property reads (no walk of
// the event, no allocation). Shared by the session's event records and the event panel so
// both agree on what "the event's channel" is. No vscode import.

type Obj = Record<string, unknown>;

function isObj(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** An ARI Channel has id, name, state and dialplan. */
export function isChannelObject(x: unknown): x is Obj & { id: string; name: string } {
  return isObj(x) && typeof x.id === 'string' && typeof x.name === 'string' && 'state' in x && 'dialplan' in x;
}

/** An ARI Bridge has id, channels and bridge_type (or technology). */
export function isBridgeObject(x: unknown): x is Obj & { id: string; channels: unknown[] } {
  return isObj(x) && typeof x.id === 'string' && ('bridge_type' in x || 'technology' in x) && Array.isArray(x.channels);
}

/** The id of the event's own channel (`channel`, else a Dial's `peer`), or ''. */
export function eventChannelId(event: object): string {
  const e = event as Obj;
  const c = e.channel;
  if (isChannelObject(c)) return c.id;
  const p = e.peer;
  return isChannelObject(p) ? p.id : '';
}

/** The id of the event's own `bridge`, or ''. */
export function eventBridgeId(event: object): string {
  const b = (event as Obj).bridge;
  return isBridgeObject(b) ? b.id : '';
}
