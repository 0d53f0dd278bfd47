#!/usr/bin/env bash
# The indicator-search benchmark (dev.tarn.bench.SearchBenchmark); see run.sh and README.md. --help lists its options.
exec "$(dirname "${BASH_SOURCE[0]}")/run.sh" dev.tarn.bench.SearchBenchmark 6g "$@"
