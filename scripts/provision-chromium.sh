#!/usr/bin/env bash
# Makes sure a headless Chromium is installed for the browser tests (HtmlReportBrowserIT) and prints its path:
# installs Debian's chromium package with apt-get (the test machines and CI run as root). Does nothing when the
# browser is there already: MLGITOPS_CHROMIUM, or chromium on the PATH.
set -euo pipefail

find_browser() {
  if [ -n "${MLGITOPS_CHROMIUM:-}" ] && [ -x "$MLGITOPS_CHROMIUM" ]; then
    echo "$MLGITOPS_CHROMIUM"
    return 0
  fi
  command -v chromium 2>/dev/null
}

if [ -n "${MLGITOPS_CHROMIUM:-}" ] && [ ! -x "$MLGITOPS_CHROMIUM" ]; then
  echo "MLGITOPS_CHROMIUM=$MLGITOPS_CHROMIUM is not an executable; looking for chromium on the PATH" >&2
fi

if browser=$(find_browser); then
  echo "$browser"
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "apt-get is missing: provisioning Chromium needs a Debian-based system (or set MLGITOPS_CHROMIUM to a" \
    "chromium binary)" >&2
  exit 3
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Chromium is missing and installing it needs root: run 'sudo apt-get install --no-install-recommends" \
    "chromium' once, or set MLGITOPS_CHROMIUM to a chromium binary" >&2
  exit 3
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT

install() {
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium >"$log" 2>&1
}

echo "Provisioning Chromium (Debian package chromium)" >&2
if ! install; then
  echo "apt-get install failed (package lists missing?); running apt-get update and retrying" >&2
  apt-get update >"$log" 2>&1 || { cat "$log" >&2; exit 3; }
  install || { cat "$log" >&2; exit 3; }
fi
browser=$(find_browser) || { echo "chromium is still not on the PATH after apt-get install" >&2; exit 3; }
"$browser" --version >&2
echo "$browser"
