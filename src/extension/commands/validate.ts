// Pure input validators for the command prompts. Each returns undefined when the value is
// acceptable, or the reason shown inline in the input box (VS Code's `validateInput`).
// No vscode import: tested in plain Node.

import { t } from '../util/l10n';

export type Validator = (value: string) => string | undefined;

export const required =
  (what: string): Validator =>
  (v) =>
    v.trim() === '' ? t('{0} is required.', what) : undefined;

/** Channel driver endpoints are `Tech/resource`, e.g. `PJSIP/alice` or `Local/100@default`. */
export const validateEndpoint: Validator = (v) => {
  const s = v.trim();
  if (s === '') return t('An endpoint is required, e.g. PJSIP/alice or Local/100@default.');
  if (!/^[A-Za-z][A-Za-z0-9_-]*\/\S+$/.test(s)) return t('Use Tech/resource, e.g. PJSIP/alice or Local/100@default.');
  return undefined;
};

/** What Asterisk's SendDTMF accepts: digits, A-D, * and #, with ',' for a pause. */
export const validateDtmf: Validator = (v) => {
  const s = v.trim();
  if (s === '') return t('Enter at least one DTMF digit.');
  const bad = [...s].find((c) => !/[0-9A-Da-d*#,]/.test(c));
  return bad === undefined ? undefined : t('"{0}" is not a DTMF digit: use 0-9, A-D, * and #, with "," for a pause.', bad);
};

/** For `digits:` media: what SayDigits can say. */
export const validateDigits: Validator = (v) => {
  const s = v.trim();
  if (s === '') return t('Enter the digits to say.');
  return /^[0-9*#]+$/.test(s) ? undefined : t('Digits only: 0-9, * and #.');
};

/** For `number:` media: SayNumber wants an integer. */
export const validateSayNumber: Validator = (v) => (/^-?\d+$/.test(v.trim()) ? undefined : t('A whole number, e.g. 42 or -7.'));

/**
 * Variable names as ARI accepts them: a plain name (`FOO`, `__INHERITED`) or a dialplan
 * function with arguments (`CALLERID(name)`, `CHANNEL(state)`).
 */
export const validateVariableName: Validator = (v) => {
  const s = v.trim();
  if (s === '') return t('A variable name is required.');
  if (!/^[A-Za-z_][A-Za-z0-9_.-]*(\([^()]*\))?$/.test(s)) return t('Use a name like FOO or a function like CALLERID(name); no spaces or "=".');
  return undefined;
};

export interface IntegerRule {
  min?: number;
  max?: number;
  optional?: boolean;
}

export function validateInteger(rule: IntegerRule = {}): Validator {
  return (v) => {
    const s = v.trim();
    if (s === '') return rule.optional ? undefined : t('A number is required.');
    if (!/^-?\d+$/.test(s)) return t('A whole number, please.');
    const n = Number(s);
    if (rule.min !== undefined && n < rule.min) return t('At least {0}.', rule.min);
    if (rule.max !== undefined && n > rule.max) return t('At most {0}.', rule.max);
    return undefined;
  };
}

/** Only `Stasis:` devices are controlled by ARI; others answer 409 "Uncontrolled device". */
export const validateStasisDevice: Validator = (v) => {
  const s = v.trim();
  if (!/^Stasis:\S+$/.test(s)) return t('ARI controls only Stasis devices: Stasis:<name>, e.g. Stasis:demo.');
  return undefined;
};

export const validateRecordingName: Validator = (v) => {
  const s = v.trim();
  if (s === '') return t('A recording name is required.');
  if (/\s/.test(s)) return t('No spaces in a recording name.');
  if (s.startsWith('/') || s.split('/').includes('..')) return t('A name relative to the recordings directory, without "..".');
  return undefined;
};

// `KEY=VALUE` lists typed on one line. Entries are separated by a comma that is followed by
// the next `KEY=`, so values may hold commas (`CALLERID(all)="A, B" <1>` stays whole).
const ENTRY_SPLIT = /,\s*(?=[A-Za-z_][A-Za-z0-9_.-]*(?:\([^()]*\))?\s*=)/;

export type ParsedVariables = { ok: true; variables: Record<string, string> } | { ok: false; error: string };

export function parseVariableList(text: string): ParsedVariables {
  const variables: Record<string, string> = {};
  const s = text.trim();
  if (s === '') return { ok: true, variables };
  for (const raw of s.split(ENTRY_SPLIT)) {
    const entry = raw.trim();
    if (entry === '') continue;
    const eq = entry.indexOf('=');
    if (eq <= 0) return { ok: false, error: t('"{0}" is not KEY=VALUE.', entry) };
    const key = entry.slice(0, eq).trim();
    const nameError = validateVariableName(key);
    if (nameError) return { ok: false, error: `${key}: ${nameError}` };
    variables[key] = entry.slice(eq + 1).trim();
  }
  return { ok: true, variables };
}

export const validateVariableList: Validator = (v) => {
  const r = parseVariableList(v);
  return r.ok ? undefined : r.error;
};

export const validateJson: Validator = (v) => {
  if (v.trim() === '') return undefined;
  try {
    JSON.parse(v);
    return undefined;
  } catch (err) {
    return t('Not valid JSON: {0}', err instanceof Error ? err.message : String(err));
  }
};
