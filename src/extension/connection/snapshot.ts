// One REST snapshot of everything the live model holds, taken after each (re)connect.
// Channels, bridges and applications are required (without them the model would be wrong);
// the rest degrade to empty with a warning, so a server without e.g. res_ari_device_states
// still connects.
import type { AriRestClient } from '../ari/rest';
import type { AsteriskInfo, LiveRecording, Playback } from '../ari/models.generated';
import type { ModelSnapshot } from '../state/model';
import { type Logger, nullLogger } from '../util/logger';

/** The part of AriRestClient a snapshot reads (tests hand in a fake). */
export type SnapshotRest = {
  channels: Pick<AriRestClient['channels'], 'list'>;
  bridges: Pick<AriRestClient['bridges'], 'list'>;
  endpoints: Pick<AriRestClient['endpoints'], 'list'>;
  applications: Pick<AriRestClient['applications'], 'list'>;
  deviceStates: Pick<AriRestClient['deviceStates'], 'list'>;
  recordings: Pick<AriRestClient['recordings'], 'listStored' | 'getLive'>;
  playbacks: Pick<AriRestClient['playbacks'], 'get'>;
  asterisk: Pick<AriRestClient['asterisk'], 'info'>;
};

export interface SessionSnapshot extends ModelSnapshot {
  info?: AsteriskInfo;
}

/** What the model knew before, to check over REST (ARI has no list for these). */
export interface KnownMedia {
  playbacks: Iterable<Playback>;
  recordings: Iterable<LiveRecording>;
}

export async function takeSnapshot(rest: SnapshotRest, known: KnownMedia, log: Logger = nullLogger): Promise<SessionSnapshot> {
  const optional = <T>(what: string, p: Promise<T>, fallback: T): Promise<T> =>
    p.catch((err: unknown) => {
      log.warn(`ARI snapshot: ${what} unavailable: ${err instanceof Error ? err.message : String(err)}`);
      return fallback;
    });
  const [channels, bridges, applications, endpoints, deviceStates, storedRecordings, info, playbacks, recordings] = await Promise.all([
    rest.channels.list(),
    rest.bridges.list(),
    rest.applications.list(),
    optional('endpoints', rest.endpoints.list(), []),
    optional('device states', rest.deviceStates.list(), []),
    optional('stored recordings', rest.recordings.listStored(), []),
    optional<AsteriskInfo | undefined>('asterisk info', rest.asterisk.info(), undefined),
    stillThere([...known.playbacks], (p) => rest.playbacks.get(p.id)),
    stillThere([...known.recordings], (r) => rest.recordings.getLive(r.name)),
  ]);
  return { channels, bridges, applications, endpoints, deviceStates, storedRecordings, info, playbacks, recordings };
}

/** GETs each known item again: a 404 means it is gone; any other failure keeps what we had. */
async function stillThere<T>(items: T[], get: (item: T) => Promise<T>): Promise<T[]> {
  const got = await Promise.all(
    items.map((item) =>
      get(item).then(
        (fresh) => fresh,
        (err: unknown) => ((err as { status?: number }).status === 404 ? undefined : item),
      ),
    ),
  );
  return got.filter((x): x is Awaited<T> & T => x !== undefined);
}
