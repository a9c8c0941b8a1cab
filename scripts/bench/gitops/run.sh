#!/usr/bin/env bash
# Promotion latency and throughput into a generated GitOps monorepo (500 applications by default) with 1, 4 and 16
# concurrent writers: the engine's JGit repository (writers sharing one cache folder, or each with its own) beside
# the git command line, over file:// and smart HTTP (git http-backend). Prints a Markdown table; not a test.
#   scripts/bench/gitops/run.sh [--apps 500] [--writers 1,4,16] [--promotions 48] [--transports file,http]
#                               [--tools jgit-shared,jgit-own,git-cli] [--work DIR]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
cd "$root"

if ! command -v git > /dev/null; then
  echo "The git command line is needed (Debian package git)" >&2
  exit 3
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

./mvnw -B -q -Pbench -pl core test-compile -Djacoco.skip=true
./mvnw -B -q -Pbench -pl core dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/classpath" > /dev/null

java -Xmx2g -cp "core/target/test-classes:core/target/classes:$(cat "$work/classpath")" \
  io.mlgitops.jmh.gitops.GitPromotionBenchmark --work "$work/run" "$@"
