import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InMemoryMemento, InMemorySecretStorage } from '../fakes/vscode';
import { ProfileStore } from '../../../src/extension/profiles/store';
import { applySeed, parseSeed } from '../../../src/extension/profiles/seed';

const SEED = JSON.stringify({ name: 'sim', url: 'http://127.0.0.1:8088/', username: 'test', password: 'test_password', apps: ['hello-world'], connect: true });

test('a seed creates the profile once, password into secrets', async () => {
  const state = new InMemoryMemento();
  const secrets = new InMemorySecretStorage();
  const store = new ProfileStore(state, secrets);
  const seed = parseSeed(SEED);
  assert.deepEqual(seed, { name: 'sim', url: 'http://127.0.0.1:8088', username: 'test', password: 'test_password', apps: ['hello-world'], connect: true });
  const a = await applySeed(store, seed);
  assert.equal(a.created, true);
  assert.equal(await store.getPassword(a.profile.id), 'test_password');
  assert.ok(!JSON.stringify([...state.values]).includes('test_password'));
  const b = await applySeed(store, seed);
  assert.equal(b.created, false);
  assert.equal(b.profile.id, a.profile.id);
  assert.equal(store.list().length, 1);
});

test('a bad seed says what is wrong', () => {
  assert.throws(() => parseSeed('{'), /not valid JSON/);
  assert.throws(() => parseSeed('{"name":"x","url":"ftp://h","username":"u","password":"p"}'), /http/);
  assert.throws(() => parseSeed('{"name":"x","url":"http://h","username":"u"}'), /password/);
});
