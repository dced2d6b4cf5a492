// Profiles area: commands and the environment seed.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { registerProfileCommands, showConnectionError } from './commands';
import { SEED_ENV, applySeed, parseSeed } from './seed';
import { AriError } from '../ari/errors';

export function registerProfiles(services: Services): vscode.Disposable {
  const disposables = registerProfileCommands(services);
  void seedFromEnvironment(services).then(() => connectOnStartup(services));
  return vscode.Disposable.from(...disposables);
}

/** The profiles marked "connect on startup", each on its own (one failing leaves the others). */
export async function connectOnStartup(services: Services): Promise<void> {
  const manager = services.connections;
  const ids = manager.profiles.startupIds().filter((id) => !manager.sessionOf(id));
  await Promise.all(
    ids.map(async (id) => {
      try {
        await manager.connect(id);
      } catch (err) {
        // 401s are offered a password update by the manager already.
        if (!(err instanceof AriError && err.status === 401)) await showConnectionError(services, err, manager.profiles.get(id));
      }
    }),
  );
}

async function seedFromEnvironment(services: Services): Promise<void> {
  const text = process.env[SEED_ENV];
  if (!text) return;
  try {
    const seed = parseSeed(text);
    const { profile, created } = await applySeed(services.connections.profiles, seed);
    services.log.info(`${SEED_ENV}: profile "${profile.name}" ${created ? 'created' : 'already present'}`);
    // The env var is an explicit request for these app names: no "already in use" question,
    // which would block the headless suites.
    if (seed.connect) await services.connections.connect(profile.id, { trustApps: true });
  } catch (err) {
    services.log.error(`${SEED_ENV}: ${err instanceof Error ? err.message : String(err)}`);
  }
}
