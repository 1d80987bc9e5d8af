#!/usr/bin/env bash
# The memory target: a 1 GB chat recording folded from a file (ChunkAssembler.assemble(Path))
# in a 64 MB heap. Generates the input first (cached, see Inputs), then runs the check with
# -Xmx64m; exit status 0 when it folded. HEAP=128m to try another heap.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=benchmarks/target/benchmarks.jar
[ -f "$JAR" ] || mvn -q -pl benchmarks -am package -DskipTests
java -cp "$JAR" io.streamfold.benchmarks.Inputs chat-text-1gb
/usr/bin/env time -f "wall %e s, max RSS %M KB" java -Xmx"${HEAP:-64m}" -cp "$JAR" io.streamfold.benchmarks.LargeFileCheck
