import * as assert from 'node:assert/strict';
import { secretKey } from '../../src/extension/profiles/profile';
import { activateExtension } from './helpers';

describe('profiles', () => {
  const created: string[] = [];

  after(async () => {
    const { services } = await activateExtension();
    for (const id of created) await services.connections.profiles.remove(id).catch(() => undefined);
  });

  it('stores the password in context.secrets, not with the profile', async () => {
    const { services } = await activateExtension();
    const store = services.connections.profiles;
    const profile = await store.add({ name: `Suite profile ${Date.now()}`, url: 'http://127.0.0.1:9', username: 'suite', apps: [] }, 'suite-password');
    created.push(profile.id);
    assert.equal(await services.context.secrets.get(secretKey(profile.id)), 'suite-password');
    assert.equal(await store.getPassword(profile.id), 'suite-password');
    const listed = store.get(profile.id);
    assert.ok(listed, 'the profile is listed');
    assert.ok(!JSON.stringify(listed).includes('suite-password'), 'no password in the profile record');
  });

  it('removing a profile deletes its secret', async () => {
    const { services } = await activateExtension();
    const store = services.connections.profiles;
    const profile = await store.add({ name: `Suite removable ${Date.now()}`, url: 'http://127.0.0.1:9', username: 'suite', apps: [] }, 'to-be-deleted');
    await store.remove(profile.id);
    assert.equal(store.get(profile.id), undefined);
    assert.equal(await services.context.secrets.get(secretKey(profile.id)), undefined);
  });

  it('seeds the profile given in ARI_EXPLORER_SEED_PROFILE (password in secrets)', async function () {
    const seedText = process.env.ARI_EXPLORER_SEED_PROFILE;
    if (!seedText) this.skip();
    const seed = JSON.parse(seedText!) as { name: string; password: string; url: string; apps?: string[] };
    const { services } = await activateExtension();
    const profile = services.connections.profiles.findByName(seed.name);
    assert.ok(profile, `profile "${seed.name}" exists`);
    assert.equal(profile.url, seed.url);
    assert.deepEqual(profile.apps, seed.apps ?? []);
    assert.equal(await services.context.secrets.get(secretKey(profile.id)), seed.password);
  });
});
