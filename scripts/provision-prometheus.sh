#!/usr/bin/env bash
# Puts a Prometheus server under .cache/prometheus (usr/bin/prometheus) for the integration tests, without root:
# downloads Debian's prometheus package with apt-get download and unpacks it with dpkg -x. Does nothing when the
# binary is there already. PROMETHEUS_CACHE overrides the folder.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache=${PROMETHEUS_CACHE:-$root/.cache/prometheus}
binary="$cache/usr/bin/prometheus"

if [ -x "$binary" ] && "$binary" --version >/dev/null 2>&1; then
  exit 0
fi
for tool in apt-get dpkg; do
  if ! command -v "$tool" >/dev/null; then
    echo "$tool is missing: provisioning Prometheus needs a Debian-based system (or set MLGITOPS_PROMETHEUS" \
      "to a prometheus binary)" >&2
    exit 3
  fi
done
download=$(mktemp -d)
trap 'rm -rf "$download"' EXIT

fetch() {
  (cd "$download" && apt-get download prometheus >"$download/apt.log" 2>&1)
}

echo "Provisioning Prometheus into $cache (Debian package prometheus)" >&2
if ! fetch; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "apt-get download failed (package lists missing?); running apt-get update and retrying" >&2
    apt-get update >"$download/update.log" 2>&1 || { cat "$download/update.log" >&2; exit 3; }
    fetch || { cat "$download/apt.log" >&2; exit 3; }
  else
    cat "$download/apt.log" >&2
    echo "apt-get download prometheus failed; if the package lists are missing, run 'sudo apt-get update' once" >&2
    exit 3
  fi
fi
package=$(ls "$download"/prometheus_*.deb)
mkdir -p "$cache"
dpkg -x "$package" "$cache"
"$binary" --version | head -1 >&2
