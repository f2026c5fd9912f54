#!/usr/bin/env bash
# One run of one method, no Spark: scripts/run-one.sh --method nb-pro --seed 0 --out result.json (--help for all).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
ensure_built model
jar=$(module_jar model)
class_archive model run-one
# shellcheck disable=SC2046
run_java java -Xss4m $(java17_opens) "${CLASS_ARCHIVE_FLAGS[@]}" -cp "$jar:$(cat "$REPO_ROOT/model/target/classpath.txt")" \
  io.github.metasweep.model.cli.RunOneCommand "$@"
