#!/usr/bin/env bash
# Installs Debian's chromium, the browser the browser tests drive through Playwright (Playwright itself downloads
# nothing). Called by this project's MSBuild target when /usr/bin/chromium is missing, and by .ci/run.
set -uo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi
fail() {
  echo "install-chromium.sh: $1" >&2
  echo "install-chromium.sh: the browser tests need Debian's chromium at /usr/bin/chromium; install it with: apt-get install -y chromium" >&2
  exit 1
}
[ "$(id -u)" -eq 0 ] || fail "not running as root, so chromium cannot be installed here."
command -v apt-get >/dev/null 2>&1 || fail "apt-get was not found (this script expects Debian)."

echo "install-chromium.sh: installing Debian's chromium (apt-get)…"
export DEBIAN_FRONTEND=noninteractive
# Wait for another apt run (another test run, unattended upgrades) rather than failing on its lock.
apt_options=(-o DPkg::Lock::Timeout=300)
# dpkg's progress lines would flood the build log: keep apt's output, show it only if something fails.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
apt_failed() {
  tail -n 20 "$log" >&2
  fail "$1"
}
apt-get "${apt_options[@]}" update -qq >"$log" 2>&1 || apt_failed "apt-get update failed (is a Debian mirror reachable?)."
apt-get "${apt_options[@]}" install -y -qq chromium >>"$log" 2>&1 || apt_failed "apt-get install chromium failed."
[ -x /usr/bin/chromium ] || fail "apt-get finished but /usr/bin/chromium is still missing."
echo "install-chromium.sh: $(/usr/bin/chromium --version 2>/dev/null || echo chromium) installed."
