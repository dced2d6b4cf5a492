// Issue 14, findings 1 and 7: a crafted profile file. An import must never replace a profile
// or let it keep a password for another server, `tls.insecure` from a file needs its own
// modal consent, and a large file is linear (one save) and capped.
import '../fakes/registerVscode';
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { fake, InMemoryMemento, InMemorySecretStorage, MemoryLogOutputChannel, Uri } from '../fakes/vscode';
import { ConnectionManager } from '../../../src/extension/connection/manager';
import { registerProfileCommands } from '../../../src/extension/profiles/commands';
import { IMPORT_LIMITS } from '../../../src/extension/profiles/profile';
import { parseSeed } from '../../../src/extension/profiles/seed';
import type { Services } from '../../../src/extension/services';
import { PASSWORD, startLocalAri, emptyAri, failOnUnhandledRejections } from './helpers';

failOnUnhandledRejections();

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ari-hostile-profiles-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: unknown): Uri {
  const p = path.join(dir, name);
  fs.writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return Uri.file(p);
}

/** A Memento that counts writes: an import must save once, not once per profile. */
class CountingMemento extends InMemoryMemento {
  updates = 0;
  override async update(key: string, value: unknown): Promise<void> {
    this.updates++;
    await super.update(key, value);
  }
}

function setup() {
  fake.reset();
  const secrets = new InMemorySecretStorage();
  const state = new CountingMemento();
  const context = { globalState: state, secrets } as unknown as vscode.ExtensionContext;
  const log = new MemoryLogOutputChannel();
  const connections = new ConnectionManager(context, log as unknown as vscode.LogOutputChannel);
  const services: Services = { context, log: log as unknown as vscode.LogOutputChannel, connections, probes: {} };
  const disposables = registerProfileCommands(services);
  const run = (id: string, ...args: unknown[]) => fake.commands.get(id)!(...args);
  return { store: connections.profiles, state, secrets, log, run, dispose: () => disposables.forEach((d) => d.dispose()) };
}

test('an imported "PROD" pointing at another host never replaces "prod" nor gets its password; Test Connection still goes to the real server', async () => {
  const auths: { server: string; auth?: string }[] = [];
  const real = await startLocalAri({ rest: (p, req, res) => (auths.push({ server: 'real', auth: req.headers.authorization }), emptyAri(p, res)) });
  const attacker = await startLocalAri({ rest: (p, req, res) => (auths.push({ server: 'attacker', auth: req.headers.authorization }), emptyAri(p, res)) });
  const { store, run, dispose } = setup();
  try {
    const prod = await store.add({ name: 'prod', url: real.url, username: 'explorer', apps: [] }, PASSWORD);
    const uri = file('evil.json', { profiles: [{ name: 'PROD', url: attacker.url, username: 'explorer', tls: { insecure: true } }] });
    fake.messageAnswers.push('Import with Verification');
    await run('ariExplorer.profiles.import', uri);

    assert.deepEqual(store.get(prod.id), prod, 'prod is unchanged');
    assert.equal(await store.getPassword(prod.id), PASSWORD);
    const imported = store.findByName('PROD (imported)');
    assert.ok(imported, 'the clash became a new profile');
    assert.equal(imported.url, attacker.url);
    assert.equal(await store.getPassword(imported.id), undefined, 'no password for the imported profile');
    const toast = fake.messages.at(-1)!;
    assert.equal(toast.level, 'warning', 'a rename is said out loud');
    assert.match(toast.text, /"PROD" → "PROD \(imported\)"/);
    assert.match(toast.text, /existing profiles were not changed/);

    await run('ariExplorer.profiles.test', prod.id);
    assert.deepEqual(
      auths.map((a) => a.server),
      ['real'],
    );
    assert.ok(auths[0].auth?.startsWith('Basic '));
  } finally {
    dispose();
    await real.close();
    await attacker.close();
  }
});

test('tls.insecure from a file needs a modal consent: cancel imports nothing, the default keeps verification on', async () => {
  const { store, run, dispose } = setup();
  try {
    const content = {
      profiles: [
        { name: 'lab', url: 'https://pbx.example:8089', username: 'u', tls: { insecure: true, caFile: '/etc/ca.pem' } },
        { name: 'other', url: 'https://b.example:8089', username: 'u', tls: { insecure: true } },
      ],
    };
    const uri = file('insecure.json', content);

    fake.messageAnswers.push(undefined); // the modal dismissed
    await run('ariExplorer.profiles.import', uri);
    const modal = fake.messages.at(-1)!;
    assert.ok(modal.modal, 'the question is modal');
    assert.match(modal.text, /turns off TLS certificate verification for 2 profile/);
    assert.deepEqual(store.list(), [], 'cancelled: nothing imported');

    fake.messageAnswers.push('Import with Verification');
    await run('ariExplorer.profiles.import', uri);
    assert.deepEqual(store.findByName('lab')!.tls, { caFile: '/etc/ca.pem' });
    assert.equal(store.findByName('other')!.tls, undefined);

    fake.messageAnswers.push('Skip Verification');
    await run('ariExplorer.profiles.import', file('insecure2.json', { profiles: [{ ...content.profiles[1], name: 'third' }] }));
    assert.deepEqual(store.findByName('third')!.tls, { insecure: true }, 'only an explicit yes keeps it');
  } finally {
    dispose();
  }
});

