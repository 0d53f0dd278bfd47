#!/usr/bin/env bash
# The detection benchmark (dev.tarn.bench.DetectBenchmark); see run.sh and README.md. --help lists its options.
exec "$(dirname "${BASH_SOURCE[0]}")/run.sh" dev.tarn.bench.DetectBenchmark 6g "$@"
