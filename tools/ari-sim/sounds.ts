// The sound catalogue (with languages) and media lengths. Lengths are the ones measured on
// the recording server (hello-world en 1.42 s, ru 1.02 s, beep 0.44 s, ~0.8 s per digit).
import type { JsonObject } from './json';

interface SoundDef {
  id: string;
  /** milliseconds per language */
  lengths: Record<string, number>;
}

const both = (en: number, ru = en): Record<string, number> => ({ en, ru });

export const SOUNDS: SoundDef[] = [
  { id: 'hello-world', lengths: both(1420, 1020) },
  { id: 'tt-monkeys', lengths: { en: 9800 } },
  { id: 'tt-weasels', lengths: { en: 4100 } },
  { id: 'demo-congrats', lengths: { en: 14500 } },
  { id: 'demo-instruct', lengths: { en: 21000 } },
  { id: 'demo-echotest', lengths: { en: 5300 } },
  { id: 'beep', lengths: both(440) },
  { id: 'vm-intro', lengths: both(2900) },
  { id: 'vm-goodbye', lengths: both(900) },
  { id: 'vm-nobodyavail', lengths: both(2400) },
  { id: 'vm-login', lengths: both(1600) },
  { id: 'queue-minutes', lengths: both(700) },
  { id: 'conf-now-unmuted', lengths: both(1300) },
  ...'0123456789'.split('').map((d) => ({ id: `digits/${d}`, lengths: both(620) })),
];

const byId = new Map(SOUNDS.map((s) => [s.id, s]));

export function soundExists(id: string, lang?: string): boolean {
  const s = byId.get(id);
  return !!s && (!lang || lang in s.lengths || lang === 'en');
}

/** Milliseconds of `id` in `lang` (falls back to en); undefined when there is no such sound. */
export function soundLength(id: string, lang = 'en'): number | undefined {
  const s = byId.get(id);
  if (!s) return undefined;
  return s.lengths[lang] ?? s.lengths.en ?? Object.values(s.lengths)[0];
}

export function soundJson(s: SoundDef, lang?: string): JsonObject {
  const langs = Object.keys(s.lengths).filter((l) => !lang || l === lang);
  return { id: s.id, formats: langs.map((language) => ({ language, format: 'gsm' })) };
}

/** create_sound_blob keeps the (language, format) pairs matching `lang` and `format`; every sound here is gsm. */
export function listSounds(lang?: string, format?: string): JsonObject[] {
  if (format && format !== 'gsm') return [];
  return SOUNDS.filter((s) => !lang || lang in s.lengths).map((s) => soundJson(s, lang));
}

export function getSound(id: string): JsonObject | undefined {
  const s = byId.get(id);
  return s ? soundJson(s) : undefined;
}

export type MediaPlan = { kind: 'ok'; ms: number } | { kind: 'missing' } | { kind: 'endless' } | { kind: 'vanish' };

/** How a media URI plays: a length, a failure, until stopped, or (unknown scheme) vanish. */
export function planMedia(uri: string, lang: string, recordingMs: (name: string) => number | undefined): MediaPlan {
  const m = /^([a-z]+):(.*)$/.exec(uri);
  if (!m) return { kind: 'vanish' };
  const [, scheme, rest] = m;
  switch (scheme) {
    case 'sound': {
      const ms = soundLength(rest, lang);
      return ms === undefined ? { kind: 'missing' } : { kind: 'ok', ms };
    }
    case 'digits':
      return { kind: 'ok', ms: Math.max(1, rest.length) * 840 };
    case 'characters':
      return { kind: 'ok', ms: Math.max(1, rest.length) * 690 };
    case 'number': {
      // play_on_channel: sscanf("%30d") fails -> the media is skipped like an unknown scheme
      const n = /^\s*([+-]?\d+)/.exec(rest);
      if (!n) return { kind: 'vanish' };
      return { kind: 'ok', ms: Math.max(1, String(Math.abs(parseInt(n[1], 10))).length) * 860 };
    }
    case 'tone':
      return { kind: 'endless' };
    case 'recording': {
      const ms = recordingMs(rest);
      return ms === undefined ? { kind: 'missing' } : { kind: 'ok', ms };
    }
    default:
      return { kind: 'vanish' };
  }
}
