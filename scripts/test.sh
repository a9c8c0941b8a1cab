#!/usr/bin/env bash
# Provisions the test environment and runs the whole build with unit and integration tests.
#   scripts/test.sh [extra Maven arguments]
# The Python virtual environment (MLflow, scikit-learn, skl2onnx, pinned in scripts/requirements-test.txt) lives in
# .cache/venv and is rebuilt only when the requirements change; Prometheus (Debian's package) lives in
# .cache/prometheus; headless Chromium (Debian's package, for the HTML report's browser test) is installed with
# apt-get when missing.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

"$root/scripts/provision-python.sh"
"$root/scripts/provision-prometheus.sh"
chromium=$("$root/scripts/provision-chromium.sh")

export MLGITOPS_PYTHON="$root/.cache/venv/bin/python"
export MLGITOPS_PROMETHEUS="${PROMETHEUS_CACHE:-$root/.cache/prometheus}/usr/bin/prometheus"
export MLGITOPS_CHROMIUM="$chromium"
exec ./mvnw -B verify "$@"
