// Profiles area: commands and the environment seed.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { registerProfileCommands } from './commands';
import { SEED_ENV, applySeed, parseSeed } from './seed';

export function registerProfiles(services: Services): vscode.Disposable {
  const disposables = registerProfileCommands(services);
  void seedFromEnvironment(services);
  return vscode.Disposable.from(...disposables);
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
