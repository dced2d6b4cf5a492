// Addresses of the read-only JSON documents (`ari-json:/<kind>/<id>.json`) and which open
// documents a model change makes stale. Pure (no vscode).
import { rowSpec } from './kinds';
import type { TreeChange, TreeEntityKind } from './source';

export const JSON_SCHEME = 'ari-json';

export interface EntityRef {
  kind: string;
  id: string;
}

export function jsonPath(ref: EntityRef): string {
  // Ids can hold '/' (endpoints: PJSIP/alice) and ':' : encode them in one path segment.
  return `/${ref.kind}/${encodeURIComponent(ref.id)}.json`;
}

export function parseJsonPath(path: string): EntityRef | undefined {
  const m = /^\/([A-Za-z]+)\/(.+)\.json$/.exec(path);
  if (!m) return undefined;
  try {
    return { kind: m[1], id: decodeURIComponent(m[2]) };
  } catch {
    return undefined;
  }
}

/** The model kind whose changes concern a document of this node kind. */
function modelKind(kind: string): TreeEntityKind | undefined {
  return rowSpec(kind)?.modelKind;
}

export function isStale(ref: EntityRef, change: TreeChange): boolean {
  const kind = modelKind(ref.kind);
  if (!kind) return false;
  if (change.changed[kind]?.has(ref.id)) return true;
  // A reset or an add/remove may not list ids; a document refresh is cheap.
  return change.structural && (!change.structuralKinds || change.structuralKinds.has(kind));
}
