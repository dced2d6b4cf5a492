// Every recorded real-server transcript, replayed into the model: the end state a user would
// see, plus the invariants and list checkpoints of replay.ts along the way.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Application, Bridge, Channel, DeviceState, Endpoint, StoredRecording } from '../../../src/extension/ari/models.generated';
import { AriStateModel } from '../../../src/extension/state/model';
import { emptySnapshot, replay, type Replay } from './replay';
import { eventOf, isListResponse, loadTranscript, transcriptNames, type Transcript } from './transcripts';

/** Ids of channels that got StasisStart on a socket. */
function stasisIds(t: Transcript, socket?: string): string[] {
  const ids: string[] = [];
  for (const e of t.entries) {
    const ev = eventOf(e);
    if (ev?.type === 'StasisStart' && (socket === undefined || (e.ws ?? t.sockets[0]) === socket)) ids.push(ev.channel.id);
  }
  return ids;
}

function noLiveMedia(r: Replay): void {
  for (const [s, m] of r.models) {
    assert.deepEqual([...m.playbacks.keys()], [], `${r.t.name} ${s}: live playbacks`);
    assert.deepEqual([...m.recordings.keys()], [], `${r.t.name} ${s}: live recordings`);
  }
}

function noChannels(r: Replay): void {
  for (const [s, m] of r.models) assert.deepEqual([...m.channels.keys()], [], `${r.t.name} ${s}: channels`);
}

function noBridges(r: Replay): void {
  for (const [s, m] of r.models) assert.deepEqual([...m.bridges.keys()], [], `${r.t.name} ${s}: bridges`);
}

/** The body of the index-th (from the end when negative) list answer for a resource. */
function listAnswer<T>(t: Transcript, resource: string, nth: number): T[] {
  const all = t.entries.filter((e) => isListResponse(e, resource));
  const e = all[nth < 0 ? all.length + nth : nth];
  assert.ok(e, `${t.name}: no GET ${resource}`);
  return e.body as T[];
}

