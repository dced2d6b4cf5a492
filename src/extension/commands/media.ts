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
import { t } from '../util/l10n';

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

const schemes = () =>
  [
    { scheme: 'sound', label: 'sound:', description: t('A sound file of the server (GET /sounds)') },
    { scheme: 'recording', label: 'recording:', description: t('A stored recording') },
    { scheme: 'number', label: 'number:', description: t('Say a number (42 → "forty-two")') },
    { scheme: 'digits', label: 'digits:', description: t('Say digits one by one') },
    { scheme: 'characters', label: 'characters:', description: t('Spell characters') },
    { scheme: 'tone', label: 'tone:', description: t('An indication tone (ring, busy …) or a tone string') },
  ] as const;

const TONES = ['ring', 'busy', 'congestion', 'dial', 'callwaiting', 'info', 'record', 'stutter'] as const;

/**
 * `language` is the target's: a channel's own `language` (what ARI plays when no lang is
 * given), or undefined for a bridge, where each member channel keeps its own.
 */
export async function askPlayParams(session: CommandSession, targetLabel: string, language?: string): Promise<PlayParams | undefined> {
  const title = t('Play Media on {0}', targetLabel);
  const scheme = await pickOne(
    schemes().map((s) => ({ ...s })),
    title,
    t('What kind of media?'),
  );
  if (!scheme) return undefined;
  switch (scheme.scheme) {
    case 'sound':
      return askSound(session, title, language);
    case 'recording': {
      const stored = await listStoredRecordings(session);
      if (stored.length === 0) {
        void vscode.window.showInformationMessage(t('The server has no stored recordings.'));
        return undefined;
      }
      const r = await pickOne(
        stored.map((s) => ({ label: s.name, description: s.format })),
        title,
        t('Stored recording to play'),
      );
      return r ? { media: [`recording:${r.label}`] } : undefined;
    }
    case 'number': {
      const n = await askText({ title, prompt: t('Number to say'), validate: validateSayNumber });
      return n === undefined ? undefined : { media: [`number:${n}`] };
    }
    case 'digits': {
      const d = await askText({ title, prompt: t('Digits to say (0-9, *, #)'), validate: validateDigits });
      return d === undefined ? undefined : { media: [`digits:${d}`] };
    }
    case 'characters': {
      const c = await askText({ title, prompt: t('Characters to spell'), validate: required(t('Some characters')) });
      return c === undefined ? undefined : { media: [`characters:${c}`] };
    }
    case 'tone': {
      const picked = await pickOne(
        [
          ...TONES.map((tone) => ({ label: tone, description: t('indications.conf tone') })),
          { label: `$(edit) ${t('Tone string…')}`, description: t('e.g. {0}', '440+480/2000,0/4000') },
        ],
        title,
        t('Tone to play (it plays until the playback is stopped)'),
      );
      if (!picked) return undefined;
      if (!picked.label.startsWith('$(')) return { media: [`tone:${picked.label}`] };
      const s = await askText({ title, prompt: t('Tone string (freq[+freq]/ms, comma separated)'), validate: required(t('A tone string')) });
      return s === undefined ? undefined : { media: [`tone:${s}`] };
    }
  }
}

async function askSound(session: CommandSession, title: string, language: string | undefined): Promise<PlayParams | undefined> {
  const list = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: t('Listing sounds…') }, () => sounds(session));
  const items = list
    .map((s) => ({ label: s.id, description: soundLanguages(s).join(', '), detail: s.text, sound: s }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const picked = await pickOne(items, title, list.length > 0 ? t('{0} sounds — type to filter', list.length) : t('No sounds listed: type a name'));
  if (!picked) return undefined;
  const langs = soundLanguages(picked.sound);
  let lang: string | undefined;
  if (langs.length > 1) {
    const DEFAULT = defaultLanguageLabel(language);
    const l = await pickValue([DEFAULT, ...langs], title, { placeHolder: t('Language of {0}', picked.label) });
    if (l === undefined) return undefined;
    lang = l === DEFAULT ? undefined : l;
  }
  return { media: [`sound:${picked.label}`], lang };
}

/** The "no lang parameter" choice, saying which language that means. */
export function defaultLanguageLabel(language: string | undefined): string {
  return language ? t('(channel language: {0})', language) : t("(each channel's own language)");
}

export async function askRecordParams(targetLabel: string): Promise<RecordParams | undefined> {
  const title = t('Record {0}', targetLabel);
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  const name = await askText({
    title,
    prompt: t('Recording name (stored under the recordings directory)'),
    value: `rec-${stamp}`,
    validate: validateRecordingName,
  });
  if (name === undefined) return undefined;
  const format = await pickValue(RECORDING_FORMATS, title, { placeHolder: t('Format'), describe: (f) => (f === 'wav' ? t('default') : undefined) });
  if (!format) return undefined;
  const max = await askText({ title, prompt: t('Maximum duration in seconds (empty: no limit)'), validate: validateInteger({ min: 0, optional: true }) });
  if (max === undefined) return undefined;
  const ifExists = await pickValue<IfExists>(['fail', 'overwrite', 'append'], title, {
    placeHolder: t('If a recording of that name exists'),
    describe: (v) => (v === 'fail' ? t('default: answer 422') : undefined),
  });
  if (!ifExists) return undefined;
  const beep = await pickOne(
    [
      { label: t('no beep'), beep: false },
      { label: t('beep'), beep: true },
    ],
    title,
    t('Play a beep when recording starts?'),
  );
  if (!beep) return undefined;
  return { name, format, maxDurationSeconds: max ? Number(max) : undefined, ifExists, beep: beep.beep };
}
