// /asterisk, /endpoints, /sounds, /mailboxes handlers.
import { LOG_DIR } from '../core';
import { HttpError } from '../errors';
import type { JsonObject } from '../json';
import { arg, bodyObject, noContent, numArg, ok, type Handler, type Req } from '../router';
import { getSound, listSounds } from '../sounds';
import { retrieveVariable } from './channels';

function info(r: Req): JsonObject {
  const c = r.core;
  return {
    build: { os: 'Linux', kernel: '6.1.0-sim', machine: 'x86_64', options: 'OPTIONAL_API', date: '2026-11-29 11:05:57 UTC', user: 'root' },
    system: { version: '22.10.1', entity_id: c.hub.asteriskId },
    config: { name: '', default_language: 'en', setid: { user: 'root', group: 'root' } },
    status: { startup_time: c.startupTime, last_reload_time: c.lastReloadTime },
  };
}

/** logger.c make_filename: relative names live in the log directory. */
function logFile(name: string): string {
  if (name.toLowerCase() === 'console') return '';
  if (name.toLowerCase().startsWith('syslog') || name.startsWith('/')) return name;
  return `${LOG_DIR}/${name}`;
}

const LOG_LEVELS = ['DEBUG', 'TRACE', 'NOTICE', 'WARNING', 'ERROR', 'VERBOSE', 'DTMF'];

/** make_components: a comma list of level names (any case, "*" = all); unknown ones are dropped. */
function logConfiguration(components: string): string {
  const words = components.split(',').map((w) => w.trim().toUpperCase());
  return LOG_LEVELS.filter((l) => words.includes(l) || words.includes('*'))
    .map((l) => `${l} `)
    .join('');
}

export const asteriskHandlers: Record<string, Handler> = {
  getInfo: (r) => {
    const all = info(r);
    const only = arg(r, 'only');
    if (!only) return ok(all);
    const keys = only.split(',');
    return ok(Object.fromEntries(Object.entries(all).filter(([k]) => keys.includes(k))));
  },
  ping: (r) => ok({ ping: 'pong', timestamp: new Date().toISOString().replace('Z', '+0000'), asterisk_id: r.core.hub.asteriskId }),
  listModules: (r) => ok(r.core.modules.list()),
  // ast_ari_asterisk_get_module: ast_module_check (base name) first, then an exact-name lookup.
  getModule: (r) => {
    const name = r.path.moduleName;
    if (!r.core.modules.find(name)) throw new HttpError(404, 'Module could not be found in running modules');
    const m = r.core.modules.exact(name);
    if (!m) throw new HttpError(409, 'Module information could not be retrieved');
    return ok(m);
  },
  // ast_ari_asterisk_load_module: already running (any spelling) is 409; a missing file declines.
  loadModule: (r) => {
    const name = r.path.moduleName;
    if (r.core.modules.find(name)) throw new HttpError(409, 'Module is already loaded');
    if (!r.core.modules.load(name)) throw new HttpError(409, 'Module load declined');
    return noContent();
  },
  // ast_ari_asterisk_unload_module with AST_FORCE_SOFT: a module in use stays.
  unloadModule: (r) => {
    const name = r.path.moduleName;
    if (!r.core.modules.find(name)) throw new HttpError(404, 'Module not found in running modules');
    if (!r.core.modules.unload(name)) throw new HttpError(409, 'Module could not be unloaded');
    return noContent();
  },
  // ast_ari_asterisk_reload_module -> ast_module_reload: a module without .reload is 409.
  reloadModule: (r) => {
    const name = r.path.moduleName;
    const res = r.core.modules.reload(name);
    if (res === 'not-found') throw new HttpError(404, 'Module not found in running modules');
    // ast_module_reload stamps ast_lastreloadtime before it looks at the module's .reload.
    r.core.lastReloadTime = new Date().toISOString().replace('Z', '+0000');
    if (res === 'not-implemented') throw new HttpError(409, 'Module does not support reloading');
    if (r.core.modules.find(name)?.name === 'pbx_config.so') r.core.dialplan.reload();
    return noContent();
  },
  listLogChannels: (r) => ok(r.core.logChannels.map(({ dynamic: _d, ...c }) => c)),
  // ast_logger_create_channel: no levels (400), an existing channel of that file (409)
  addLog: (r) => {
    const levels = arg(r, 'configuration');
    if (!levels) throw new HttpError(400, 'Configuration levels are required');
    const file = logFile(r.path.logChannelName);
    if (r.core.logChannels.some((c) => c.channel === file)) throw new HttpError(409, 'Log channel already exists');
    r.core.logChannels.unshift({ channel: file, type: 'File', status: 'Enabled', configuration: logConfiguration(levels), dynamic: true });
    return noContent();
  },
  // ast_logger_remove_channel: only channels added through ARI/CLI (dynamic) can go
  deleteLog: (r) => {
    const file = logFile(r.path.logChannelName);
    const i = r.core.logChannels.findIndex((c) => c.channel === file && c.dynamic);
    if (i < 0) throw new HttpError(404, 'Log channel does not exist');
    r.core.logChannels.splice(i, 1);
    return noContent();
  },
  // ast_logger_rotate_channel: a file channel of that name
  rotateLog: (r) => {
    const file = logFile(r.path.logChannelName);
    if (!r.core.logChannels.some((c) => c.channel === file && c.type === 'File')) throw new HttpError(404, 'Log channel does not exist');
    return noContent();
  },
  // ast_ari_asterisk_get_global_var: ast_str_retrieve_variable with no channel; unset is ""
  getGlobalVar: (r) => {
    const v = arg(r, 'variable');
    if (!v) throw new HttpError(400, 'Variable name is required');
    return ok({ value: retrieveVariable(r, undefined, v) ?? '' });
  },
  // pbx_builtin_setvar_helper(NULL, ...): no value unsets
  setGlobalVar: (r) => {
    const v = arg(r, 'variable');
    if (!v) throw new HttpError(400, 'Variable name is required');
    const key = v.replace(/^_{1,2}/, '');
    const value = arg(r, 'value');
    if (value === undefined) r.core.globals.delete(key);
    else r.core.globals.set(key, value);
    return noContent();
  },
  getObject: () => {
    throw new HttpError(404, 'Configuration class not found');
  },
  updateObject: () => {
    throw new HttpError(404, 'Configuration class not found');
  },
  deleteObject: () => {
    throw new HttpError(404, 'Configuration class not found');
  },
};

