// Starting VS Code: the server bundled in code-server (for the extension-host suite) and
// code-server itself (for the browser suite and `npm start`).
import { mkdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { freePort, spawnDetached, waitForUrl, type Managed } from './procs';
import { codeServerEntry, node24, node24Env, serverMain } from './tools';

export interface ServerDirs {
  /** Root folder for this run: user-data, extensions, logs. */
  readonly root: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  readonly logFile: string;
}

/**
 * A display language for VS Code without a Marketplace: a language pack entry with no core
 * translations, so VS Code resolves `locale` (the workbench stays English where the pack has
 * nothing, as with a partial pack) and extensions get `vscode.env.language` and their own
 * package.nls.<locale>.json / l10n bundle, as under a real language pack.
 */
function registerLanguagePack(userDataDir: string, locale: string): void {
  const translations = join(userDataDir, `core.${locale}.i18n.json`);
  writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  const pack = {
    hash: `ari-explorer-test-${locale}`,
    extensions: [{ extensionIdentifier: { id: `ari-explorer-test.language-pack-${locale}` }, version: '0.0.0' }],
    translations: { vscode: translations },
    label: locale,
  };
  writeFileSync(join(userDataDir, 'languagepacks.json'), JSON.stringify({ [locale]: pack }));
}

export function serverDirs(root: string, opts: { locale?: string } = {}): ServerDirs {
  const dirs = {
    root,
    userDataDir: join(root, 'user-data'),
    extensionsDir: join(root, 'extensions'),
    logFile: join(root, 'server.log'),
  };
  mkdirSync(dirs.userDataDir, { recursive: true });
  mkdirSync(dirs.extensionsDir, { recursive: true });
  // No welcome page, no trust prompt, no update checks, telemetry off.
  const settingsDir = join(dirs.userDataDir, 'User');
  mkdirSync(settingsDir, { recursive: true });
  writeFileSync(
    join(settingsDir, 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'workbench.enableExperiments': false,
        'chat.disableAIFeatures': true,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'git.openRepositoryInParentFolders': 'never',
      },
      null,
      2,
    ),
  );
  if (opts.locale) {
    registerLanguagePack(dirs.userDataDir, opts.locale);
    writeFileSync(join(settingsDir, 'argv.json'), JSON.stringify({ locale: opts.locale }));
  }
  return dirs;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly proc: Managed;
}

/** VS Code's server (server-main.js) with the smoke-test driver, for extension tests. */
export async function startServerMain(dirs: ServerDirs, env: NodeJS.ProcessEnv = {}): Promise<RunningServer> {
  const port = await freePort();
  const proc = spawnDetached(
    'vscode-server',
    node24,
    [
      serverMain,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--without-connection-token',
      '--accept-server-license-terms',
      '--enable-smoke-test-driver',
      '--disable-telemetry',
      '--disable-workspace-trust',
      '--user-data-dir',
      dirs.userDataDir,
      '--server-data-dir',
      dirs.userDataDir,
      '--extensions-dir',
      dirs.extensionsDir,
    ],
    { env: node24Env(env), logFile: dirs.logFile },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitForUrl(`${url}/version`, 60_000, { proc, ok: (s) => s === 200 });
  return { url, port, proc };
}

function codeServerCommonArgs(dirs: ServerDirs): string[] {
  return ['--user-data-dir', dirs.userDataDir, '--extensions-dir', dirs.extensionsDir];
}

/** `code-server --install-extension x.vsix` into dirs.extensionsDir. */
export function installVsix(dirs: ServerDirs, vsix: string): void {
  const r = spawnSync(
    node24,
    [codeServerEntry, ...codeServerCommonArgs(dirs), '--config', join(dirs.root, 'config.yaml'), '--install-extension', vsix, '--force'],
    { env: node24Env(), encoding: 'utf8', timeout: 120_000 },
  );
  if (r.status !== 0) {
    throw new Error(`installing ${vsix} failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  }
}

/** code-server bound to 127.0.0.1 without auth, opening `folder`. */
export async function startCodeServer(
  dirs: ServerDirs,
  folder: string,
  opts: { port?: number; env?: NodeJS.ProcessEnv; locale?: string } = {},
): Promise<RunningServer> {
  const port = opts.port ?? (await freePort());
  const config = join(dirs.root, 'config.yaml');
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const proc = spawnDetached(
    'code-server',
    node24,
    [
      codeServerEntry,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--config',
      config,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      ...codeServerCommonArgs(dirs),
      ...(opts.locale ? ['--locale', opts.locale] : []),
      folder,
    ],
    { env: node24Env(opts.env), logFile: dirs.logFile },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitForUrl(`${url}/healthz`, 60_000, { proc, ok: (s) => s === 200 });
  return { url, port, proc };
}
