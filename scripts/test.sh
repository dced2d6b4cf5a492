#!/usr/bin/env bash
# The README's test command: sets up what is missing, then runs every suite.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

ensure_node_modules
step "contributes up to date" node scripts/merge-contributes.mjs --check
step "l10n bundles complete" node scripts/l10n.mjs --check
step "type-check" npm run --silent typecheck
step "lint" npm run --silent lint
step "build" node scripts/build.mjs
step "unit tests" npm run --silent test:unit
# Real VS Code (code-server's, on Node 24) and Chromium, installed outside the project.
step "e2e tools" bash scripts/e2e-test.sh tools
step "package .vsix" bash scripts/e2e-test.sh package
step "extension-host suite (VS Code server + Chromium)" bash scripts/e2e-test.sh suite
step "browser suite (code-server + Playwright)" bash scripts/e2e-test.sh browser
summary