/** ast_json_to_ast_variables for the message/refer `variables`: string values only. */
function stringVariables(r: Req): void {
  const vars = bodyObject(r, 'variables');
  if (vars && Object.values(vars).some((v) => typeof v !== 'string')) {
    throw new HttpError(400, "Only string values in the 'variables' object allowed");
  }
}

export const endpointHandlers: Record<string, Handler> = {
  list: (r) => ok(r.core.endpoints.list.map((e) => r.core.endpoints.toJSON(e))),
  listByTech: (r) => {
    const list = r.core.endpoints.list.filter((e) => e.technology === r.path.tech);
    if (list.length === 0) throw new HttpError(404, `No Endpoints found - invalid tech ${r.path.tech}`);
    return ok(list.map((e) => r.core.endpoints.toJSON(e)));
  },
  get: (r) => {
    const e = r.core.endpoints.get(r.path.tech, r.path.resource);
    if (!e) throw new HttpError(404, 'Endpoint not found');
    return ok(r.core.endpoints.toJSON(e));
  },
  // ast_ari_endpoints_send_message: body variables, "to", then ast_msg_send (no route: 404)
  sendMessage: (r) => {
    stringVariables(r);
    if (!arg(r, 'to')) throw new HttpError(400, 'To must be specified');
    throw new HttpError(404, 'Endpoint not found');
  },
  sendMessageToEndpoint: (r) => {
    if (!r.core.endpoints.get(r.path.tech, r.path.resource)) throw new HttpError(404, 'Endpoint not found');
    stringVariables(r);
    return { status: 202 };
  },
  // ast_ari_endpoints_refer: parse_refer_json (variables), "to", then ast_refer_send (no route: 404)
  refer: (r) => {
    stringVariables(r);
    if (!arg(r, 'to')) throw new HttpError(400, 'To must be specified');
    throw new HttpError(404, 'Endpoint not found');
  },
  referToEndpoint: () => {
    throw new HttpError(404, 'Endpoint not found');
  },
};

export const soundHandlers: Record<string, Handler> = {
  // ast_ari_sounds_list: an empty result is a 404
  list: (r) => {
    const list = listSounds(arg(r, 'lang'), arg(r, 'format'));
    if (list.length === 0) throw new HttpError(404, 'No sounds found that matched the query');
    return ok(list);
  },
  get: (r) => {
    const s = getSound(r.path.soundId);
    if (!s) throw new HttpError(404, 'Sound not found');
    return ok(s);
  },
};

export const mailboxHandlers: Record<string, Handler> = {
  list: (r) => ok([...r.core.mailboxes].map(([name, m]) => ({ name, old_messages: m.old, new_messages: m.new }))),
  get: (r) => {
    const m = r.core.mailboxes.get(r.path.mailboxName);
    if (!m) throw new HttpError(404, 'Mailbox is does not exist');
    return ok({ name: r.path.mailboxName, old_messages: m.old, new_messages: m.new });
  },
  update: (r) => {
    r.core.mailboxes.set(r.path.mailboxName, { old: numArg(r, 'oldMessages', 0), new: numArg(r, 'newMessages', 0) });
    return noContent();
  },
  delete: (r) => {
    if (!r.core.mailboxes.delete(r.path.mailboxName)) throw new HttpError(404, 'Mailbox does not exist');
    return noContent();
  },
};
