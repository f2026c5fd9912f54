#!/usr/bin/env bash
# A sweep through spark-submit, on any cluster manager:
#   scripts/submit.sh [spark-submit options] SPEC [spark-submit options] [sweep options] [-- sweep options]
#   e.g. scripts/submit.sh --master spark://127.0.0.1:7077 sweeps/smoke.yaml --out results/x  (see scripts/cluster.sh)
#        scripts/submit.sh --master yarn --num-executors 16 sweeps/paper-table1.yaml \
#          -- --out hdfs:///user/me/results/paper-table1
# SPEC is the argument ending in .yaml or .yml; the sweep's own options (--out DIR, --fresh, --extend, --dry-run,
# --progress-seconds S) may stand anywhere, as with run-local.sh; the rest before "--" goes to spark-submit.
# Builds the application jar (spark-job/target/*-shaded.jar: everything but Spark) when it is missing
# or older than the sources. Uses $SPARK_HOME/bin/spark-submit when SPARK_HOME is a Spark installation,
# else SparkSubmit from the project's Spark home (Spark's own jars, see lib/common.sh). The spec is read
# by the driver (client deploy mode).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
usage="usage: scripts/submit.sh [spark-submit options] SPEC [-- sweep options]"
spec=""
submit_opts=()
sweep_opts=()
previous=""
while [[ $# -gt 0 && "$1" != "--" ]]; do
  case "$1" in
    --fresh|--extend|--dry-run) sweep_opts+=("$1"); previous=""; shift; continue ;;
    --out|--progress-seconds)
      if [[ $# -lt 2 || "$2" == --* ]]; then
        echo "$usage" >&2; echo "submit: $1: a value is missing" >&2; exit 2
      fi
      sweep_opts+=("$1" "$2"); previous=""; shift 2; continue ;;
    --out=*|--progress-seconds=*) sweep_opts+=("$1"); previous=""; shift; continue ;;
  esac
  # An option's value is not the spec; --verbose, -v and --supervise take none.
  if [[ -z "$spec" && "$1" =~ \.ya?ml$ && ( "$previous" != -* || "$previous" =~ ^(--verbose|-v|--supervise)$ ) ]]; then
    spec="$1"
  else
    submit_opts+=("$1")
  fi
  previous="$1"
  shift
done
[[ "${1:-}" == "--" ]] && shift
set -- "${sweep_opts[@]+"${sweep_opts[@]}"}" "$@"
if [[ -z "$spec" ]]; then
  echo "$usage" >&2
  echo "submit: no spec file (an argument ending in .yaml or .yml) before --" >&2
  exit 2
fi

app_jar() {
  ls "$REPO_ROOT"/spark-job/target/metasweep-spark-job-*-shaded.jar 2>/dev/null | head -n 1 || true
}
ensure_built spark-job "$(app_jar)"
app=$(app_jar)

jvm_flags="$(java17_opens) -Xss4m"
conf=(
  --class io.github.metasweep.spark.cli.Main
  --conf "spark.driver.extraJavaOptions=$jvm_flags"
  --conf "spark.executor.extraJavaOptions=$jvm_flags"
  --conf spark.executorEnv.OMP_NUM_THREADS=1
  --conf spark.yarn.appMasterEnv.OMP_NUM_THREADS=1
  --conf spark.kubernetes.driverEnv.OMP_NUM_THREADS=1
)
if [[ -n "${SPARK_HOME:-}" && -x "${SPARK_HOME}/bin/spark-submit" ]]; then
  exec "$SPARK_HOME/bin/spark-submit" "${conf[@]}" "${submit_opts[@]}" "$app" sweep "$spec" "$@"
fi
# No Spark installation: SparkSubmit from the project's Spark home, as its bin/spark-submit would run it.
prepare_spark_home
# shellcheck disable=SC2086
exec java $jvm_flags -Dlog4j2.configurationFile="$REPO_ROOT/scripts/conf/log4j2.properties" \
  -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.SparkSubmit \
  "${conf[@]}" "${submit_opts[@]}" "$app" sweep "$spec" "$@"
