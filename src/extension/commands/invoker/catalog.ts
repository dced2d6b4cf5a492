// Fetches the connected server's own API description once per session: what this Asterisk
// actually offers (versions differ: 106 to 109 operations), not what we were built with.
import { attempt } from '../failures';
import { ari, type CommandSession } from '../session';
import { operationsFromDeclaration, resourceFilesFromListing, resourceNameOf, type ApiOperation } from './swagger';

const cache = new WeakMap<CommandSession, Promise<ApiOperation[]>>();

export function loadOperations(session: CommandSession): Promise<ApiOperation[]> {
  let p = cache.get(session);
  if (!p) {
    p = attempt("read the server's API description (/ari/api-docs)", () => fetchOperations(session));
    cache.set(session, p);
    // A failure is not cached: the next invocation tries again.
    p.catch(() => cache.delete(session));
  }
  return p;
}

async function fetchOperations(session: CommandSession): Promise<ApiOperation[]> {
  // What the server sends is read as unknown: the parsers below check every field.
  const files = resourceFilesFromListing((await ari(session).apiDocs.resources()) as unknown);
  const docs = await Promise.all(
    files.map(async (file) => operationsFromDeclaration(resourceNameOf(file), (await ari(session).apiDocs.resource(file)) as unknown)),
  );
  return docs.flat();
}
