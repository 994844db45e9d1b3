#!/usr/bin/env bash
# Runs eos-bench (Swift, release) and numpy_baseline.py on the same work and prints the rows
# side by side with the speed-ups and the targets.
#
#   Benchmarks/run.sh [--clock cpu] [--only PREFIX]
#
# Default: wall clock, numpy with its default BLAS threads; run it on an idle machine (uptime).
# --clock cpu: thread/process CPU time on both sides and OPENBLAS_NUM_THREADS=1 for numpy, so
# both are one thread on one core; for a machine shared with other jobs. Other arguments go to
# both programs. EOS_BENCH_SCRATCH=DIR selects the SwiftPM scratch path.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mktemp -d)"
numpy_env=()
for a in "$@"; do [[ "$a" == "cpu" ]] && numpy_env=(env OPENBLAS_NUM_THREADS=1); done
scratch=(${EOS_BENCH_SCRATCH:+--scratch-path "$EOS_BENCH_SCRATCH"})
swift build -c release --product eos-bench "${scratch[@]}" >&2
bin="$(swift build -c release --show-bin-path "${scratch[@]}")"
echo "uptime at the start: $(uptime)"
echo "== Swift (eos-bench) =="; "$bin/eos-bench" --tsv "$out/swift.tsv" "$@"
echo; echo "== numpy (numpy_baseline.py) =="
if ! "${numpy_env[@]}" python3 Benchmarks/numpy_baseline.py --tsv "$out/numpy.tsv" "$@"; then
    echo "numpy baseline did not run (see above): no comparison"; exit 1
fi
python3 Benchmarks/numpy_baseline.py --compare "$out/swift.tsv" "$out/numpy.tsv"
echo; echo "uptime at the end: $(uptime)"
