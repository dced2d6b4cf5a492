// /applications and /events/user handlers: subscriptions, event filters, user events.
import type { StasisApp } from '../apps';
import { astTimestamp } from '../clock';
import { HttpError } from '../errors';
import type { Subjects } from '../hub';
import type { Json, JsonObject } from '../json';
import { arg, bodyObject, ok, type Handler, type Req } from '../router';

function app(r: Req, name = r.path.applicationName): StasisApp {
  const a = r.core.hub.app(name);
  if (!a) throw new HttpError(404, 'Application not found');
  return a;
}

const SCHEMES = new Set(['channel', 'bridge', 'endpoint', 'deviceState']);

function sources(r: Req, param: string): { scheme: string; id: string }[] {
  const raw = arg(r, param);
  if (raw === undefined) throw new HttpError(400, `Missing parameter ${param}`);
  return raw.split(',').map((s) => {
    const i = s.indexOf(':');
    const scheme = i < 0 ? s : s.slice(0, i);
    if (!SCHEMES.has(scheme)) throw new HttpError(400, 'Invalid event source URI scheme');
    return { scheme, id: i < 0 ? '' : s.slice(i + 1) };
  });
}

function subscribe(r: Req): JsonObject {
  const a = app(r);
  const list = sources(r, 'eventSource');
  const c = r.core;
  // Validate the whole list first: one bad item fails the request (20).
  for (const s of list) {
    const exists =
      (s.scheme === 'channel' && (s.id === '' || !!c.engine.get(s.id))) ||
      (s.scheme === 'bridge' && c.bridges.bridges.has(s.id)) ||
      (s.scheme === 'endpoint' && (() => {
        const [tech, res] = s.id.split('/');
        return !!res && !!c.endpoints.get(tech, res);
      })()) ||
      s.scheme === 'deviceState';
    if (!exists) throw new HttpError(422, 'Event source does not exist');
  }
  for (const s of list) {
    if (s.scheme === 'channel') {
      if (s.id === '') a.allChannels = true;
      else {
        a.channels.set(s.id, 'explicit');
      }
    } else if (s.scheme === 'bridge') a.bridges.add(s.id);
    else if (s.scheme === 'endpoint') a.endpoints.add(s.id);
    else a.devices.add(s.id);
  }
  return a.toJSON();
}

function unsubscribe(r: Req): JsonObject {
  const a = app(r);
  const list = sources(r, 'eventSource');
  for (const s of list) {
    if (s.scheme === 'channel' && s.id === '') throw new HttpError(501, 'Method not implemented');
    const has =
      (s.scheme === 'channel' && a.channels.has(s.id)) ||
      (s.scheme === 'bridge' && a.bridges.has(s.id)) ||
      (s.scheme === 'endpoint' && a.endpoints.has(s.id)) ||
      (s.scheme === 'deviceState' && a.devices.has(s.id));
    if (!has) throw new HttpError(422, 'Event source was not subscribed to');
  }
  for (const s of list) {
    if (s.scheme === 'channel') a.channels.delete(s.id);
    else if (s.scheme === 'bridge') a.bridges.delete(s.id);
    else if (s.scheme === 'endpoint') a.endpoints.delete(s.id);
    else a.devices.delete(s.id);
  }
  return a.toJSON();
}

function filterList(v: Json | undefined): JsonObject[] {
  if (!Array.isArray(v)) throw new HttpError(400, 'Invalid format definition');
  return v.map((x) => {
    if (!x || typeof x !== 'object' || Array.isArray(x) || typeof x.type !== 'string') throw new HttpError(400, 'Invalid format definition');
    return x;
  });
}

export const applicationHandlers: Record<string, Handler> = {
  list: (r) => ok([...r.core.hub.apps.values()].map((a) => a.toJSON())),
  get: (r) => ok(app(r).toJSON()),
  subscribe: (r) => ok(subscribe(r)),
  unsubscribe: (r) => ok(unsubscribe(r)),
  filter: (r) => {
    const a = app(r);
    const b = r.body && typeof r.body === 'object' && !Array.isArray(r.body) ? r.body : {};
    // Filter types missing from the body are left as they are; `{}` resets both (10).
    const keys = Object.keys(b);
    if (keys.length === 0) {
      a.allowed = [];
      a.disallowed = [];
    } else {
      const allowed = 'allowed' in b ? filterList(b.allowed) : undefined;
      const disallowed = 'disallowed' in b ? filterList(b.disallowed) : undefined;
      if (allowed) a.allowed = allowed;
      if (disallowed) a.disallowed = disallowed;
    }
    return ok(a.toJSON());
  },
};

export const eventHandlers: Record<string, Handler> = {
  userEvent: (r) => {
    const appName = arg(r, 'application');
    if (!appName) throw new HttpError(400, 'Missing parameter application');
    const a = app(r, appName);
    const c = r.core;
    const fields: JsonObject = { eventname: r.path.eventName };
    const subjects: Subjects = { onlyApp: a.name };
    const src = arg(r, 'source');
    if (src) {
      for (const s of src.split(',')) {
        const i = s.indexOf(':');
        const scheme = i < 0 ? s : s.slice(0, i);
        const id = i < 0 ? '' : s.slice(i + 1);
        if (!SCHEMES.has(scheme)) throw new HttpError(400, 'Invalid event source URI scheme');
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
    const b = r.body;
    let vars: JsonObject = {};
    if (b && typeof b === 'object' && !Array.isArray(b) && 'variables' in b) {
      const v = bodyObject(r, 'variables');
      if (!v) throw new HttpError(500, 'Error processing request');
      vars = v;
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
