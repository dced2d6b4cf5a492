#!/usr/bin/env bash
# Retakes the README's screenshots (media/screenshots/*.png) from the packaged extension in
# code-server against the simulator's demo calls. Rerun after a visible change and commit the
# pictures; `npm test` does not run it, so CI never rewrites them.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

ensure_node_modules
bash scripts/install-e2e-tools.sh
bash scripts/e2e-test.sh package
ARI_EXPLORER_VSIX="$PWD/test-results/ari-explorer.vsix" node --import tsx test/e2e/screenshots.ts
