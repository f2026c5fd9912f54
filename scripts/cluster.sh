#!/usr/bin/env bash
# A Spark standalone cluster on this machine, from the project's own jars (no Spark installation):
#   scripts/cluster.sh start    a master and workers on 127.0.0.1; prints the master URL
#   scripts/cluster.sh status   which daemons run (exit 0 when all do, 3 otherwise)
#   scripts/cluster.sh stop     stops them
# Then: scripts/submit.sh --master spark://127.0.0.1:7077 sweeps/smoke.yaml
# Settings (environment): SPARK_MASTER_PORT (7077), SPARK_MASTER_WEBUI_PORT (8080), METASWEEP_WORKERS (2),
# METASWEEP_WORKER_CORES (1), METASWEEP_WORKER_MEMORY (1g), METASWEEP_CLUSTER_DIR (spark-job/target/cluster:
# pid files, logs, the workers' folders). The Spark home's jars/ are Spark's own jars; the application
# jar that spark-submit ships brings ours and ND4J.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

port="${SPARK_MASTER_PORT:-7077}"
ui_port="${SPARK_MASTER_WEBUI_PORT:-8080}"
workers="${METASWEEP_WORKERS:-2}"
cores="${METASWEEP_WORKER_CORES:-1}"
memory="${METASWEEP_WORKER_MEMORY:-1g}"
state="${METASWEEP_CLUSTER_DIR:-$REPO_ROOT/spark-job/target/cluster}"
master_url="spark://127.0.0.1:$port"

daemons() {
  echo master
  for ((i = 1; i <= workers; i++)); do echo "worker-$i"; done
}

running() {
  local pid_file="$state/$1.pid"
  [[ -f "$pid_file" ]] && kill -0 "$(cat "$pid_file")" 2>/dev/null
}

# Starts one daemon in the background with the Spark home's jars, its output in $state/<name>.log.
launch() {
  local name="$1"
  shift
  # shellcheck disable=SC2046
  nohup java -Xmx512m $(java17_opens) -cp "$SPARK_HOME/jars/*" "$@" >"$state/$name.log" 2>&1 &
  echo $! >"$state/$name.pid"
}

# Waits until the master's log shows a line matching $1 $2 times (the daemons log at INFO).
await() {
  local pattern="$1" count="$2" what="$3" deadline=$((SECONDS + 60)) seen
  while true; do
    seen=$(grep -c -e "$pattern" "$state/master.log" 2>/dev/null) || seen=0
    ((seen >= count)) && return 0
    if ((SECONDS > deadline)) || ! running master; then
      echo "cluster: $what did not happen within 60 s; see $state/*.log" >&2
      stop
      exit 1
    fi
    sleep 0.2
  done
}

start() {
  for d in $(daemons); do
    if running "$d"; then
      echo "cluster: $d is running already (pid $(cat "$state/$d.pid")); scripts/cluster.sh stop first" >&2
      exit 2
    fi
  done
  prepare_spark_home
  mkdir -p "$state"
  export SPARK_LOCAL_IP=127.0.0.1 # loopback only, whatever the host name resolves to
  launch master org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port "$ui_port"
  await "I have been elected leader" 1 "the master's start"
  for ((i = 1; i <= workers; i++)); do
    mkdir -p "$state/worker-$i"
    launch "worker-$i" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --webui-port 0 --cores "$cores" \
      --memory "$memory" --work-dir "$state/worker-$i" "$master_url"
  done
  await "Registering worker" "$workers" "the registration of $workers workers"
  echo "cluster: master $master_url (web UI http://127.0.0.1:$ui_port), $workers workers x $cores cores x $memory"
  echo "cluster: logs in $state; run e.g. scripts/submit.sh --master $master_url sweeps/smoke.yaml"
}

stop() {
  local d pid
  for d in $(daemons) ; do
    [[ -f "$state/$d.pid" ]] || continue
    pid=$(cat "$state/$d.pid")
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid"
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -9 "$pid" 2>/dev/null || true
      echo "cluster: stopped $d (pid $pid)"
    fi
    rm -f "$state/$d.pid"
  done
}

status() {
  local d all=0
  for d in $(daemons); do
    if running "$d"; then
      echo "$d: running (pid $(cat "$state/$d.pid"))"
    else
      echo "$d: not running"
      all=3
    fi
  done
  [[ $all -eq 0 ]] && echo "master: $master_url"
  return $all
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *)
    echo "usage: scripts/cluster.sh start|stop|status" >&2
    exit 2
    ;;
esac
