#!/usr/bin/env bash
# The real-VS-Code suites (called by scripts/test.sh; each part can be run alone):
#   bash scripts/e2e-test.sh [all|tools|package|suite|browser]
#   tools    scripts/install-e2e-tools.sh (code-server + Node 24 + Chromium, outside the project)
#   package  production build + test-results/ari-explorer.vsix, then what it holds (test/package)
#   suite    extension-host mocha suite (test/suite) inside VS Code's server from code-server
#   browser  Playwright suite (test/e2e/*.e2e.ts) against code-server with the .vsix
# Screenshots and, on failure, VS Code's logs: test-results/suite/, test-results/e2e/.
set -euo pipefail
cd "$(dirname "$0")/.."

what="${1:-all}"
VSIX="test-results/ari-explorer.vsix"

tools() { bash scripts/install-e2e-tools.sh; }

package() {
  mkdir -p test-results
  rm -f "$VSIX"
  npm run --silent package -- -o "$VSIX" >test-results/package.log 2>&1 || { cat test-results/package.log; return 1; }
  echo "packaged $VSIX"
  # What the package holds and its sizes, and no vsce warning (test/package/vsix.test.ts).
  ARI_EXPLORER_VSIX="$PWD/$VSIX" node --import tsx --test --test-reporter=spec test/package/vsix.test.ts
}

suite() {
  [ -f dist/extension.js ] || node scripts/build.mjs >/dev/null
  node scripts/e2e-build-suite.mjs
  node --import tsx test/e2e/runSuite.ts
}

browser() {
  [ -f "$VSIX" ] || package
  ARI_EXPLORER_VSIX="$PWD/$VSIX" node --import tsx node_modules/mocha/bin/mocha.js \
    --timeout 60000 --bail --reporter spec 'test/e2e/*.e2e.ts'
}

case "$what" in
  all) tools && package && suite && browser ;;
  tools|package|suite|browser) "$what" ;;
  *) echo "usage: $0 [all|tools|package|suite|browser]" >&2; exit 2 ;;
esac
