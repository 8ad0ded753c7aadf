#!/usr/bin/env bash
# The demo: the built-in sandbox organisation on loopback, and the tool run against it over
# real HTTP with the real code path (SigV4, role chain, clients, store, attribution, reports).
# The sandbox's data clock is moved through the last two months the way a daily schedule would
# run, so the store holds their complete query history although Athena only shows 45 days.
# No AWS account is touched.
set -euo pipefail
bin="${1:?usage: demo.sh BIN-DIR OUT-DIR}"
out="${2:?usage: demo.sh BIN-DIR OUT-DIR}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
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
store="$out/store.sqlite"
rm -f "$store"
echo "== chargeback init $config"
"$bin/chargeback" init --force "$config"

echo "== chargeback check --config $config"
"$bin/chargeback" check --config "$config" | tee "$out/check.txt"

echo "== chargeback discover"
"$bin/chargeback" discover --region us-east-1 > "$out/discovered.yaml"
echo "   wrote $out/discovered.yaml"

# The two months before this one: the report month and the one before it, for month-over-month.
report_month="$(date -u -d "$(date -u +%Y-%m-01) -1 month" +%Y-%m)"
earlier_month="$(date -u -d "$(date -u +%Y-%m-01) -2 month" +%Y-%m)"
next_month="$(date -u +%Y-%m)"

# The tool takes the sandbox's clock as "now" (CHARGEBACK_NOW); requests are signed in real time.
set_clock() {
  curl -fsS -X POST -H 'Content-Type: application/json' -d "{\"set\": \"$1\"}" "$AWS_ENDPOINT_URL/_sandbox/clock" >/dev/null
  export CHARGEBACK_NOW="$1"
  echo "== the sandbox's clock is now $1"
}
collect() {
  echo "== chargeback collect $*"
  "$bin/chargeback" collect --config "$config" --store "$store" --quiet "$@"
}

# A daily schedule, condensed: mid-month collects, and one after each month has closed.
set_clock "${earlier_month}-25T06:00:00Z"
collect --month "$earlier_month"
set_clock "${report_month}-06T06:00:00Z"
collect --month "$earlier_month"
set_clock "${report_month}-25T06:00:00Z"
collect --month "$report_month"
set_clock "${next_month}-06T06:00:00Z"

echo "== chargeback render --month $earlier_month"
"$bin/chargeback" render --config "$config" --store "$store" --out "$out" --month "$earlier_month" --quiet
echo "== chargeback report --month $report_month (collect the closed month, then render)"
status=0
"$bin/chargeback" report --config "$config" --store "$store" --out "$out" --month "$report_month" --quiet || status=$?
[ "$status" -eq 0 ] || [ "$status" -eq 3 ] || exit "$status"

echo
cat "$out/$report_month/summary.md"
echo
echo "Open the report: $out/$report_month/index.html"
echo "All months:      $out/index.html"
