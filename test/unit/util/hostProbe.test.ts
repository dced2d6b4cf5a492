// The bench's extension-host probe: what it writes for a phase is what `--only=host` reports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as probe from '../../../src/extension/util/hostProbe';

/** What a panel does for each message it posts while the probe runs. */
function post(m: unknown, webview = 'panel'): void {
  const note = probe.notePost;
  assert.ok(note, 'the probe is on');
  note(m, webview);
}

test('host probe: a phase reports its events, posts, their bytes and the age of each update’s newest row when posted', async () => {
  assert.equal(probe.notePost, undefined, 'the probe is off until started');
  const dir = mkdtempSync(join(tmpdir(), 'ari-probe-'));
  let events = 0;
  const waiters = new Map<string, () => void>();
  const taken = (phase: string): Promise<void> => new Promise((resolve) => waiters.set(phase, resolve));
  const handle = probe.startHostProbe(
    dir,
    () => events,
    (phase) => waiters.get(phase)?.(),
  );
  try {
    const load = taken('load200');
    writeFileSync(join(dir, 'phase'), 'load200');
    await load;
    const now = Date.now();
    events = 10;
    post({ kind: 'update', tail: { from: 0, rows: [{ time: now - 500 }, { time: now - 300 }] } });
    post({ kind: 'update', tail: { from: 2, rows: [{ time: now - 40 }] } });
    post({ kind: 'update', tail: { from: 3, rows: [{ time: now - 100 }] } });
    post({ kind: 'state' }, 'view');
    const done = taken('done');
    writeFileSync(join(dir, 'phase'), 'done');
    await done;
    const r = JSON.parse(readFileSync(join(dir, 'phases.ndjson'), 'utf8').split('\n')[0]) as probe.PhaseReport;
    assert.equal(r.phase, 'load200');
    assert.equal(r.events, 10);
    assert.equal(r.posts, 4);
    assert.equal(r.collected, true, 'memory is read after a full collection');
    assert.deepEqual(r.postKinds, { 'panel update': 3, 'view state': 1 });
    assert.ok(r.postBytes > 0);
    // Only updates count, by their newest row: 300, 40 and 100 ms old (plus the test's own time).
    assert.ok(r.postAgeP99Ms >= 300 && r.postAgeP99Ms < 5000, `p99 ${r.postAgeP99Ms}`);
    assert.ok(r.postAgeP50Ms >= 100 && r.postAgeP50Ms < 300, `p50 ${r.postAgeP50Ms}`);
  } finally {
    handle.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
  assert.equal(probe.notePost, undefined, 'disposed: panels report nothing');
});
