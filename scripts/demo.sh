#!/usr/bin/env bash
# The demo: the built-in sandbox organisation on loopback, and the tool run against it over
# real HTTP with the real code path (SigV4, role chain, clients). No AWS account is touched.
set -euo pipefail
bin="${1:?usage: demo.sh BIN-DIR OUT-DIR}"
out="${2:?usage: demo.sh BIN-DIR OUT-DIR}"
mkdir -p "$out"
here="$(cd "$(dirname "$0")/.." && pwd)"
. "$here/scripts/sandbox-lib.sh"
work="$(mktemp -d)"
trap 'stop_sandbox; rm -rf "$work"' EXIT

echo "== starting the sandbox (sample organisation: a central Quick account and three business units)"
start_sandbox "$bin/chargeback-sandbox" "$work" --sample
# shellcheck disable=SC1091
. "$work/env"
# Keep the user's real AWS files out of the demo.
export AWS_CONFIG_FILE="$work/no-config" AWS_SHARED_CREDENTIALS_FILE="$work/no-credentials"
echo "   listening on $AWS_ENDPOINT_URL"

config="$out/chargeback.yaml"
echo "== chargeback init $config"
"$bin/chargeback" init --force "$config"

echo "== chargeback check --config $config"
"$bin/chargeback" check --config "$config" | tee "$out/check.txt"

echo "== chargeback discover"
"$bin/chargeback" discover --region us-east-1 | tee "$out/discovered.yaml"

echo
echo "Demo output is in $out/ (chargeback.yaml, check.txt, discovered.yaml)."