test("a stored password is dropped when a profile's origin or user changes, kept when neither does", async () => {
  const { store, dispose } = setup();
  try {
    const fields = { name: 'p', url: 'http://pbx:8088', username: 'u', apps: [] };
    const p = await store.add(fields, PASSWORD);
    await store.update(p.id, { ...fields, url: 'http://PBX:8088/asterisk', apps: ['x'] });
    assert.equal(await store.getPassword(p.id), PASSWORD, 'same origin and user: kept');
    await store.update(p.id, { ...fields, url: 'http://pbx.evil.example:8088' });
    assert.equal(await store.getPassword(p.id), undefined, 'another host: dropped');
    await store.setPassword(p.id, PASSWORD);
    await store.update(p.id, { ...fields, url: 'http://pbx:8099' });
    assert.equal(await store.getPassword(p.id), undefined, 'another port: dropped');
    await store.setPassword(p.id, PASSWORD);
    await store.update(p.id, { ...fields, url: 'http://pbx:8099', username: 'admin' });
    assert.equal(await store.getPassword(p.id), undefined, 'another user: dropped');
  } finally {
    dispose();
  }
});

test('a large import is linear: one save for the capped number of entries, the rest skipped and counted; oversized fields refused', async () => {
  const { store, state, log, run, dispose } = setup();
  try {
    await store.add({ name: 'p-1', url: 'http://h1:8088', username: 'u', apps: ['a'] });
    const n = IMPORT_LIMITS.profiles + 30;
    const profiles: unknown[] = Array.from({ length: n }, (_, i) => ({ name: `p-${i}`, url: `http://h${i}:8088`, username: 'u', apps: ['a'] }));
    profiles[3] = { name: 'x'.repeat(IMPORT_LIMITS.name + 1), url: 'http://h:8088', username: 'u' };
    profiles[4] = { name: 'long-user', url: 'http://h:8088', username: 'u'.repeat(IMPORT_LIMITS.username + 1) };
    profiles[5] = { name: 'line\nbreak', url: 'http://h:8088', username: 'u' };
    const before = state.updates;
    await run('ariExplorer.profiles.import', file('many.json', { profiles }));
    assert.equal(state.updates - before, 1, 'one save for the whole import');
    // 500 accepted entries minus 3 refused; p-1 equals the existing one: 496 new.
    assert.equal(store.list().length, 1 + IMPORT_LIMITS.profiles - 3 - 1);
    assert.match(fake.messages.at(-1)!.text, /Imported 496 new profile\(s\)\. 1 already existed unchanged\. 33 skipped/);
    const warnings = log.lines.filter((l) => l.startsWith('warn'));
    assert.ok(warnings.length <= IMPORT_LIMITS.errors + 1, 'the log gets a capped list of skipped entries');
    assert.ok(warnings.every((l) => l.length < 600 && !l.includes('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx')));
  } finally {
    dispose();
  }
});

test('a file over the size cap is refused without being parsed; a JSON error never echoes the file', async () => {
  const { store, run, dispose } = setup();
  try {
    await run('ariExplorer.profiles.import', file('huge.json', ' '.repeat(IMPORT_LIMITS.fileBytes + 1)));
    assert.match(fake.messages.at(-1)!.text, /larger than 1024 KB/);
    await run('ariExplorer.profiles.import', file('bad.json', '{"profiles": [ SECRET-TEXT-[x](command:evil) '));
    const shown = fake.messages.at(-1)!.text;
    assert.match(shown, /Not JSON/);
    assert.ok(!shown.includes('SECRET-TEXT'), shown);
    assert.deepEqual(store.list(), []);
  } finally {
    dispose();
  }
});

test('finding 10: a malformed ARI_EXPLORER_SEED_PROFILE never echoes its text (it holds a password)', () => {
  for (const text of [`{"name":"x","password":"${PASSWORD}"`, `{"password":"${PASSWORD}",}`, `${PASSWORD}`, `["${PASSWORD}"]`, 'null']) {
    assert.throws(
      () => parseSeed(text),
      (err: Error) => {
        assert.match(err.message, /ARI_EXPLORER_SEED_PROFILE/);
        assert.ok(!err.message.includes(PASSWORD.slice(0, 8)), err.message);
        return true;
      },
    );
  }
});
