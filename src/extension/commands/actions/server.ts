// Asterisk-wide operations (info, modules, global variables, device states, sounds) as
// plain functions (no vscode).
import type { AsteriskInfo, Module, Sound, Variable } from '../../ari/models.generated';
import { attempt } from '../failures';
import { seg, type CommandSession } from '../session';

export async function serverInfo(session: CommandSession): Promise<AsteriskInfo> {
  return (await attempt('read the server info', () => session.rest.request<AsteriskInfo>('GET', '/asterisk/info'))).body;
}

export async function listModules(session: CommandSession): Promise<Module[]> {
  return (await attempt('list the modules', () => session.rest.request<Module[]>('GET', '/asterisk/modules'))).body;
}

export async function reloadModule(session: CommandSession, name: string): Promise<void> {
  await attempt(`reload module ${name}`, () => session.rest.request('PUT', `/asterisk/modules/${seg(name)}`));
}

export async function getGlobalVar(session: CommandSession, variable: string): Promise<string> {
  const r = await attempt(`read global variable ${variable}`, () =>
    session.rest.request<Variable>('GET', '/asterisk/variable', { query: { variable } }),
  );
  return r.body.value;
}

export async function setGlobalVar(session: CommandSession, variable: string, value: string): Promise<void> {
  await attempt(`set global variable ${variable}`, () =>
    session.rest.request('POST', '/asterisk/variable', { query: { variable, value } }),
  );
}

export const DEVICE_STATES = ['NOT_INUSE', 'INUSE', 'BUSY', 'INVALID', 'UNAVAILABLE', 'RINGING', 'RINGINUSE', 'ONHOLD'] as const;

export async function updateDeviceState(session: CommandSession, name: string, state: string): Promise<void> {
  await attempt(`set device ${name} to ${state}`, () =>
    session.rest.request('PUT', `/deviceStates/${seg(name)}`, { query: { deviceState: state } }),
  );
}

/** Note: Asterisk emits no DeviceStateChanged for a delete (transcript 17). */
export async function deleteDeviceState(session: CommandSession, name: string): Promise<void> {
  await attempt(`delete device state ${name}`, () => session.rest.request('DELETE', `/deviceStates/${seg(name)}`));
}

export async function listSounds(session: CommandSession, lang?: string): Promise<Sound[]> {
  const r = await attempt('list the sounds', () => session.rest.request<Sound[]>('GET', '/sounds', { query: { lang: lang || undefined } }));
  return r.body;
}

/** Languages a sound exists in, de-duplicated, in the server's order. Pure. */
export function soundLanguages(sound: Sound): string[] {
  return [...new Set((sound.formats ?? []).map((f) => f.language).filter((l) => !!l))];
}