const expectations: Record<string, (r: Replay) => void> = {
  '00-hello-world-cli-originate.json': (r) => {
    // DELETE -> ChannelHangupRequest (soft) -> StasisEnd, and nothing more on this socket: the
    // channel is going away (the firehose in 03 shows it destroyed), so the model drops it.
    assert.equal(stasisIds(r.t).length, 1);
    noChannels(r);
    noLiveMedia(r);
  },
  '01-hello-world.json': (r) => {
    noChannels(r);
    noLiveMedia(r);
  },
  '02-originate-into-app.json': (r) => {
    noChannels(r);
    noLiveMedia(r);
  },
  '03-subscribe-all.json': (r) => {
    noChannels(r);
    // The firehose saw the Local device go INUSE and back: not an ARI-controlled device.
    assert.equal(r.models.get('firehose')!.deviceStates.size, 0);
  },
  '04-ws-basic-auth.json': (r) => noChannels(r),
  '05-ws-multi-app.json': (r) => noChannels(r),
  '06-playback-control.json': (r) => {
    noChannels(r);
    noLiveMedia(r);
  },
  '07-media-types.json': (r) => {
    noChannels(r);
    noLiveMedia(r);
  },
  '08-bridges.json': (r) => {
    noBridges(r);
    noChannels(r);
  },
  '09-channel-ops.json': (r) => {
    noChannels(r);
    noLiveMedia(r);
  },
  '10-recordings.json': (r) => {
    noChannels(r);
    noLiveMedia(r);
    const finished = r.t.entries.flatMap((e) => {
      const ev = eventOf(e);
      return ev?.type === 'RecordingFinished' ? [ev.recording.name] : [];
    });
    const m = r.models.get('main')!;
    assert.deepEqual([...m.storedRecordings.keys()].sort(), [...finished].sort());
    assert.ok(finished.includes('golden-rec'));
  },
  '11-asterisk-resources.json': () => {
    // No events: checked by the snapshot test below.
  },
  '12-http-errors.json': (r) => {
    // golden-instasis was sent on with /continue (StasisEnd, no hangup request): still there,
    // no longer in an app; its bogus:thing playback never finished and went with it.
    const m = r.models.get('main')!;
    const ch = m.channels.get('golden-instasis');
    assert.ok(ch);
    assert.equal(ch.app, undefined);
    assert.deepEqual(m.channelsInApp('hello-world'), []);
    noLiveMedia(r);
  },
  '13-ws-errors.json': (r) => {
    assert.ok(r.models.get('dup-1')!.replacedApplications.has('dup-app'));
    assert.equal(r.models.get('dup-2')!.replacedApplications.size, 0);
  },
  '14-http-prefix.json': (r) => {
    noChannels(r);
    noLiveMedia(r);
    assert.ok(r.models.get('prefixed')!.storedRecordings.has('prefix-rec'));
  },
  '15-subscribe-all-bridges.json': (r) => {
    noChannels(r);
    noBridges(r);
  },
  '16-dial.json': (r) => {
    noChannels(r);
    noBridges(r);
  },
  '17-device-states.json': (r) => {
    // DELETE /deviceStates emits no event: the model keeps the last state it was told.
    const last = new Map<string, Map<string, string>>();
    for (const e of r.t.entries) {
      const ev = eventOf(e);
      if (ev?.type !== 'DeviceStateChanged') continue;
      const s = e.ws!;
      if (!last.has(s)) last.set(s, new Map());
      last.get(s)!.set(ev.device_state.name, ev.device_state.state);
    }
    for (const [s, m] of r.models) {
      const got = new Map([...m.deviceStates].map(([k, v]) => [k, v.state]));
      assert.deepEqual(got, last.get(s) ?? new Map(), s);
    }
    assert.equal(r.models.get('firehose')!.deviceStates.get('Stasis:demo')?.state, 'NOT_INUSE');
    // A resync with the final GET /deviceStates clears them.
    const m = r.models.get('firehose')!;
    m.reset({ ...emptySnapshot(), deviceStates: listAnswer<DeviceState>(r.t, 'deviceStates', -1) });
    assert.equal(m.deviceStates.size, 0);
  },
  '18-dialplan-reload.json': (r) => noChannels(r),
  '19-restart.json': (r) => {
    // The restart's hangup request (cause 4) and StasisEnd: gone before the socket closes.
    noChannels(r);
  },
  '20-app-lifecycle.json': (r) => {
    const m = r.models.get('hello')!;
    // The socket closed while 1796078127.3 was still in hello-world.
    assert.deepEqual(
      m.channelsInApp('hello-world').map((c) => c.id),
      ['1796078127.3'],
    );
    // With eventFilter allowed=[StasisStart,StasisEnd] the hangup was filtered: StasisEnd
    // alone leaves the channel alive and out of the app; its playback went with it.
    assert.equal(m.channels.get('1796078130.7')?.app, undefined);
    noLiveMedia(r);
  },
  '21-hangup-causes.json': (r) => {
    noChannels(r);
    noBridges(r);
  },
  '22-demo-traffic.json': (r) => {
    noChannels(r);
    noBridges(r);
    noLiveMedia(r);
  },
};

