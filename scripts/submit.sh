#!/usr/bin/env bash
# A sweep through spark-submit, on any cluster manager:
#   scripts/submit.sh SPEC [spark-submit options] [-- sweep options]
#   e.g. scripts/submit.sh sweeps/paper-table1.yaml --master spark://host:7077 --total-executor-cores 16 \
#          -- --out hdfs:///user/me/results/paper-table1
# Builds the application jar (spark-job/target/*-shaded.jar: everything but Spark) when it is missing
# or older than the sources. Uses $SPARK_HOME/bin/spark-submit when SPARK_HOME is set, else the Spark
# on the build's class path. The spec is read by the driver (client deploy mode).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
if [[ $# -lt 1 || "$1" == -* ]]; then
  echo "usage: scripts/submit.sh SPEC [spark-submit options] [-- sweep options]" >&2
  exit 2
fi
spec="$1"
shift
submit_opts=()
while [[ $# -gt 0 && "$1" != "--" ]]; do
  submit_opts+=("$1")
  shift
done
[[ "${1:-}" == "--" ]] && shift

app=$(ls "$REPO_ROOT"/spark-job/target/metasweep-spark-job-*-shaded.jar 2>/dev/null | head -n 1 || true)
if [[ -z "$app" || -n "$(find "$REPO_ROOT/model/src" "$REPO_ROOT/spark-job/src" "$REPO_ROOT/pom.xml" \
      "$REPO_ROOT/spark-job/pom.xml" -newer "$app" -type f 2>/dev/null | head -n 1)" ]]; then
  echo "building the application jar (first run or sources changed) ..." >&2
  (cd "$REPO_ROOT" && mvn -B -q -ntp -pl spark-job -am package -DskipTests) >&2
  app=$(ls "$REPO_ROOT"/spark-job/target/metasweep-spark-job-*-shaded.jar | head -n 1)
fi

jvm_flags="$(java17_opens) -Xss4m"
conf=(
  --class io.github.metasweep.spark.cli.Main
  --conf "spark.driver.extraJavaOptions=$jvm_flags"
  --conf "spark.executor.extraJavaOptions=$jvm_flags"
  --conf spark.executorEnv.OMP_NUM_THREADS=1
  --conf spark.yarn.appMasterEnv.OMP_NUM_THREADS=1
  --conf spark.kubernetes.driverEnv.OMP_NUM_THREADS=1
)
if [[ -n "${SPARK_HOME:-}" ]]; then
  exec "$SPARK_HOME/bin/spark-submit" "${conf[@]}" "${submit_opts[@]}" "$app" sweep "$spec" "$@"
fi
# No Spark installation: run SparkSubmit from the build's class path (the provided scope is in it).
[[ -f "$REPO_ROOT/spark-job/target/classpath.txt" ]] || ensure_built spark-job
# shellcheck disable=SC2086
exec java $jvm_flags -Dlog4j2.configurationFile="$REPO_ROOT/scripts/conf/log4j2.properties" \
  -cp "$(cat "$REPO_ROOT/spark-job/target/classpath.txt")" org.apache.spark.deploy.SparkSubmit \
  "${conf[@]}" "${submit_opts[@]}" "$app" sweep "$spec" "$@"
