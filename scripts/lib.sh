# Shared by scripts/test.sh and scripts/start.sh.
STEPS_PASSED=0
STEPS_FAILED=0

ensure_node_modules() {
  # npm ci only when node_modules is missing or older than the lock file.
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "== installing npm dependencies (npm ci, about 1 min, once)"
    npm ci --no-audit --no-fund
  fi
}

step() {
  local name="$1"; shift
  echo "== $name"
  if "$@"; then
    STEPS_PASSED=$((STEPS_PASSED + 1))
  else
    STEPS_FAILED=$((STEPS_FAILED + 1))
    echo "!! step failed: $name"
    summary
  fi
}

summary() {
  echo "steps: ${STEPS_PASSED} passed, ${STEPS_FAILED} failed"
  [ "$STEPS_FAILED" -eq 0 ] || exit 1
}
