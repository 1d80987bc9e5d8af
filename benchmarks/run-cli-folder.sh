#!/usr/bin/env bash
# The CLI target: `streamfold-cli.jar --jsonl` over the 2,000-file folder in under 2 s of wall
# time, JVM start included. Generates the folder first (cached, see Inputs), checks that every
# file folds, then times RUNS runs (default 10) with hyperfine when it is installed, else with
# /usr/bin/time, and prints the median.
set -euo pipefail
cd "$(dirname "$0")/.."
CLI=cli/target/streamfold-cli.jar
JAR=benchmarks/target/benchmarks.jar
{ [ -f "$CLI" ] && [ -f "$JAR" ]; } || mvn -q -pl cli,benchmarks -am package -DskipTests -Dmaven.javadoc.skip -Dmaven.source.skip
FOLDER=$(java -cp "$JAR" io.streamfold.benchmarks.Inputs folder-2000 | awk '{print $NF}')
RUNS=${RUNS:-10}
echo "folder: $FOLDER ($(find "$FOLDER" -type f | wc -l) files, $(du -sh "$FOLDER" | cut -f1))"
java -jar "$CLI" --jsonl "$FOLDER" > /dev/null || { echo "the CLI failed on some file (exit $?)"; exit 1; }
if command -v hyperfine > /dev/null; then
    hyperfine --warmup 1 --runs "$RUNS" --output=null "java -jar $CLI --jsonl $FOLDER"
else
    times=()
    for _ in $(seq "$RUNS"); do
        t=$( { /usr/bin/time -f "%e" java -jar "$CLI" --jsonl "$FOLDER" > /dev/null; } 2>&1 | tail -1)
        times+=("$t")
    done
    printf 'runs (s): %s\n' "${times[*]}"
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m = NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "median wall time: %.2f s over %d runs\n", m, NR}'
fi
