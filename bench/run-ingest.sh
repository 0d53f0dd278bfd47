#!/usr/bin/env bash
# The ingest benchmark (dev.tarn.bench.IngestBenchmark); see run.sh and README.md. --help lists its options.
exec "$(dirname "${BASH_SOURCE[0]}")/run.sh" dev.tarn.bench.IngestBenchmark 6g "$@"
