// /applications and /events/user handlers: subscriptions, event filters, user events.
import type { StasisApp } from '../apps';
import { astTimestamp } from '../clock';
import { HttpError } from '../errors';
import type { Subjects } from '../hub';
import type { Json, JsonObject } from '../json';
import { arg, bodyObject, multi, ok, type Handler, type Req } from '../router';
import { DEVICE_STATE_ALL } from '../deviceStates';
import { BRIDGE_ALL, ENDPOINT_ALL } from '../apps';

function app(r: Req, name = r.path.applicationName): StasisApp {
  const a = r.core.hub.app(name);
  if (!a) throw new HttpError(404, 'Application not found');
  return a;
}

const SCHEMES = new Set(['channel', 'bridge', 'endpoint', 'deviceState']);

/** res/stasis/app.c and res_stasis_device_state.c: what an empty id subscribes to. */
const ALL: Record<string, string> = {
  channel: '__AST_CHANNEL_ALL_TOPIC',
  bridge: BRIDGE_ALL,
  endpoint: ENDPOINT_ALL,
  deviceState: DEVICE_STATE_ALL,
};

/** app_event_source_find: ast_begins_with(uri, "<scheme>:"), so the colon is part of the scheme. */
function parseSource(uri: string): { scheme: string; id: string } {
  const i = uri.indexOf(':');
  const scheme = i < 0 ? '' : uri.slice(0, i);
  if (!SCHEMES.has(scheme)) throw new HttpError(400, 'Invalid event source URI scheme');
  return { scheme, id: uri.slice(i + 1) };
}

function sourceList(r: Req): string[] {
  const list = multi(r, 'eventSource');
  if (!list) throw new HttpError(400, 'Missing parameter eventSource');
  return list;
}

function exists(r: Req, scheme: string, id: string): boolean {
  const c = r.core;
  if (scheme === 'channel') return !!c.engine.get(id);
  if (scheme === 'bridge') return c.bridges.bridges.has(id);
  if (scheme === 'endpoint') {
    const [tech, res] = id.split('/');
    return !!res && !!c.endpoints.get(tech, res);
  }
  return true; // find_device_state creates a subscription object for any name
}

/**
 * ast_ari_applications_subscribe -> app_handle_subscriptions: eventSource (400), the app (404),
 * then each URI in turn: scheme (400), find (422), subscribe. Sources before a bad one stay
 * subscribed. An empty id subscribes to all of its kind; a specific bridge, endpoint or device
 * is not added again under an existing all-subscription.
 */
function subscribe(r: Req): JsonObject {
  const uris = sourceList(r);
  const a = app(r);
  for (const uri of uris) {
    const { scheme, id } = parseSource(uri);
    if (id !== '' && !exists(r, scheme, id)) throw new HttpError(422, 'Event source does not exist');
    if (scheme === 'channel') {
      if (id === '') a.allChannels = true;
      else a.channels.set(id, 'explicit');
    } else {
      const set = scheme === 'bridge' ? a.bridges : scheme === 'endpoint' ? a.endpoints : a.devices;
      if (!set.has(ALL[scheme])) set.add(id === '' ? ALL[scheme] : id);
    }
  }
  return a.toJSON();
}

/**
 * app_unsubscribe per URI: is_subscribed (422), then unsubscribe. For channel/bridge/endpoint
 * an empty id passes is_subscribed (the all-topic) but unsubscribe looks up "" and fails; the
 * response is then never set, which res_ari answers 501. A device is "subscribed" under the
 * all-devices subscription, and unsubscribing it then changes nothing.
 */
function unsubscribe(r: Req): JsonObject {
  const uris = sourceList(r);
  const a = app(r);
  for (const uri of uris) {
    const { scheme, id } = parseSource(uri);
    if (scheme === 'channel') {
      if (id === '' ? !a.allChannels : !a.channels.has(id)) throw new HttpError(422, 'Event source was not subscribed to');
      if (id === '') throw new HttpError(501, 'Method not implemented');
      a.channels.delete(id);
    } else if (scheme === 'deviceState') {
      const key = id === '' ? DEVICE_STATE_ALL : id;
      if (!a.devices.has(key) && !a.devices.has(DEVICE_STATE_ALL)) throw new HttpError(422, 'Event source was not subscribed to');
      a.devices.delete(key);
    } else {
      const set = scheme === 'bridge' ? a.bridges : a.endpoints;
      if (!set.has(id === '' ? ALL[scheme] : id)) throw new HttpError(422, 'Event source was not subscribed to');
      if (id === '') throw new HttpError(501, 'Method not implemented');
      set.delete(id);
    }
  }
  return a.toJSON();
}

