# Phases of a long first-run install, each announced with an estimate and followed by a line
# every PROGRESS_INTERVAL seconds while it runs, so a newcomer never watches a silent terminal.
# Sourced by scripts/install-e2e-tools.sh; test/unit/scripts/progress.test.ts drives it.
PROGRESS_INTERVAL="${PROGRESS_INTERVAL:-15}"
PROGRESS_PREFIX="${PROGRESS_PREFIX:-[setup]}"

progress_clock() {
  local s=$1
  if [ "$s" -ge 60 ]; then printf '%dm %02ds' $((s / 60)) $((s % 60)); else printf '%ds' "$s"; fi
}

# run_phase <n> <total> <label> <estimate> <command...>: runs the command (a function is fine),
# returns its status.
run_phase() {
  local n=$1 total=$2 label=$3 estimate=$4
  shift 4
  local start rc=0 ticker pid
  start=$(date +%s)
  echo "$PROGRESS_PREFIX ($n/$total) $label: starting, usually $estimate"
  (
    # The sleep gets no copy of stdout: a killed ticker must not hold a pipe open.
    while sleep "$PROGRESS_INTERVAL" </dev/null >/dev/null 2>&1; do
      echo "$PROGRESS_PREFIX ($n/$total) $label: still running, $(progress_clock $(($(date +%s) - start))) so far (usually $estimate)"
    done
  ) &
  ticker=$!
  # Started as a job and waited for, not `"$@" || rc=$?`: inside an || list bash ignores
  # `set -e`, and a failing step would run on and report success. Stdin stays (sudo may ask).
  "$@" 0<&0 &
  pid=$!
  wait "$pid" || rc=$?
  kill "$ticker" 2>/dev/null || true
  wait "$ticker" 2>/dev/null || true
  if [ "$rc" -eq 0 ]; then
    echo "$PROGRESS_PREFIX ($n/$total) $label: done in $(progress_clock $(($(date +%s) - start)))"
  else
    echo "$PROGRESS_PREFIX ($n/$total) $label: FAILED after $(progress_clock $(($(date +%s) - start))) (exit $rc)"
  fi
  return "$rc"
}
