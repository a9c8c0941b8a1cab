#!/usr/bin/env bash
# Creates or refreshes .cache/venv from scripts/requirements-test.txt (pinned versions from PyPI).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
venv="$root/.cache/venv"
requirements="$root/scripts/requirements-test.txt"
stamp="$venv/.requirements.sha256"
wanted=$(sha256sum "$requirements" | cut -d' ' -f1)

if [ -x "$venv/bin/python" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; then
  exit 0
fi
python=${PYTHON:-python3}
echo "Provisioning $venv from $requirements (first run takes a few minutes)" >&2
rm -rf "$venv"
"$python" -m venv "$venv"
for attempt in 1 2 3; do
  if "$venv/bin/pip" install --quiet --disable-pip-version-check --timeout 120 -r "$requirements"; then
    echo "$wanted" > "$stamp"
    exit 0
  fi
  echo "pip install failed (attempt $attempt of 3); retrying in $((attempt * 10)) s" >&2
  sleep $((attempt * 10))
done
echo "Could not install the Python test environment from PyPI; check the network and $requirements" >&2
exit 3
