#!/usr/bin/env bash
# npm run test:asterisk: the real-server lane. The core's checks (test/real/run.test.ts), then
# the seed's walkthrough in a real VS Code (test/real/walkthrough.real.e2e.ts), against the
# server ARI_EXPLORER_TEST_URL names, or against simulators without it. See the README,
# "Pointing it at your own Asterisk". Not part of npm test (which runs the core's checks
# against the simulator in test/unit/real).
set -euo pipefail
cd "$(dirname "$0")/.."
node --import tsx --test --test-reporter=spec test/real/run.test.ts
bash scripts/install-e2e-tools.sh
bash scripts/e2e-test.sh package
ARI_EXPLORER_VSIX="$PWD/test-results/ari-explorer.vsix" node --import tsx node_modules/mocha/bin/mocha.js \
  --timeout 60000 --bail --reporter spec test/real/walkthrough.real.e2e.ts
