// ARI objects as the server sends them, for the unit tests' fixtures. Each area's fixtures
// override what its tests read (names, dialplan location, creation time).
import type { Channel } from '../../../src/extension/ari/models.generated';

/** A channel in ARI's field order: Alice (1001) at `Stasis(hello-world)` in from-test,1776,3. */
export function ariChannel(id: string, over: Partial<Channel> = {}): Channel {
  return {
    id,
    name: `Local/1776@from-test-${id};1`,
    state: 'Up',
    protocol_id: '',
    caller: { name: 'Alice', number: '1001' },
    connected: { name: '', number: '' },
    accountcode: '',
    dialplan: { context: 'from-test', exten: '1776', priority: 3, app_name: 'Stasis', app_data: 'hello-world' },
    creationtime: '2026-11-30T22:33:09.144+0000',
    language: 'en',
    ...over,
  };
}
