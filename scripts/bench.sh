#!/usr/bin/env bash
# The model's speed figures (docs/performance.md): scripts/bench.sh [repeats] [JMH options...]; one core via
# taskset when present. First the whole runs, one line per figure, from the plain mains in the model's test
# scope (WholeRuns for the pendulum, SinusoidSpeed for the sinusoid family, MetaTransferSpeed for meta-transfer,
# SacSpeed for the symmetry family's SAC); then the JMH
# micro-benchmarks (ModelMicroBench; JMH options such as -f 1 -wi 3 -i 5 or a name pattern after the repeats).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
target="$REPO_ROOT/model/target"
stamp="$target/bench-built.stamp"
# package -DskipTests compiles the test scope too, runs JMH's annotation processor and writes test-classpath.txt
ensure_built model "$stamp"
touch "$stamp"
cp="$target/test-classes:$target/classes:$(cat "$target/test-classpath.txt")"
repeats="${1:-5}"
[[ $# -gt 0 ]] && shift
pin=()
command -v taskset >/dev/null && pin=(taskset -c 0)
"${pin[@]}" java $(java17_opens) -cp "$cp" io.github.metasweep.model.bench.WholeRuns "$repeats"
# issue 18 holds nb-pro against a numpy implementation of the same recipe, side by side on the same core; that
# script is not part of the project: NUMPY_NB_PRO=path/to/script.py runs it here ("$repeats" as its argument)
if [[ -n "${NUMPY_NB_PRO:-}" ]]; then
  OPENBLAS_NUM_THREADS=1 "${pin[@]}" python3 "$NUMPY_NB_PRO" "$repeats"
else
  echo "numpy side by side: NUMPY_NB_PRO=<a numpy nb-pro script printing one line per run> scripts/bench.sh"
fi
# the sinusoid's whole protocols (maml, fomaml, reptile at 70,000 meta-iterations): a few minutes
"${pin[@]}" java $(java17_opens) -cp "$cp" io.github.metasweep.model.sinusoid.SinusoidSpeed
# the meta-transfer family: every encoder of the four benchmarks, 5 epochs extrapolated to 100 (about 10 minutes)
"${pin[@]}" java $(java17_opens) -cp "$cp" io.github.metasweep.model.metatransfer.MetaTransferSpeed
# one per-task SAC training on point navigation (issue 17's target: within 60 s)
"${pin[@]}" java $(java17_opens) -cp "$cp" io.github.metasweep.model.symmetry.SacSpeed
# one RK4 step of the single and the double cart-pole (issue 16's target: well under 1 microsecond)
"${pin[@]}" java $(java17_opens) -cp "$cp" io.github.metasweep.model.metatransfer.dynamics.CartPoleSpeed
exec "${pin[@]}" java $(java17_opens) -cp "$cp" org.openjdk.jmh.Main "$@" 'io\.github\.metasweep\.model\.bench\..*'
