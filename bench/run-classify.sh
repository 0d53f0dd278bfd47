#!/usr/bin/env bash
# The classification benchmark (dev.tarn.bench.ClassifyBenchmark); see run.sh and README.md. --help lists options.
exec "$(dirname "${BASH_SOURCE[0]}")/run.sh" dev.tarn.bench.ClassifyBenchmark 2g "$@"
