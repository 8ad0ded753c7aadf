#!/usr/bin/env bash
# Drives every emulated operation of the sandbox with boto3: botocore must parse every
# response and the sandbox must accept botocore's signatures.
set -euo pipefail
sandbox="${1:?usage: sandbox-conformance.sh PATH-TO-chargeback-sandbox}"
here="$(cd "$(dirname "$0")/.." && pwd)"
. "$here/scripts/sandbox-lib.sh"
work="$(mktemp -d)"
trap 'stop_sandbox; rm -rf "$work"' EXIT

start_sandbox "$sandbox" "$work" --sample
python3 "$here/Tests/conformance/boto3_sandbox.py" "http://127.0.0.1:$(cat "$work/port")"
