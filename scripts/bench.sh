#!/usr/bin/env bash
# The benchmark: builds chargeback-bench in release mode (debug numbers mislead) and runs it.
# It starts its own sandbox on 127.0.0.1 in-process; no AWS account is touched.
# Arguments go to chargeback-bench: --quick for a short run, --skip-quota-run, --help.
# The last line of output is the results as one JSON object.
set -euo pipefail
swift="${SWIFT:-swift}"
cd "$(dirname "$0")/.."
echo "== building chargeback-bench (release)" >&2
"$swift" build -c release --product chargeback-bench >&2
bin="$("$swift" build -c release --show-bin-path)"
exec "$bin/chargeback-bench" "$@"
