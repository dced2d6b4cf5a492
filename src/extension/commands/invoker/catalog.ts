// Fetches the connected server's own API description once per session: what this Asterisk
// actually offers (versions differ: 106 to 109 operations), not what we were built with.
import { attempt } from '../failures';
import type { CommandSession } from '../session';
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
  const listing = await session.rest.request<unknown>('GET', '/api-docs/resources.json');
  const files = resourceFilesFromListing(listing.body);
  const docs = await Promise.all(
    files.map(async (file) => {
      const r = await session.rest.request<unknown>('GET', `/api-docs/${encodeURIComponent(file)}`);
      return operationsFromDeclaration(resourceNameOf(file), r.body);
    }),
  );
  return docs.flat();
}
