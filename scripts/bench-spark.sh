#!/usr/bin/env bash
# Spark's overhead on a sweep: 100 short runs on local[2], from scratch, for each spec given
# (default: sweeps/bench-overhead.yaml and sweeps/bench-overhead-1000.yaml).
#   scripts/bench-spark.sh [SPEC...]
# The sweep prints overhead = wall time of the Spark job / (sum of run seconds / 2) - 1; this script
# adds the whole command's wall time (JVM and SparkSession start and the tables included).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
[[ $# -gt 0 ]] || set -- "$REPO_ROOT/sweeps/bench-overhead.yaml" "$REPO_ROOT/sweeps/bench-overhead-1000.yaml"
ensure_built spark-job
for spec in "$@"; do
  start=$(date +%s.%N)
  "$REPO_ROOT/scripts/run-local.sh" sweep "$spec" --master 'local[2]' --fresh \
    --out "$REPO_ROOT/results/bench-$(basename "$spec" .yaml)" | grep -E '^(sweep |done:)'
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "whole command: %.1f s (JVM start, SparkSession, job, tables)\n\n", e - s }'
done
