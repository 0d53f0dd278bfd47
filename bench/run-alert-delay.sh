#!/usr/bin/env bash
# Alert delivery delay: Spark commits findings while the alerts service (runnable jar, own JVM) polls, dedups and
# delivers to a local webhook sink. Options: --commits N --alerts-per-commit N --pause MS --poll 1s --service-heap 256m
exec "$(dirname "$0")/run.sh" dev.tarn.bench.AlertDelayBenchmark 3g "$@"
