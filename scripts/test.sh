#!/usr/bin/env bash
# The test command: every module's unit tests and integration tests, on a fresh clone.
set -euo pipefail
cd "$(dirname "$0")/.."
export OMP_NUM_THREADS=1
exec mvn -B -ntp verify "$@"
