// The server configuration the "Getting started with ARI" seed uses, as the walkthrough opens
// it in new untitled editors: http.conf (the built-in HTTP server ARI rides on) and ari.conf
// (ARI on, user `test` / `test_password`), plus the seed's dialplan. Pure text, no vscode.
import { t } from '../../util/l10n';

export interface Snippet {
  /** Shown in the editor tab's language mode. */
  language: string;
  content: string;
}

export function httpConf(): Snippet {
  return {
    language: 'ini',
    content: [
      `; /etc/asterisk/http.conf — ${t('the HTTP server ARI uses (check with: asterisk -rx "http show status")')}`,
      '[general]',
      'enabled = yes',
      'bindaddr = 0.0.0.0',
      'bindport = 8088',
      '',
    ].join('\n'),
  };
}

export function ariConf(): Snippet {
  return {
    language: 'ini',
    content: [
      `; /etc/asterisk/ari.conf — ${t('ARI on, one user (check with: asterisk -rx "ari show status")')}`,
      '[general]',
      'enabled = yes',
      'pretty = yes',
      'allowed_origins = *',
      '',
      '[test]',
      'type = user',
      'read_only = no',
      'password = test_password',
      '',
    ].join('\n'),
  };
}

export function seedDialplan(): Snippet {
  return {
    language: 'asterisk',
    content: [
      `; /etc/asterisk/extensions.conf — ${t('a call into 1776 is handed to the Stasis app hello-world')}`,
      '[from-test]',
      'exten => 1776,1,NoOp()',
      ' same => n,Answer()',
      ' same => n,Stasis(hello-world)',
      ' same => n,Hangup()',
      '',
    ].join('\n'),
  };
}
