// (a) The floor: a bare `ws` client that parses each frame and does nothing else. Same
// library and options as the extension's socket (no compression), so the difference to (b)
// is exactly what the extension does per event.
import WebSocket from 'ws';
import { basicAuth, eventsUrl, type OpenPath } from './types';

/** Keeps the parse observable so it cannot be optimised away. */
let sink = 0;

export const openFloor: OpenPath = (target, meter, settled) =>
  new Promise((resolve, reject) => {
    const ws = new WebSocket(eventsUrl(target.url, target.app), {
      headers: { Authorization: basicAuth(target.username, target.password) },
      perMessageDeflate: false,
    });
    ws.on('message', (data: Buffer) => {
      const ev = JSON.parse(data.toString('utf8')) as { type?: string };
      sink += ev.type ? 1 : 0;
      meter.event();
      if (meter.count === target.expected) settled();
    });
    ws.once('error', reject);
    ws.once('open', () =>
      resolve({
        notes: () => ({ parsed: sink }),
        close: () =>
          new Promise<void>((done) => {
            ws.once('close', () => done());
            ws.close(1000);
          }),
      }),
    );
  });
