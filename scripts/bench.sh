#!/usr/bin/env bash
# The model's speed figures (docs/performance.md): scripts/bench.sh [repeats]; one core via taskset when present.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
ensure_built model
jar=$(ls "$REPO_ROOT"/model/target/metasweep-model-*.jar | head -n 1)
pin=()
command -v taskset >/dev/null && pin=(taskset -c 0)
exec "${pin[@]}" java -cp "$jar:$(cat "$REPO_ROOT/model/target/classpath.txt")" \
  io.github.metasweep.model.bench.ModelBenchmark "$@"
