// The status-bar line of a playback started from a command. It says what plays where, by the
// target's name (a playback id is a UUID that the status bar cuts mid-way), and follows the
// playback's own events: a PlaybackFinished (or the target going away) replaces "playing" with
// "finished", so the line never claims a playback that has ended.
import * as vscode from 'vscode';
import type { AriEvent } from '../ari/events.generated';
import type { CommandSession } from './session';
import { t } from '../util/l10n';

/** How long "finished" stays; and how long "playing" stays at most if no event ever comes. */
const FINISHED_MS = 4000;
const LONGEST_MS = 10 * 60_000;

export type PlaybackOutcome = 'finished' | 'failed' | 'gone';

/** What a playback's events say about it: undefined while it plays. */
export function playbackOutcome(event: AriEvent, playbackId: string): PlaybackOutcome | undefined {
  if (event.type !== 'PlaybackFinished' && event.type !== 'PlaybackStarted') return undefined;
  const p = (event as { playback?: { id?: unknown; state?: unknown } }).playback;
  if (!p || p.id !== playbackId) return undefined;
  if (event.type === 'PlaybackStarted') return p.state === 'failed' ? 'failed' : undefined;
  return p.state === 'failed' ? 'failed' : 'finished';
}

export function playingText(media: readonly string[], target: string): string {
  return t('$(play) ARI: playing {0} on {1}', media.join(', '), target);
}

export function outcomeText(outcome: PlaybackOutcome, media: readonly string[], target: string): string {
  const what = media.join(', ');
  if (outcome === 'failed') return t('ARI: playback of {0} on {1} failed', what, target);
  if (outcome === 'gone') return t('ARI: playback of {0} on {1} ended with its target', what, target);
  return t('ARI: finished playing {0} on {1}', what, target);
}

/**
 * Shows "playing …" until the playback's end arrives. `stillThere` says whether the target
 * exists; when a batch shows it gone, the line ends too (a hung-up channel's playback never
 * sends PlaybackFinished on some servers).
 */
export function showPlaybackStatus(
  session: CommandSession,
  playbackId: string,
  media: readonly string[],
  target: string,
  stillThere: () => boolean,
): vscode.Disposable {
  let line = vscode.window.setStatusBarMessage(playingText(media, target), LONGEST_MS);
  let timer: ReturnType<typeof setTimeout> | undefined = undefined;
  const sub = session.onEvents((records) => {
    let outcome: PlaybackOutcome | undefined;
    for (const r of records) outcome = playbackOutcome(r.event, playbackId) ?? outcome;
    if (!outcome && !stillThere()) outcome = 'gone';
    if (!outcome) return;
    sub.dispose();
    line.dispose();
    line = vscode.window.setStatusBarMessage(outcomeText(outcome, media, target), FINISHED_MS);
  });
  timer = setTimeout(() => sub.dispose(), LONGEST_MS);
  // A status line must not keep a plain-Node test process alive.
  (timer as { unref?: () => void }).unref?.();
  return {
    dispose: () => {
      if (timer) clearTimeout(timer);
      timer = undefined;
      sub.dispose();
      line.dispose();
    },
  };
}
