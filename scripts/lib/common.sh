# Shared by the scripts: the repository root, the pinned BLAS threads and the JVM flags Spark needs on Java 17.
# shellcheck shell=bash
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export REPO_ROOT
# Results depend on the BLAS thread count: one thread per run, recorded in every result.
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"

# The --add-opens list lives in the parent POM (property java17.opens); read it from there.
java17_opens() {
  sed -n 's:.*<java17.opens>\(.*\)</java17.opens>.*:\1:p' "$REPO_ROOT/pom.xml"
}

# A module's own jar (not the application jar, the test jar or shade's original), or nothing.
module_jar() {
  ls "$REPO_ROOT/$1"/target/metasweep-*.jar 2>/dev/null | grep -v -e '-shaded\.jar$' -e '-tests\.jar$' -e '/original-' \
    | head -n 1 || true
}

# Builds a module (and what it needs) when a file its build makes (default: the module's own jar) is
# missing or older than any source file or POM.
ensure_built() {
  local module="$1" made="${2:-$(module_jar "$1")}"
  # the commit the build records (Provenance) must be the checkout's: rebuild when HEAD moved since
  local head
  head="$(git -C "$REPO_ROOT" rev-parse HEAD 2>/dev/null || echo none)"
  if [[ ! -f "$made" || "$(cat "$made.commit" 2>/dev/null)" != "$head" \
      || -n "$(find "$REPO_ROOT/model/src" "$REPO_ROOT/$module/src" "$REPO_ROOT/pom.xml" \
      "$REPO_ROOT/$module/pom.xml" -newer "$made" -type f 2>/dev/null | head -n 1)" ]]; then
    echo "building $module (first run, new commit or sources changed) ..." >&2
    (cd "$REPO_ROOT" && mvn -B -q -ntp -pl "$module" -am package -DskipTests) >&2
    # on a fresh clone there was no jar to name before the build: name it now, or the stamp lands in the cwd
    made="${made:-$(module_jar "$module")}"
    echo "$head" >"$made.commit"
  fi
}

# A Spark home for the project's jars: $REPO_ROOT/spark-job/target/spark-home with jars/ linked to Spark's
# own jars (target/spark-classpath.txt, made by the build). Workers start executors from its jars/ and need
# SPARK_SCALA_VERSION to find them. Exports SPARK_HOME and SPARK_SCALA_VERSION.
prepare_spark_home() {
  local cp="$REPO_ROOT/spark-job/target/spark-classpath.txt" jar
  ensure_built spark-job # the build rewrites $cp only when the class path changes, so its age tells nothing
  export SPARK_HOME="$REPO_ROOT/spark-job/target/spark-home"
  export SPARK_SCALA_VERSION=2.13
  mkdir -p "$SPARK_HOME/jars"
  for jar in $(tr ':' ' ' <"$cp"); do
    ln -sfn "$jar" "$SPARK_HOME/jars/$(basename "$jar")"
  done
}

# Java's class-data sharing for this build (AppCDS): the first successful run of a command after a build writes
# an archive of the classes it loaded when its JVM exits; later runs map that archive instead of loading and
# verifying thousands of classes again (docs/performance.md: a stored 10,000-run sweep, about 20 s -> 15 s).
# METASWEEP_CLASS_ARCHIVE=off runs without it. Sets CLASS_ARCHIVE_FLAGS (an array) for the java command line,
# which run_java then runs.
class_archive() {
  local module="$1" name="$2" dir archive
  CLASS_ARCHIVE_FLAGS=()
  CLASS_ARCHIVE_NEW=""
  [[ "${METASWEEP_CLASS_ARCHIVE:-on}" == off ]] && return 0
  dir="$REPO_ROOT/$module/target/class-archives"
  archive="$dir/$name.jsa"
  # the JVM's own notes on classes it cannot archive (signed jars, old class files) are not the user's concern
  CLASS_ARCHIVE_FLAGS=(-Xlog:cds=off -Xlog:cds+dynamic=off)
  # newer than the last build (ensure_built's stamp, written whenever it builds, the model included), since a
  # build may leave this module's jar as it was while the model's classes on its class path change
  if [[ -f "$archive" && "$archive" -nt "$(module_jar "$module").commit" ]]; then
    CLASS_ARCHIVE_FLAGS+=("-XX:SharedArchiveFile=$archive")
  else
    mkdir -p "$dir"
    rm -f "$archive"
    # a name of its own until the run succeeded: two first runs at once must not write one file together
    CLASS_ARCHIVE_NEW="$dir/$name.$$.jsa"
    CLASS_ARCHIVE_FLAGS+=("-XX:ArchiveClassesAtExit=$CLASS_ARCHIVE_NEW")
  fi
}

# Runs a java command line in place of the script; when it writes a class archive, as a child instead, whose
# archive is kept if it succeeded, with INT, TERM and HUP passed on as TERM (a background child ignores INT).
run_java() {
  [[ -z "$CLASS_ARCHIVE_NEW" ]] && exec "$@"
  trap 'rm -f "$CLASS_ARCHIVE_NEW"' EXIT
  "$@" &
  local child=$! code
  trap 'kill -TERM "$child" 2>/dev/null || true' INT TERM HUP
  while :; do
    code=0
    wait "$child" || code=$?
    kill -0 "$child" 2>/dev/null || break
  done
  if [[ "$code" == 0 && -s "$CLASS_ARCHIVE_NEW" ]]; then
    mv -f "$CLASS_ARCHIVE_NEW" "${CLASS_ARCHIVE_NEW%.*.jsa}.jsa"
  fi
  exit "$code"
}