describe('transcript replays', () => {
  const names = transcriptNames();

  test('every transcript has an expectation', () => {
    assert.deepEqual(
      names.filter((n) => !expectations[n]),
      [],
    );
  });

  for (const name of names) {
    test(name, () => {
      const t = loadTranscript(name);
      const seedApps = t.entries.find((e) => isListResponse(e, 'applications'));
      const r = replay(t, {
        // Where the transcript lists the applications first, the model starts from that list.
        seed: () => ({ ...emptySnapshot(), applications: (seedApps?.body as Application[] | undefined) ?? [] }),
      });
      expectations[name]?.(r);
    });
  }

  test('09: /continue ends Stasis but not the channel; a DELETE ends both', () => {
    const t = loadTranscript('09-channel-ops.json');
    let checked = 0;
    replay(t, {
      after: (_i, e, r) => {
        const ev = eventOf(e);
        if (ev?.type !== 'StasisEnd') return;
        const m = r.models.get('main')!;
        const ch = m.channels.get(ev.channel.id);
        if (ev.channel.id === 'golden-ops-2') {
          assert.ok(ch, 'continued channel is still alive');
          assert.equal(ch.app, undefined);
          checked++;
        } else {
          assert.equal(ch, undefined, `${ev.channel.id} was hung up`);
          checked++;
        }
      },
    });
    assert.equal(checked, 3);
  });

  test('22: bridges hold the two channels while bridged; checkpoints were compared', () => {
    const t = loadTranscript('22-demo-traffic.json');
    let bridged = 0;
    const r = replay(t, {
      after: (_i, e, rr) => {
        const ev = eventOf(e);
        if (ev?.type !== 'ChannelEnteredBridge' || ev.bridge.channels.length !== 2) return;
        const b = rr.models.get(e.ws!)!.bridges.get(ev.bridge.id);
        assert.ok(b);
        assert.deepEqual([...b.channels].sort(), [...ev.bridge.channels].sort());
        bridged++;
      },
    });
    assert.equal(bridged, 8); // 4 bridges x 2 sockets
    assert.equal(r.models.size, 2);
  });

  test('15: list checkpoints (GET /bridges) match the firehose model', () => {
    const r = replay(loadTranscript('15-subscribe-all-bridges.json'));
    assert.ok(r.checkpoints > 0);
  });

  test('11: a snapshot from the REST answers', () => {
    const t = loadTranscript('11-asterisk-resources.json');
    const m = new AriStateModel();
    m.reset({
      channels: listAnswer<Channel>(t, 'channels', -1),
      bridges: listAnswer<Bridge>(t, 'bridges', -1),
      endpoints: listAnswer<Endpoint>(t, 'endpoints', -1),
      applications: listAnswer<Application>(t, 'applications', -1),
      deviceStates: listAnswer<DeviceState>(t, 'deviceStates', -1),
      storedRecordings: [] as StoredRecording[],
    });
    assert.deepEqual([...m.applications.keys()], ['hello-world']);
    assert.equal(m.deviceStates.get('Stasis:golden')?.state, 'BUSY');
    const change = m.takeChanges();
    assert.equal(change.structural, true);
  });

  test('09: a snapshot from GET /channels puts both halves in hello-world', () => {
    const t = loadTranscript('09-channel-ops.json');
    const m = new AriStateModel();
    m.reset({ ...emptySnapshot(), channels: listAnswer<Channel>(t, 'channels', 0) });
    assert.deepEqual(
      m
        .channelsInApp('hello-world')
        .map((c) => c.id)
        .sort(),
      ['golden-ops', 'golden-ops-2'],
    );
  });

  test('19: one model across the restart: the resync replaces the old ids', () => {
    const t = loadTranscript('19-restart.json');
    const m = new AriStateModel();
    m.reset(emptySnapshot());
    let sawOld = false;
    t.entries.forEach((e, i) => {
      const ev = eventOf(e);
      if (ev) m.apply(ev);
      if (i === 6) {
        // GET /channels before the restart: a snapshot with both halves.
        m.reset({ ...emptySnapshot(), channels: e.body as Channel[] });
        sawOld = m.channels.has('1796078122.51');
      }
      if (isListResponse(e, 'channels') && i > 6) m.reset({ ...emptySnapshot(), channels: e.body as Channel[] });
      if (e.kind === 'event' && eventOf(e)?.type === 'StasisStart' && e.ws === 'reconnect') {
        assert.deepEqual([...m.channels.keys()], ['1796078125.1']);
      }
    });
    assert.ok(sawOld);
    assert.equal(m.channels.size, 0);
  });
});
