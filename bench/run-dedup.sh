#!/usr/bin/env bash
# Dedup benchmark (alerts service): matches/s into alerts, Tarn's per-batch transactions vs Panther's per-group
# writes, same database and dedup code. Options: --matches N --keys N --batch N --rounds N --db h2|jdbc:postgresql://...
exec "$(dirname "$0")/run.sh" dev.tarn.bench.DedupBenchmark 2g "$@"
