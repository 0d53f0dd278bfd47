#!/usr/bin/env bash
# Runs one benchmark main class: builds Tarn and this module, then runs it on a local JVM with the flags Spark 3.5
# needs on Java 17 (read from the ./tarn launcher, so there is one list). Usage: run.sh MAIN_CLASS DEFAULT_HEAP ARGS...
# Environment: BENCH_JAVA_OPTS replaces the JVM options (default -Xmx<DEFAULT_HEAP>), e.g. to add a JFR recording;
# BENCH_SKIP_BUILD=1 skips the Maven build when nothing changed.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
MAIN="$1"
HEAP="$2"
shift 2
cd "$ROOT"

if [[ "${BENCH_SKIP_BUILD:-}" != "1" || ! -f "$HERE/target/classpath-runtime.txt" ]]; then
  echo "bench: building (./mvnw -B -q -DskipTests install)..." >&2
  ./mvnw -B -q -DskipTests install >&2
fi
JAR="$(ls "$HERE"/target/tarn-bench-*.jar | head -1)"
mapfile -t OPENS < <(grep -E '^[[:space:]]+(--add-opens=|-XX:\+IgnoreUnrecognizedVMOptions|-Djdk\.reflect)' "$ROOT/tarn" \
  | sed -e 's/^[[:space:]]*//' -e 's/[[:space:]\\]*$//')

export SPARK_LOCAL_IP=127.0.0.1
# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:--Xmx$HEAP} "${OPENS[@]}" \
  -Dlog4j2.configurationFile="$ROOT/spark-jobs/conf/log4j2.properties" \
  -cp "$JAR:$(cat "$HERE/target/classpath.txt"):$(cat "$HERE/target/classpath-runtime.txt")" "$MAIN" "$@"
