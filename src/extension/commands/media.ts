// Prompts for "Play Media" and "Record" on a channel or a bridge: the media URI scheme, then
// what to play — the server's own sounds (GET /sounds) with their languages, stored
// recordings, or a number/digits/characters/tone.
import * as vscode from 'vscode';
import type { Sound } from '../ari/models.generated';
import { RECORDING_FORMATS, type IfExists, type PlayParams, type RecordParams } from './actions/channel';
import { listStoredRecordings } from './actions/recording';
import { listSounds, soundLanguages } from './actions/server';
import { askText, pickOne, pickValue } from './prompts';
import type { CommandSession } from './session';
import { validateDigits, validateInteger, validateRecordingName, validateSayNumber, required } from './validate';

// Sounds rarely change while connected: one listing per session.
const soundCache = new WeakMap<CommandSession, Promise<Sound[]>>();

function sounds(session: CommandSession): Promise<Sound[]> {
  let p = soundCache.get(session);
  if (!p) {
    p = listSounds(session);
    soundCache.set(session, p);
    p.catch(() => soundCache.delete(session));
  }
  return p;
}

const SCHEMES = [
  { scheme: 'sound', label: 'sound:', description: 'A sound file of the server (GET /sounds)' },
  { scheme: 'recording', label: 'recording:', description: 'A stored recording' },
  { scheme: 'number', label: 'number:', description: 'Say a number (42 → "forty-two")' },
  { scheme: 'digits', label: 'digits:', description: 'Say digits one by one' },
  { scheme: 'characters', label: 'characters:', description: 'Spell characters' },
  { scheme: 'tone', label: 'tone:', description: 'An indication tone (ring, busy …) or a tone string' },
] as const;

const TONES = ['ring', 'busy', 'congestion', 'dial', 'callwaiting', 'info', 'record', 'stutter'] as const;

export async function askPlayParams(session: CommandSession, targetLabel: string): Promise<PlayParams | undefined> {
  const title = `Play Media on ${targetLabel}`;
  const scheme = await pickOne(
    SCHEMES.map((s) => ({ ...s })),
    title,
    'What kind of media?',
  );
  if (!scheme) return undefined;
  switch (scheme.scheme) {
    case 'sound':
      return askSound(session, title);
    case 'recording': {
      const stored = await listStoredRecordings(session);
      if (stored.length === 0) {
        void vscode.window.showInformationMessage('The server has no stored recordings.');
        return undefined;
      }
      const r = await pickOne(
        stored.map((s) => ({ label: s.name, description: s.format })),
        title,
        'Stored recording to play',
      );
      return r ? { media: [`recording:${r.label}`] } : undefined;
    }
    case 'number': {
      const n = await askText({ title, prompt: 'Number to say', validate: validateSayNumber });
      return n === undefined ? undefined : { media: [`number:${n}`] };
    }
    case 'digits': {
      const d = await askText({ title, prompt: 'Digits to say (0-9, *, #)', validate: validateDigits });
      return d === undefined ? undefined : { media: [`digits:${d}`] };
    }
    case 'characters': {
      const c = await askText({ title, prompt: 'Characters to spell', validate: required('Some characters') });
      return c === undefined ? undefined : { media: [`characters:${c}`] };
    }
    case 'tone': {
      const picked = await pickOne(
        [...TONES.map((t) => ({ label: t, description: 'indications.conf tone' })), { label: '$(edit) Tone string…', description: 'e.g. 440+480/2000,0/4000' }],
        title,
        'Tone to play (it plays until the playback is stopped)',
      );
      if (!picked) return undefined;
      if (!picked.label.startsWith('$(')) return { media: [`tone:${picked.label}`] };
      const s = await askText({ title, prompt: 'Tone string (freq[+freq]/ms, comma separated)', validate: required('A tone string') });
      return s === undefined ? undefined : { media: [`tone:${s}`] };
    }
  }
}

async function askSound(session: CommandSession, title: string): Promise<PlayParams | undefined> {
  const list = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Listing sounds…' },
    () => sounds(session),
  );
  const items = list
    .map((s) => ({ label: s.id, description: soundLanguages(s).join(', '), detail: s.text, sound: s }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const picked = await pickOne(items, title, list.length > 0 ? `${list.length} sounds — type to filter` : 'No sounds listed: type a name');
  if (!picked) return undefined;
  const langs = soundLanguages(picked.sound);
  let lang: string | undefined;
  if (langs.length > 1) {
    const DEFAULT = '(channel language)';
    const l = await pickValue([DEFAULT, ...langs], title, { placeHolder: `Language of ${picked.label}` });
    if (l === undefined) return undefined;
    lang = l === DEFAULT ? undefined : l;
  }
  return { media: [`sound:${picked.label}`], lang };
}

export async function askRecordParams(targetLabel: string): Promise<RecordParams | undefined> {
  const title = `Record ${targetLabel}`;
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  const name = await askText({ title, prompt: 'Recording name (stored under the recordings directory)', value: `rec-${stamp}`, validate: validateRecordingName });
  if (name === undefined) return undefined;
  const format = await pickValue(RECORDING_FORMATS, title, { placeHolder: 'Format', describe: (f) => (f === 'wav' ? 'default' : undefined) });
  if (!format) return undefined;
  const max = await askText({ title, prompt: 'Maximum duration in seconds (empty: no limit)', validate: validateInteger({ min: 0, optional: true }) });
  if (max === undefined) return undefined;
  const ifExists = await pickValue<IfExists>(['fail', 'overwrite', 'append'], title, {
    placeHolder: 'If a recording of that name exists',
    describe: (v) => (v === 'fail' ? 'default: answer 422' : undefined),
  });
  if (!ifExists) return undefined;
  const beep = await pickValue(['no beep', 'beep'], title, { placeHolder: 'Play a beep when recording starts?' });
  if (!beep) return undefined;
  return { name, format, maxDurationSeconds: max ? Number(max) : undefined, ifExists, beep: beep === 'beep' };
}
