#!/usr/bin/env bash
# Times the Python way (pandas + scikit-learn) against `mlgitops benchmark --test none` on the same generated
# 1,000,000-row data, in one run, and prints wall time, peak memory and the Python/Java ratios. It prints numbers;
# it is not a pass/fail test.
#   scripts/bench/run.sh [FOLDER]          data folder, default .cache/bench (generated when missing)
# Environment: RUNS (timed runs per tool, default 3), MLGITOPS_PYTHON (default .cache/venv/bin/python),
# SKIP_JAVA=1 (time the Python half only), MLGITOPS_JAVA_OPTS (passed to the JVM by bin/mlgitops).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
folder=$(realpath -m "${1:-$root/.cache/bench}")
runs=${RUNS:-3}
python=${MLGITOPS_PYTHON:-$root/.cache/venv/bin/python}

if [ ! -x /usr/bin/time ]; then
  echo "GNU time is needed at /usr/bin/time (Debian package 'time')" >&2
  exit 3
fi
if [ ! -x "$python" ]; then
  echo "No Python at $python; run scripts/provision-python.sh or set MLGITOPS_PYTHON" >&2
  exit 3
fi

"$python" "$root/scripts/bench/make-data.py" "$folder"
# Both tools read the files from the page cache.
cat "$folder/data.csv" "$folder/champion.csv" "$folder/candidate.csv" > /dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# measure NAME COMMAND...: one untimed warm-up run whose standard output must be a JSON document with the metrics,
# then $runs runs under /usr/bin/time with standard output discarded; each appends "seconds KiB" to $work/NAME.
# Exit codes 0 and 1 count as completed (1 = the benchmark gate failed).
measure() {
  local name=$1
  shift
  local run rc out
  for run in $(seq 0 "$runs"); do
    rc=0
    out=/dev/null
    [ "$run" -eq 0 ] && out="$work/$name.json"
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" > "$out" 2> "$work/stderr" || rc=$?
    if [ "$rc" -gt 1 ]; then
      echo "exit code $rc: $(grep -v '^\s*$' "$work/stderr" | tail -n 3 | tr '\n' ' ')" > "$work/$name.failed"
      return 0
    fi
    if [ "$run" -eq 0 ] && ! has_metrics "$work/$name.json"; then
      echo "exit code $rc but no JSON with accuracy_score and roc_auc on standard output" > "$work/$name.failed"
      return 0
    fi
    if [ "$run" -gt 0 ]; then
      tail -n 1 "$work/time" >> "$work/$name"
    fi
  done
}

has_metrics() {
  "$python" - "$1" <<'PY' 2> /dev/null
import json, sys
text = json.dumps(json.load(open(sys.argv[1])))
sys.exit(0 if "accuracy_score" in text and "roc_auc" in text else 1)
PY
}

# summary NAME: "median_seconds min_seconds max_seconds median_peak_mib"
summary() {
  local seconds memory
  seconds=$(cut -d' ' -f1 "$work/$1" | sort -g)
  memory=$(cut -d' ' -f2 "$work/$1" | sort -g)
  printf '%s %s %s %s\n' \
    "$(median <<< "$seconds")" "$(head -n 1 <<< "$seconds")" "$(tail -n 1 <<< "$seconds")" \
    "$(median <<< "$memory" | awk '{printf "%.0f", $1 / 1024}')"
}

median() {
  awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

rows=$(( $(wc -l < "$folder/data.csv") - 1 ))
echo "Benchmark: $rows rows, $runs timed runs per tool after one warm-up, $(nproc) CPUs" >&2

echo "timing python: pandas.read_csv + scikit-learn metrics" >&2
measure python "$python" "$root/scripts/bench/python_benchmark.py" --dataset "$folder/data.csv" --target y \
  --champion "$folder/champion.csv" --candidate "$folder/candidate.csv"

if [ "${SKIP_JAVA:-0}" = 1 ]; then
  echo "skipped (SKIP_JAVA=1)" > "$work/java.failed"
else
  echo "timing java: bin/mlgitops benchmark --test none (the first call builds the jar when needed)" >&2
  measure java "$root/bin/mlgitops" benchmark --dataset "$folder/data.csv" --target y \
    --champion "predictions:$folder/champion.csv" --candidate "predictions:$folder/candidate.csv" \
    --test none --json
fi

printf '\n%-34s %5s %22s %14s\n' "tool" "runs" "wall s median (min-max)" "peak RSS MiB"
for name in python java; do
  label=$([ "$name" = python ] && echo "python (pandas + scikit-learn)" || echo "java (mlgitops benchmark)")
  if [ -f "$work/$name.failed" ]; then
    printf '%-34s %s\n' "$label" "not measured: $(cat "$work/$name.failed")"
  else
    read -r med low high mib <<< "$(summary "$name")"
    printf '%-34s %5s %10s (%s-%s) %14s\n' "$label" "$runs" "$med" "$low" "$high" "$mib"
  fi
done

if [ ! -f "$work/python.failed" ] && [ ! -f "$work/java.failed" ]; then
  read -r python_s _ _ python_mib <<< "$(summary python)"
  read -r java_s _ _ java_mib <<< "$(summary java)"
  awk -v ps="$python_s" -v js="$java_s" -v pm="$python_mib" -v jm="$java_mib" 'BEGIN {
    printf "\nratio python/java: wall time %.2fx, peak memory %.2fx (above 1: Java is faster / leaner)\n",
      ps / js, pm / jm }'
fi
