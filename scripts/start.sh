#!/usr/bin/env bash
# The README's first command (`npm start`): installs what is missing (npm ci, code-server,
# Node 24 and Chromium outside the project), builds and packages the extension (.vsix), starts
# the ARI simulator with demo traffic and code-server with the extension and a "Simulator"
# profile, opens demo/ and prints the URL. Ctrl+C stops everything it started.
#   ARI_SIM_PORT=8088 PORT=8080 npm start       (defaults; a free port is used when one is taken)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

ensure_node_modules
bash scripts/install-e2e-tools.sh
echo "== packaging the extension"
rm -f ari-explorer-*.vsix
mkdir -p .vscode-test
npm run --silent package >.vscode-test/package.log 2>&1 || { cat .vscode-test/package.log; exit 1; }
ARI_EXPLORER_VSIX="$PWD/$(ls ari-explorer-*.vsix | tail -n 1)"
export ARI_EXPLORER_VSIX
exec node --import tsx test/e2e/start.ts
