#!/usr/bin/env bash
# Drives every emulated operation of the sandbox with boto3: botocore must parse every
# response and the sandbox must accept botocore's signatures.
set -euo pipefail
sandbox="${1:?usage: sandbox-conformance.sh PATH-TO-chargeback-sandbox}"
here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

"$sandbox" --sample --port 0 --port-file "$work/port" >"$work/sandbox.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  [ -s "$work/port" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/sandbox.log"; echo "sandbox exited early" >&2; exit 1; }
  sleep 0.1
done
[ -s "$work/port" ] || { cat "$work/sandbox.log"; echo "sandbox did not start" >&2; exit 1; }
python3 "$here/Tests/conformance/boto3_sandbox.py" "http://127.0.0.1:$(cat "$work/port")"
