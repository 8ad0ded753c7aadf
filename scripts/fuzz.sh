#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/ (AddressSanitizer on) and runs each for FUZZ_SECONDS.
# Usage: scripts/fuzz.sh [target...]   (default: every target; names as in Fuzz/Corpus)
# New inputs go to Fuzz/.build/corpus/<target>; the committed seeds in Fuzz/Corpus stay as they are.
# A crash, hang or leak leaves its input in Fuzz/.build/artifacts/ and fails the script.
set -euo pipefail

SWIFT=${SWIFT:-swift}
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
FUZZ_ARGS=${FUZZ_ARGS:-}
cd "$(cd "$(dirname "$0")/.." && pwd -P)/Fuzz"

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(athena-json sts-xml ini config); fi

# SwiftPM's --sanitize=fuzzer only links libFuzzer for Swift code; -Xswiftc adds the coverage
# instrumentation (8-bit counters, comparisons) to every Swift module, the project's included.
flags=(--sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address)
"$SWIFT" build "${flags[@]}"
bin=$("$SWIFT" build "${flags[@]}" --show-bin-path)
# A crash is libFuzzer's to report; Swift's own backtracer would only slow it down.
export SWIFT_BACKTRACE=enable=no
# Allocations that Foundation keeps for the life of the process are not leaks (see the file).
export LSAN_OPTIONS="suppressions=$PWD/lsan.supp:print_suppressions=0"

mkdir -p .build/artifacts
status=0
for target in "${targets[@]}"; do
    mkdir -p ".build/corpus/$target"
    echo "== fuzz-$target for ${FUZZ_SECONDS}s"
    # -timeout: one input taking 10 s is a hang; -rss_limit_mb: a run growing past 2 GB is a leak.
    # shellcheck disable=SC2086
    "$bin/fuzz-$target" ".build/corpus/$target" "Corpus/$target" \
        -max_total_time="$FUZZ_SECONDS" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
        -print_final_stats=1 -artifact_prefix=".build/artifacts/$target-" $FUZZ_ARGS \
        || { echo "fuzz-$target FAILED: see Fuzz/.build/artifacts/$target-*"; status=1; }
done
exit $status
