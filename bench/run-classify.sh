#!/usr/bin/env bash
# Runs the classify benchmark (dev.tarn.bench.ClassifyBenchmark): builds Tarn and this module, then runs the benchmark on
# a local JVM with the flags Spark 3.5 needs on Java 17. Arguments are passed through (--help lists them).
# Environment: BENCH_JAVA_OPTS replaces the JVM options (default -Xmx2g), e.g. to add a JFR recording;
# BENCH_SKIP_BUILD=1 skips the Maven build when nothing changed.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
cd "$ROOT"

if [[ "${BENCH_SKIP_BUILD:-}" != "1" || ! -f "$HERE/target/classpath.txt" ]]; then
  echo "run-classify: building (./mvnw -B -q -DskipTests install)..." >&2
  ./mvnw -B -q -DskipTests install >&2
fi
JAR="$(ls "$HERE"/target/tarn-bench-*.jar | head -1)"

# The same list as the ./tarn launcher (org.apache.spark.launcher.JavaModuleOptions).
OPENS=(
  -XX:+IgnoreUnrecognizedVMOptions
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false
)
export SPARK_LOCAL_IP=127.0.0.1
# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:--Xmx2g} "${OPENS[@]}" \
  -Dlog4j2.configurationFile="$ROOT/spark-jobs/conf/log4j2.properties" \
  -cp "$JAR:$(cat "$HERE/target/classpath.txt")" dev.tarn.bench.ClassifyBenchmark "$@"
