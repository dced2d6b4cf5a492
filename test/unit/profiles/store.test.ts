import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InMemoryMemento, InMemorySecretStorage } from '../fakes/vscode';
import { ProfileStore } from '../../../src/extension/profiles/store';
import { checkAriUrl, fromExport, parseAppNames, secretKey } from '../../../src/extension/profiles/profile';

const PASSWORD = 'S3cret-pa55word';

function setup() {
  const state = new InMemoryMemento();
  const secrets = new InMemorySecretStorage();
  return { state, secrets, store: new ProfileStore(state, secrets) };
}

const fields = { name: 'lab', url: 'http://127.0.0.1:8088', username: 'test', apps: [] as string[] };

test('the password lives only in SecretStorage, keyed by profile id', async () => {
  const { state, secrets, store } = setup();
  const p = await store.add(fields, PASSWORD);
  assert.equal(await store.getPassword(p.id), PASSWORD);
  assert.equal(secrets.values.get(secretKey(p.id)), PASSWORD);
  assert.ok(!JSON.stringify([...state.values]).includes(PASSWORD), 'not in globalState');
  assert.ok(!JSON.stringify(store.exportProfiles()).includes(PASSWORD), 'not in the export');
  // A password smuggled into the fields is dropped, not persisted.
  await store.update(p.id, { ...fields, password: PASSWORD } as typeof fields);
  assert.ok(!JSON.stringify([...state.values]).includes(PASSWORD));
});

test('removing a profile deletes its secret; a profile without secret reads as missing', async () => {
  const { secrets, store } = setup();
  const p = await store.add(fields, PASSWORD);
  await store.setActive(p.id);
  await store.remove(p.id);
  assert.equal(secrets.values.size, 0);
  assert.equal(store.list().length, 0);
  assert.equal(store.activeId, undefined);
  const q = await store.add({ ...fields, name: 'no-secret' });
  assert.equal(await store.getPassword(q.id), undefined);
});

test('secret changes (also from another window) fire onDidChangePassword with the id', async () => {
  const { secrets, store } = setup();
  const p = await store.add(fields);
  const seen: string[] = [];
  store.onDidChangePassword((id) => seen.push(id));
  await secrets.store(secretKey(p.id), 'x');
  await secrets.store('unrelated', 'y');
  await store.setPassword(p.id, 'z');
  assert.deepEqual(seen, [p.id, p.id]);
});

test('duplicate copies fields and password under a new id; names are unique', async () => {
  const { store } = setup();
  const p = await store.add({ ...fields, apps: ['hello-world'], tls: { insecure: true } }, PASSWORD);
  const d = await store.duplicate(p.id, 'lab copy');
  assert.notEqual(d.id, p.id);
  assert.deepEqual(d.apps, ['hello-world']);
  assert.deepEqual(d.tls, { insecure: true });
  assert.equal(await store.getPassword(d.id), PASSWORD);
  await assert.rejects(store.add(fields), /already exists/);
});

test('export/import round-trips without passwords; an equal entry is skipped, the existing password kept', async () => {
  const { store } = setup();
  const p = await store.add({ ...fields, tls: { caFile: '/etc/ca.pem' } }, PASSWORD);
  const json = JSON.stringify(store.exportProfiles());
  assert.ok(!json.includes(PASSWORD));
  assert.ok(!json.includes(p.id));
  const parsed = fromExport(json.replace('"username"', '"password":"leak","username"'));
  assert.deepEqual(parsed.errors, []);
  assert.ok(!JSON.stringify(parsed.profiles).includes('leak'));
  const res = await store.importProfiles([...parsed.profiles, { ...fields, name: 'new one' }]);
  assert.deepEqual([res.added.map((p) => p.name), res.renamed, res.unchanged], [['new one'], [], 1]);
  assert.equal(await store.getPassword(p.id), PASSWORD);
  assert.equal(await store.getPassword(store.findByName('new one')!.id), undefined);
  assert.ok(fromExport('{"profiles":[{"name":"x","url":"ftp://h","username":"u"}]}').errors[0].includes('http'));
});

test('URL validation: scheme, host, port, prefix, no credentials, trailing /ari dropped', () => {
  assert.deepEqual(checkAriUrl('http://localhost:8088'), { ok: true, url: 'http://localhost:8088' });
  assert.deepEqual(checkAriUrl('https://pbx.example.com:8089/asterisk/'), { ok: true, url: 'https://pbx.example.com:8089/asterisk' });
  assert.deepEqual(checkAriUrl('http://localhost:8088/ari'), { ok: true, url: 'http://localhost:8088' });
  assert.deepEqual(checkAriUrl('http://[::1]:8088/asterisk/ari/'), { ok: true, url: 'http://[::1]:8088/asterisk' });
  for (const bad of ['', 'localhost:8088', 'ws://h:8088', 'http://u:p@h:8088', 'http://h:99999', 'http://h:8088/?api_key=x', 'http://h:0']) {
    assert.equal(checkAriUrl(bad).ok, false, bad);
  }
  // The messages say what to type instead.
  const error = (input: string) => {
    const r = checkAriUrl(input);
    return r.ok ? '' : r.error;
  };
  assert.match(error('pbx:8088'), /Start the URL with http:\/\/ or https:\/\/, e\.g\. http:\/\/pbx:8088$/);
  assert.match(error('localhost'), /http:\/\/localhost$/);
  assert.match(error('http://pbx:99999'), /Port 99999 is out of range: use 1 to 65535/);
  assert.match(error('http://[::1]:70000/x'), /Port 70000 is out of range/);
  assert.match(error('http://pbx:0'), /Port 0 is not valid: use the port of http\.conf's bindport/);
  assert.match(error('ws://pbx:8088'), /Use http:\/\/ instead of ws:\/\//);
  assert.match(error('wss://pbx:8089'), /Use https:\/\/ instead of wss:\/\//);
  assert.match(error('ftp://pbx'), /Use http:\/\/ or https:\/\/ \(got ftp:\/\/\)/);
  assert.deepEqual(parseAppNames('hello-world, other-app hello-world'), { apps: ['hello-world', 'other-app'] });
  assert.ok(parseAppNames('bad/app').error);
});
