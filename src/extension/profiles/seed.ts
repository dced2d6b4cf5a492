// ARI_EXPLORER_SEED_PROFILE: a profile handed in by the environment (the demo, the real
// VS Code suites). Pure apart from the store it is given.
import type { ProfileStore } from './store';
import { t } from '../util/l10n';
import type { Profile } from './profile';
import { checkAriUrl, parseAppNames } from './profile';

export const SEED_ENV = 'ARI_EXPLORER_SEED_PROFILE';

export interface Seed {
  name: string;
  url: string;
  username: string;
  password: string;
  apps: string[];
  connect: boolean;
}

export function parseSeed(text: string): Seed {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // The parser's message quotes the input, and the input holds a password: say where only.
    throw new Error(t('{0} is not valid JSON ({1} characters; the text is not shown because it holds a password).', SEED_ENV, text.length));
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error(t('{0} must be a JSON object.', SEED_ENV));
  const str = (k: string) => (typeof raw[k] === 'string' ? (raw[k] as string) : '');
  const url = checkAriUrl(str('url'));
  if (!str('name')) throw new Error(`${SEED_ENV}: "name" is missing.`);
  if (!url.ok) throw new Error(`${SEED_ENV}: ${url.error}`);
  if (!str('username')) throw new Error(`${SEED_ENV}: "username" is missing.`);
  if (typeof raw.password !== 'string') throw new Error(`${SEED_ENV}: "password" is missing.`);
  const apps = parseAppNames(Array.isArray(raw.apps) ? raw.apps.filter((a) => typeof a === 'string').join(',') : '');
  if (apps.error) throw new Error(`${SEED_ENV}: ${apps.error}`);
  return { name: str('name').trim(), url: url.url, username: str('username'), password: raw.password, apps: apps.apps, connect: raw.connect === true };
}

/** Creates the profile unless one of that name exists; makes sure a password is stored. */
export async function applySeed(store: ProfileStore, seed: Seed): Promise<{ profile: Profile; created: boolean }> {
  const existing = store.findByName(seed.name);
  if (existing) {
    if ((await store.getPassword(existing.id)) === undefined) await store.setPassword(existing.id, seed.password);
    return { profile: existing, created: false };
  }
  const profile = await store.add({ name: seed.name, url: seed.url, username: seed.username, apps: seed.apps }, seed.password);
  return { profile, created: true };
}
