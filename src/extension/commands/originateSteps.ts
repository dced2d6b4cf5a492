// "Originate Call…" as one multi-step input: the steps (which depend on the destination), their
// counter (n/N), prompts, validation, the answers remembered for next time, and the originate
// parameters they make. Pure: the QuickInput glue is in originate.ts.
import { t } from '../util/l10n';
import type { OriginateParams } from './actions/originate';
import { parseVariableList, validateEndpoint, validateInteger, validateVariableList, type Validator } from './validate';

export type Destination = 'app' | 'dialplan';

export interface OriginateDraft {
  endpoint: string;
  dest: Destination;
  app: string;
  appArgs: string;
  /** `exten@context[,priority]` */
  target: string;
  callerId: string;
  timeout: string;
  variables: string;
}

export type StepId = keyof OriginateDraft;

export const DEFAULT_DRAFT: OriginateDraft = {
  endpoint: '',
  dest: 'app',
  app: 'hello-world',
  appArgs: '',
  target: '100@default,1',
  callerId: '',
  timeout: '30',
  variables: '',
};

/** Remembered answers are ours, but a workspace state file could hold anything: bounded, typed. */
const MAX_REMEMBERED = 1000;

export function restoreDraft(saved: unknown): OriginateDraft {
  const d: OriginateDraft = { ...DEFAULT_DRAFT };
  if (typeof saved !== 'object' || saved === null) return d;
  const s = saved as Record<string, unknown>;
  for (const k of Object.keys(DEFAULT_DRAFT) as StepId[]) {
    const v = s[k];
    if (typeof v !== 'string' || v.length > MAX_REMEMBERED) continue;
    if (k === 'dest') d.dest = v === 'dialplan' ? 'dialplan' : 'app';
    else d[k] = v;
  }
  return d;
}

export function stepsFor(d: OriginateDraft): StepId[] {
  return d.dest === 'app'
    ? ['endpoint', 'dest', 'app', 'appArgs', 'callerId', 'timeout', 'variables']
    : ['endpoint', 'dest', 'target', 'callerId', 'timeout', 'variables'];
}

export function stepTitle(index: number, steps: readonly StepId[]): string {
  return t('Originate Call ({0}/{1})', index + 1, steps.length);
}

export function stepPrompt(id: StepId): string {
  switch (id) {
    case 'endpoint':
      return t('Endpoint to call (Tech/resource), e.g. PJSIP/alice or Local/1776@from-test');
    case 'dest':
      return t('Where does the answered call go?');
    case 'app':
      return t('Stasis application');
    case 'appArgs':
      return t('Application arguments, comma separated (optional)');
    case 'target':
      return t('Dialplan target as exten@context or exten@context,priority');
    case 'callerId':
      return t('Caller ID (optional), e.g. "Alice" <1001>');
    case 'timeout':
      return t('Seconds to wait for an answer (-1: for ever)');
    case 'variables':
      return t('Channel variables, KEY=VALUE separated by commas (optional)');
  }
}

/** `100@default,2` -> extension/context/priority (priority 1 when left out). */
export function parseTarget(text: string): { extension: string; context: string; priority: number } | undefined {
  const m = /^\s*([^@,\s]+)@([^@,\s]+)\s*(?:,\s*(\d+)\s*)?$/.exec(text);
  return m ? { extension: m[1], context: m[2], priority: m[3] ? Number(m[3]) : 1 } : undefined;
}

const validateTarget: Validator = (v) => (parseTarget(v) ? undefined : t('Use exten@context or exten@context,priority, e.g. 100@default,1'));

export function validateStep(id: StepId, value: string): string | undefined {
  switch (id) {
    case 'endpoint':
      return validateEndpoint(value);
    case 'app':
      return value.trim() ? undefined : t('An application name is required.');
    case 'target':
      return validateTarget(value);
    case 'timeout':
      return validateInteger({ min: -1 })(value);
    case 'variables':
      return validateVariableList(value);
    default:
      return undefined;
  }
}

export function toParams(d: OriginateDraft): OriginateParams {
  const p: OriginateParams = { endpoint: d.endpoint.trim() };
  if (d.dest === 'app') Object.assign(p, { app: d.app.trim(), appArgs: d.appArgs.trim() || undefined });
  else Object.assign(p, parseTarget(d.target));
  const vars = parseVariableList(d.variables);
  return {
    ...p,
    callerId: d.callerId.trim() || undefined,
    timeout: d.timeout.trim() ? Number(d.timeout) : undefined,
    variables: vars.ok && Object.keys(vars.variables).length > 0 ? vars.variables : undefined,
  };
}
