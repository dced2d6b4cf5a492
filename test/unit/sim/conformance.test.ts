// Conformance: every golden transcript replayed against the simulator. Status codes must
// match exactly, body shapes and Location directories must match, and each socket must get
// (nearly) the same multiset of event types. 18 and 19 act on their notes (dialplan file
// edit + reload, `core restart now`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSimulator, type Simulator } from '../../../tools/ari-sim/index';
import { DEFAULT_DIALPLAN } from '../../../tools/ari-sim/dialplan';
import { eventSimilarity, replayTranscript } from './transcriptReplay';
import { transcriptDir } from '../shared/fixtures';

const dir = transcriptDir;
const files = readdirSync(dir)
  .filter((f) => /^\d\d-.*\.json$/.test(f))
  .sort();

// Sounds, waits and timeouts run 20x faster; sequences are unchanged.
const TIME_SCALE = 0.05;
// Except Answer()'s media wait, 250 ms here: requests recorded a millisecond apart (05: the
// DELETEs came while the ;2 halves were still in Answer) must not see the call move on when a
// busy CI machine takes tens of milliseconds between them.
const ANSWER_MEDIA_WAIT_MS = 250 / TIME_SCALE;

let sim: Simulator;
let prefixed: Simulator;
let work: string;
let dialplanFile: string;

before(async () => {
  if (!files.length) return;
  work = mkdtempSync(path.join(tmpdir(), 'ari-sim-'));
  dialplanFile = path.join(work, 'extensions.conf');
  writeFileSync(dialplanFile, DEFAULT_DIALPLAN);
  sim = await startSimulator({ port: 0, timeScale: TIME_SCALE, answerMediaWaitMs: ANSWER_MEDIA_WAIT_MS, endpoints: false, dialplanFile });
  prefixed = await startSimulator({ port: 0, timeScale: TIME_SCALE, answerMediaWaitMs: ANSWER_MEDIA_WAIT_MS, endpoints: false, prefix: '/asterisk' });
});

after(async () => {
  await sim?.close();
  await prefixed?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

if (!files.length) {
  test('transcript conformance', (t) => {
    console.log(`skipped: no transcripts at ${dir}`);
    t.skip('../shared/ari-transcripts is absent');
  });
}

for (const f of files) {
  test(`conformance ${f}`, async () => {
    let releaseNotFound: () => void = () => undefined;
    let restarted: Promise<void> | undefined;
    const res = await replayTranscript(path.join(dir, f), sim.url, prefixed.url, {
      // 00 was recorded with a channel made by the CLI (`channel originate ... application Wait 60`)
      beforeRequest: async (n) => {
        if (f.startsWith('00-') && n === 2) await sim.originateFromCli('Local/1776@from-test', { app: 'Wait', data: '60' });
      },
      onNote: async (text) => {
        const added = /appended to context ([\w-]+):\n([\s\S]*)$/.exec(text);
        if (added) writeFileSync(dialplanFile, DEFAULT_DIALPLAN.replace(`[${added[1]}]\n`, `[${added[1]}]\n${added[2]}\n`));
        else if (/extensions\.conf restored/.test(text)) writeFileSync(dialplanFile, DEFAULT_DIALPLAN);
        else if (/core restart now/.test(text)) {
          // Follow 19's phases: run the restart up to its HTML-404 phase, hold it there until
          // the recording moves on to the 200 answer.
          const hold = new Promise<void>((r) => (releaseNotFound = r));
          let reachedNotFound: () => void = () => undefined;
          const notFound = new Promise<void>((r) => (reachedNotFound = r));
          restarted = sim.faults.restart({
            refusedMs: 20,
            closeDelayMs: 20,
            notFoundMs: 0,
            holdNotFound: hold,
            onPhase: (p) => p === 'notFound' && reachedNotFound(),
          });
          await notFound;
        } else if (/-> HTTP 404/.test(text)) {
          releaseNotFound();
          await restarted;
        }
      },
    });
    const bad = res.requests.filter((r) => r.recStatus !== undefined && r.recStatus !== r.liveStatus);
    assert.deepEqual(
      bad.map((r) => `#${r.n} ${r.method} ${r.path}: ${r.liveStatus} want ${r.recStatus}`),
      [],
    );
    const shapes = res.requests.filter((r) => r.shapeDiff);
    assert.deepEqual(
      shapes.map((r) => `#${r.n} ${r.method} ${r.path}: ${r.shapeDiff}`),
      [],
    );
    assert.deepEqual(
      res.requests.filter((r) => r.locationOk === false).map((r) => `#${r.n} ${r.path}`),
      [],
    );
    for (const [label, s] of res.sockets) {
      const sim = eventSimilarity(s);
      const diff = [...new Set([...s.recorded.keys(), ...s.live.keys()])]
        .filter((t) => (s.recorded.get(t) ?? 0) !== (s.live.get(t) ?? 0))
        .map((t) => `${t} ${s.recorded.get(t) ?? 0}/${s.live.get(t) ?? 0}`);
      assert.ok(sim >= 0.95, `socket ${label}: event similarity ${sim.toFixed(3)} (recorded/live: ${diff.join(', ')})`);
    }
  });
}
