// Small wrappers over VS Code's input box and QuickPick used by every command, and the
// QuickPicks of live objects from the session's state model (palette invocations).
import * as vscode from 'vscode';
import type { Services } from '../services';
import { bridgeEntry, channelEntry, playbackEntry, recordingEntry, type PickEntry } from './describe';
import type { ChannelView, CommandSession } from './session';
import type { Validator } from './validate';
import { t } from '../util/l10n';
import { profileIdOf } from '../connection/servers';
import { CancelledError } from '../connection/cancelled';
import { shown } from '../util/sanitize';

/**
 * The session a command acts on: the server of the node it starts from; from the palette (no
 * argument) with several servers connected, the one the user picks; otherwise the focused one.
 * A user-facing "Not connected…" error when there is none (ConnectionManager).
 */
export async function sessionOf(services: Services, arg?: unknown): Promise<CommandSession> {
  const manager = services.connections;
  const id = profileIdOf(arg);
  if (id) return manager.requireSession(id);
  const servers = manager.servers;
  if (arg === undefined && servers.length > 1) {
    const items = servers.map((s) => ({
      label: s.profileName,
      description: s.session.info?.system?.version ? `Asterisk ${s.session.info.system.version}` : undefined,
      server: s,
    }));
    const pick = await vscode.window.showQuickPick(items, { placeHolder: t('On which server?'), ignoreFocusOut: true });
    if (!pick) throw new CancelledError();
    return manager.requireSession(pick.server.profileId);
  }
  return manager.requireSession();
}

export interface AskOptions {
  title: string;
  prompt: string;
  value?: string;
  placeHolder?: string;
  validate?: Validator;
  password?: boolean;
}

/** An input box with inline validation; undefined when cancelled. */
export async function askText(o: AskOptions): Promise<string | undefined> {
  const v = await vscode.window.showInputBox({
    title: o.title,
    prompt: o.prompt,
    value: o.value,
    placeHolder: o.placeHolder,
    password: o.password,
    ignoreFocusOut: true,
    validateInput: o.validate ? (text) => o.validate?.(text) : undefined,
  });
  return v === undefined ? undefined : v.trim();
}

export async function pickOne<T extends vscode.QuickPickItem>(items: T[], title: string, placeHolder?: string): Promise<T | undefined> {
  return vscode.window.showQuickPick(items, { title, placeHolder, ignoreFocusOut: true, matchOnDescription: true, matchOnDetail: true });
}

/** QuickPick over plain values: `pickValue(['in','out','both'], ...)`. */
export async function pickValue<V extends string>(
  values: readonly V[],
  title: string,
  opts: { placeHolder?: string; describe?: (v: V) => string | undefined } = {},
): Promise<V | undefined> {
  const item = await pickOne(
    values.map((v) => ({ label: v, description: opts.describe?.(v), value: v })),
    title,
    opts.placeHolder,
  );
  return item?.value;
}

interface EntryItem extends vscode.QuickPickItem {
  id: string;
}

/** Picks among live objects; informs and returns undefined when there are none. `empty` is
 * the whole (translated) message; `noun` alone reads "No {noun} right now.". */
export async function pickEntries(
  entries: PickEntry[],
  o: { title: string; noun?: string; empty?: string; canPickMany?: boolean; placeHolder?: string },
): Promise<string[] | undefined> {
  if (entries.length === 0) {
    void vscode.window.showInformationMessage(o.empty ?? t('No {0} right now.', o.noun ?? ''));
    return undefined;
  }
  const items: EntryItem[] = entries.map((e) => ({ id: e.id, label: e.label, description: e.description, detail: e.detail }));
  if (o.canPickMany) {
    const picked = await vscode.window.showQuickPick(items, {
      title: o.title,
      placeHolder: o.placeHolder,
      canPickMany: true,
      ignoreFocusOut: true,
      matchOnDescription: true,
      matchOnDetail: true,
    });
    return picked && picked.length > 0 ? picked.map((i) => i.id) : undefined;
  }
  const one = await pickOne(items, o.title, o.placeHolder);
  return one ? [one.id] : undefined;
}

export function pickChannels(
  session: CommandSession,
  o: { title: string; canPickMany?: boolean; filter?: (ch: ChannelView) => boolean; noun?: string; empty?: string },
): Promise<string[] | undefined> {
  const list = [...session.model.channels.values()].filter(o.filter ?? (() => true));
  const empty = o.empty ?? (o.noun === undefined ? t('No channels right now.') : undefined);
  return pickEntries(list.map(channelEntry), { title: o.title, noun: o.noun, empty, canPickMany: o.canPickMany });
}

export function pickBridges(session: CommandSession, o: { title: string; canPickMany?: boolean }): Promise<string[] | undefined> {
  return pickEntries([...session.model.bridges.values()].map(bridgeEntry), { title: o.title, empty: t('No bridges right now.'), canPickMany: o.canPickMany });
}

export function pickPlaybacks(session: CommandSession, o: { title: string; canPickMany?: boolean; states?: readonly string[] }): Promise<string[] | undefined> {
  const list = [...session.model.playbacks.values()].filter((p) => !o.states || o.states.includes(p.state));
  return pickEntries(list.map(playbackEntry), { title: o.title, empty: t('No playbacks right now.'), canPickMany: o.canPickMany });
}

export function pickLiveRecordings(
  session: CommandSession,
  o: { title: string; canPickMany?: boolean; states?: readonly string[] },
): Promise<string[] | undefined> {
  const list = [...session.model.recordings.values()].filter((r) => !o.states || o.states.includes(r.state));
  return pickEntries(list.map(recordingEntry), { title: o.title, empty: t('No live recordings right now.'), canPickMany: o.canPickMany });
}

/** "Hung up 3 channels." / "Hung up channel X." */
export function done(message: string): void {
  void vscode.window.showInformationMessage(shown(message, 600));
}

/** English only; translated text uses t('{0} channels', n) and the like. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
