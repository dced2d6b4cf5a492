// One keep-alive Agent per connection, built from the profile's TLS options. REST and the
// event WebSocket share it so a CA or an explicit "skip verification" applies to both alike.
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as tls from 'node:tls';
import type { AriTlsOptions } from './options';
import { AriError } from './errors';
import { t } from '../util/l10n';

export function createAgent(url: string, opts: AriTlsOptions = {}): http.Agent {
  const secure = new URL(url).protocol === 'https:';
  if (!secure) return new http.Agent({ keepAlive: true });
  const extra: string[] = [];
  if (opts.caFile) {
    try {
      extra.push(fs.readFileSync(opts.caFile, 'utf8'));
    } catch (err) {
      throw new AriError({
        method: '',
        path: '',
        code: 'TLS_CA_FILE',
        message: t('Cannot read the CA file {0}: {1}', opts.caFile, (err as Error).message),
        hint: t("Check the profile's TLS CA file path (a PEM file with the server's CA or self-signed certificate)."),
      });
    }
  }
  if (opts.ca) extra.push(opts.ca);
  return new https.Agent({
    keepAlive: true,
    // A trusted CA is added to Node's roots, not swapped for them, so a profile that adds a
    // private CA still reaches servers with public certificates.
    ca: extra.length > 0 ? [...tls.rootCertificates, ...extra] : undefined,
    rejectUnauthorized: !opts.insecure,
  });
}
