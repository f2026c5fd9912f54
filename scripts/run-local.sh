#!/usr/bin/env bash
# A sweep on a local Spark, no cluster needed:
#   scripts/run-local.sh SPEC [--out DIR] [--master local[*]] [--fresh | --extend] [--dry-run]
#   scripts/run-local.sh validate SPEC | report DIR | help
# Builds the sweep job first when needed. Results go to results/<spec name> unless --out says otherwise.
# Extra JVM options (e.g. -Xmx8g) can be given in METASWEEP_JAVA_OPTS.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
ensure_built spark-job
jar=$(module_jar spark-job)
case "${1:-}" in
  sweep|validate|report|help|--help|-h) ;;
  *) set -- sweep "$@" ;;
esac
class_archive spark-job "$1"
# The local driver is also the executor: the Java 17 flags go on this JVM, OMP_NUM_THREADS=1 is exported
# by lib/common.sh, and -Xss matches scripts/run-one.sh.
# shellcheck disable=SC2046,SC2086
run_java java -Xss4m ${METASWEEP_JAVA_OPTS:-} $(java17_opens) "${CLASS_ARCHIVE_FLAGS[@]}" \
  -Dlog4j2.configurationFile="$REPO_ROOT/scripts/conf/log4j2.properties" \
  -cp "$jar:$(cat "$REPO_ROOT/spark-job/target/classpath.txt")" \
  io.github.metasweep.spark.cli.Main "$@"