/**
 * app_event_filter_set for one filter type: the body object's member of that name (absent: keep
 * the current list; `{}` or no body: reset), or a body that is itself an array (used for both
 * types). The value must be an array whose items have a non-empty string `type`, else 400.
 */
function filterFor(body: Json | undefined, type: 'allowed' | 'disallowed'): JsonObject[] | 'keep' {
  let f: Json | undefined = body;
  if (f && typeof f === 'object' && !Array.isArray(f)) {
    if (Object.keys(f).length === 0) f = undefined;
    else if (!(type in f)) return 'keep';
    else f = f[type];
  }
  if (f === undefined) return [];
  if (!Array.isArray(f)) throw new HttpError(400, 'Invalid format definition');
  return f.map((x) => {
    if (!x || typeof x !== 'object' || Array.isArray(x) || typeof x.type !== 'string' || x.type === '') {
      throw new HttpError(400, 'Invalid format definition');
    }
    return x;
  });
}

export const applicationHandlers: Record<string, Handler> = {
  list: (r) => ok([...r.core.hub.apps.values()].map((a) => a.toJSON())),
  get: (r) => ok(app(r).toJSON()),
  subscribe: (r) => ok(subscribe(r)),
  unsubscribe: (r) => ok(unsubscribe(r)),
  // ast_ari_applications_filter -> stasis_app_event_filter_set: disallowed first, then allowed
  // (a bad allowed list answers 400 after disallowed was already replaced)
  filter: (r) => {
    const a = app(r);
    const disallowed = filterFor(r.body, 'disallowed');
    if (disallowed !== 'keep') a.disallowed = disallowed;
    const allowed = filterFor(r.body, 'allowed');
    if (allowed !== 'keep') a.allowed = allowed;
    return ok(a.toJSON());
  },
};

const USER_EVENT_SCHEMES = new Set(['channel', 'bridge', 'endpoint']);

export const eventHandlers: Record<string, Handler> = {
  userEvent: (r) => {
    const appName = arg(r, 'application');
    if (!appName) throw new HttpError(400, 'Missing parameter application');
    const a = app(r, appName);
    const c = r.core;
    const fields: JsonObject = { eventname: r.path.eventName };
    const subjects: Subjects = { onlyApp: a.name };
    // stasis_app_user_event: the variables object gets "eventname" before any source is read
    const b = r.body;
    let vars: JsonObject = {};
    if (b && typeof b === 'object' && !Array.isArray(b) && 'variables' in b) {
      const v = bodyObject(r, 'variables');
      if (!v) throw new HttpError(500, 'Error processing request');
      vars = v;
    }
    const src = multi(r, 'source');
    if (src) {
      for (const s of src) {
        // stasis_app_user_event: only channel:, bridge: and endpoint: (no deviceState:)
        const i = s.indexOf(':');
        const scheme = i < 0 ? '' : s.slice(0, i);
        const id = s.slice(i + 1);
        if (!USER_EVENT_SCHEMES.has(scheme)) throw new HttpError(400, 'Invalid event source URI scheme');
        if (scheme === 'channel') {
          const ch = c.engine.get(id);
          if (!ch) throw new HttpError(422, 'Event source was not found');
          fields.channel = ch.toJSON();
        } else if (scheme === 'bridge') {
          const b = c.bridges.bridges.get(id);
          if (!b) throw new HttpError(422, 'Event source was not found');
          fields.bridge = b.toJSON();
        } else if (scheme === 'endpoint') {
          const [tech, res] = id.split('/');
          const e = res ? c.endpoints.get(tech, res) : undefined;
          if (!e) throw new HttpError(422, 'Event source was not found');
          fields.endpoint = c.endpoints.toJSON(e);
        }
      }
    }
    const userevent: JsonObject = { ...vars, eventname: r.path.eventName };
    // Always ChannelUserevent, whatever the source (surprise 11); dropped if nobody listens.
    c.hub.emit({ type: 'ChannelUserevent', timestamp: astTimestamp(), ...fields, userevent }, subjects);
    return { status: 204 };
  },
  claimChannel: () => {
    throw new HttpError(501, 'Not implemented by the simulator');
  },
};
