// (b) The extension's own ingest path, wired as extension.ts wires it minus VS Code:
// AriSession (AriEventSocket -> JSON.parse -> AriStateModel.apply, batched every 100 ms)
// -> LiveFeed -> EventStore (the panel's 50k ring buffer) -> EventViewController (one
// batched webview update per 50 ms, posted to a fake port) and, per batch, the model change
// -> AriTree.applyChange -> the nodes VS Code would re-read (tree.view of each fired node, and
// of every child when a category is fired). Only the VS Code provider wrapper is left out.
import { AriSession } from '../../../src/extension/connection/session';
import type { AriNode } from '../../../src/extension/views/tree/nodes';
import { AriTree } from '../../../src/extension/views/tree/ariTree';
import { EventStore } from '../../../src/extension/webviews/eventStore';
import { EventViewController, type EventViewHost, type WebviewPort } from '../../../src/extension/webviews/eventViewController';
import type { TimerApi } from '../../../src/extension/webviews/batcher';
import { LiveFeed } from '../../../src/extension/webviews/liveFeed';
import { nullLogger } from '../../../src/extension/util/logger';
import type { Meter } from '../meter';
import { type OpenPath } from './types';

const BUFFER = 50_000;
const noDispose = { dispose: (): void => undefined };

/** The panel's batch timer, with each flush timed (a flush after the last frame is run time). */
function timedTimers(meter: Meter, afterFlush: () => void): TimerApi {
  return {
    setTimeout: (fn, ms) =>
      setTimeout(() => {
        meter.timed(fn);
        afterFlush();
      }, ms),
    clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
  };
}

export const openProject: OpenPath = async (target, meter, settled) => {
  const counts = { batches: 0, treeNodesFired: 0, treeItemsRead: 0, panelUpdates: 0 };
  const session = new AriSession({
    connection: { url: target.url, username: target.username, password: target.password },
    apps: [target.app],
    subscribeAll: true,
  });
  const store = new EventStore(BUFFER);
  const host: EventViewHost = {
    liveStore: store,
    log: nullLogger,
    liveSource: () => ({ kind: 'live', label: 'live: bench' }),
    eventTypes: () => [],
    exportEvents: async () => undefined,
    openLog: async () => undefined,
    liveStoreChanged: () => undefined,
  };
  let toWebview: ((m: unknown) => void) | undefined;
  const port: WebviewPort = {
    postMessage: () => {
      counts.panelUpdates++;
      return undefined;
    },
    onDidReceiveMessage: (l) => {
      toWebview = l;
      return noDispose;
    },
  };
  const checkSettled = (): void => {
    if (target.expected !== undefined && meter.count >= target.expected && store.nextN >= target.expected) settled();
  };
  const controller = new EventViewController(port, host, undefined, timedTimers(meter, checkSettled));
  toWebview?.({ kind: 'ready' });

  const tree = new AriTree();
  tree.setSource({ model: session.model, info: undefined, loadModules: async () => [] });
  const read = (nodes: AriNode[]): void => {
    for (const n of nodes) {
      tree.view(n);
      counts.treeItemsRead++;
    }
  };
  // The Channels and Bridges categories start expanded: VS Code reads them at once.
  read(tree.roots());
  for (const c of ['channels', 'bridges'] as const) read(tree.children(tree.categoryNode(c)) as AriNode[]);

  // A session flush is onEvents (-> LiveFeed -> store) then onModelChange (-> tree), back to
  // back: time it from the first listener to the end of the last.
  let flushStart = 0;
  session.onEvents(() => {
    flushStart = performance.now();
    counts.batches++;
  });
  // As webviews/index.ts wires it: a session batch is posted in the same wake-up.
  const feed = new LiveFeed({ active: session, onDidChangeActive: () => noDispose }, store, () => {
    // After the rest of this session flush (the tree's update): the run ends with its work.
    queueMicrotask(checkSettled);
    try {
      controller.storeBatched();
    } catch (err) {
      process.stderr.write(`panel flush failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      throw err;
    }
  });
  session.onModelChange((change) => {
    const start = flushStart || performance.now();
    flushStart = 0;
    const r = tree.applyChange(change);
    counts.treeNodesFired += r.nodes.length;
    for (const n of r.nodes) read(n.kind === 'category' ? [n, ...(tree.children(n) as AriNode[])] : [n]);
    meter.addBusy(start, performance.now());
  });
  // A safety net, armed once when the last expected frame arrives: the run also ends if no
  // flush happens to check after it (one timer per run, after the measured work).
  let net: NodeJS.Timeout | undefined;
  session.socket.onEvent(() => {
    meter.event();
    if (meter.count === target.expected && net === undefined) {
      net = setInterval(() => {
        checkSettled();
        if (store.nextN >= (target.expected ?? 0)) clearInterval(net);
      }, 250);
    }
  });
  await session.start();
  return {
    notes: () => ({ ...counts, modelChannels: session.model.channels.size }),
    close: async () => {
      if (net !== undefined) clearInterval(net);
      feed.dispose();
      controller.dispose();
      session.dispose();
    },
  };
};
