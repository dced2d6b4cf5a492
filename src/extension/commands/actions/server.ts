// Asterisk-wide operations (info, modules, global variables, device states, sounds) as
// plain functions (no vscode).
import type { AsteriskInfo, Module, Sound } from '../../ari/models.generated';
import { attempt } from '../failures';
import type { DeviceStateValue } from '../../ari/resources/deviceStates';
import { ari, type CommandSession } from '../session';

export async function serverInfo(session: CommandSession): Promise<AsteriskInfo> {
  return attempt('read the server info', () => ari(session).asterisk.info());
}

export async function listModules(session: CommandSession): Promise<Module[]> {
  return attempt('list the modules', () => ari(session).asterisk.listModules());
}

export async function reloadModule(session: CommandSession, name: string): Promise<void> {
  await attempt(`reload module ${name}`, () => ari(session).asterisk.reloadModule(name));
}

export async function getGlobalVar(session: CommandSession, variable: string): Promise<string> {
  const r = await attempt(`read global variable ${variable}`, () => ari(session).asterisk.getGlobalVar(variable));
  return r.value;
}

export async function setGlobalVar(session: CommandSession, variable: string, value: string): Promise<void> {
  await attempt(`set global variable ${variable}`, () => ari(session).asterisk.setGlobalVar(variable, value));
}

export const DEVICE_STATES = ['NOT_INUSE', 'INUSE', 'BUSY', 'INVALID', 'UNAVAILABLE', 'RINGING', 'RINGINUSE', 'ONHOLD'] as const;

export async function updateDeviceState(session: CommandSession, name: string, state: string): Promise<void> {
  // Asterisk also takes lower case (transcript 17), so the state is passed as typed.
  await attempt(`set device ${name} to ${state}`, () => ari(session).deviceStates.update(name, state as DeviceStateValue));
}

/** Note: Asterisk emits no DeviceStateChanged for a delete (transcript 17). */
export async function deleteDeviceState(session: CommandSession, name: string): Promise<void> {
  await attempt(`delete device state ${name}`, () => ari(session).deviceStates.delete(name));
}

export async function listSounds(session: CommandSession, lang?: string): Promise<Sound[]> {
  return attempt('list the sounds', () => ari(session).sounds.list({ lang: lang || undefined }));
}

/** Languages a sound exists in, de-duplicated, in the server's order. Pure. */
export function soundLanguages(sound: Sound): string[] {
  return [...new Set((sound.formats ?? []).map((f) => f.language).filter((l) => !!l))];
}
