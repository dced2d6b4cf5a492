# apt-get that waits for a lock another apt or dpkg process holds (unattended-upgrades, a
# second terminal) instead of failing the first run. Sourced by scripts/install-e2e-tools.sh;
# expects log(). APT_LOCK_WAIT: seconds to wait (600); SUDO: "" as root, else "sudo".
APT_LOCK_WAIT="${APT_LOCK_WAIT:-600}"
APT_RETRY_SECONDS="${APT_RETRY_SECONDS:-5}"

# `apt-get update` does not honour DPkg::Lock::Timeout for the lists lock (apt 2.6): retry it
# while another process holds that lock, saying which one.
apt_update() {
  local deadline=$((SECONDS + APT_LOCK_WAIT)) out said=""
  while :; do
    if out=$(${SUDO:-} apt-get -o DPkg::Lock::Timeout="$APT_LOCK_WAIT" update -qq 2>&1); then return 0; fi
    if grep -q 'Could not get lock' <<<"$out" && [ "$SECONDS" -lt "$deadline" ]; then
      [ -n "$said" ] || log "  waiting for another apt process ($(grep -m1 -o 'held by process[^.]*' <<<"$out" || echo 'lock held')), up to ${APT_LOCK_WAIT}s"
      said=1
      sleep "$APT_RETRY_SECONDS"
      continue
    fi
    echo "$out" >&2
    return 1
  done
}

# apt_install <package...>: dpkg's own lock wait covers install.
apt_install() {
  DEBIAN_FRONTEND=noninteractive ${SUDO:-} apt-get -o DPkg::Lock::Timeout="$APT_LOCK_WAIT" install -y -qq "$@" >/dev/null
}
