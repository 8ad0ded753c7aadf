#!/usr/bin/env bash
# `make test-ci-examples`: the shell steps of examples/ci run as a scheduled job would, against the
# sandbox's sample organisation, signed in the way CI is: an OIDC token file exchanged through
# AssumeRoleWithWebIdentity for the sample's `chargeback-ci-reporter` role. Checks exit codes,
# the job summary, the step outputs and the month folder, for a complete run, a partial one (one
# business unit denied: exit 3, a warning) and failures. No AWS account is touched.
# usage: test-ci-examples.sh BIN-DIR
set -euo pipefail
bin="$(cd "${1:?usage: test-ci-examples.sh BIN-DIR}" && pwd)"
here="$(cd "$(dirname "$0")/.." && pwd)"
ci="$here/examples/ci"
. "$here/scripts/sandbox-lib.sh"
work="$(mktemp -d)"
OIDC_PID=""
trap 'stop_sandbox; [ -z "$OIDC_PID" ] || kill "$OIDC_PID" 2>/dev/null; rm -rf "$work"' EXIT
fail() { echo "test-ci-examples: $*" >&2; exit 1; }
check() { echo "   ok: $*"; }

# The months around the real date, as demo.sh plays them: the report month is the previous one.
report_month="$(date -u -d "$(date -u +%Y-%m-01) -1 month" +%Y-%m)"
this_month="$(date -u +%Y-%m)"

# A fresh sandbox (FAULTS: its --faults), with the CI's web identity instead of the sample's keys.
start() {
  stop_sandbox
  rm -f "$work/env" "$work/port"
  start_sandbox "$bin/chargeback-sandbox" "$work" --sample ${1:+--faults "$1"}
  # shellcheck disable=SC1091
  . "$work/env"
  unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_PROFILE
  export AWS_CONFIG_FILE="$work/no-config" AWS_SHARED_CREDENTIALS_FILE="$work/no-credentials"
  export AWS_ROLE_ARN="arn:aws:iam::111111111111:role/chargeback-ci-reporter"
}
set_clock() {
  curl -fsS -X POST -H 'Content-Type: application/json' -d "{\"set\": \"$1\"}" "$AWS_ENDPOINT_URL/_sandbox/clock" >/dev/null
  export CHARGEBACK_NOW="$1"
}
# Runs STEP in a job folder like a CI checkout, with the CI's variables (VAR=VALUE arguments).
# Sets STATUS and leaves the step's output in $job/log.
run_step() {
  local step="$1"
  shift
  STATUS=0
  (cd "$job" && env "$@" CHARGEBACK="$bin/chargeback" "$ci/run-chargeback.sh" "$step") >"$job/log" 2>&1 || STATUS=$?
  sed 's/^/   | /' "$job/log"
}
new_job() {
  job="$work/job-$1"
  mkdir -p "$job"
  "$bin/chargeback" init --force "$job/chargeback.yaml" >/dev/null
  : >"$job/summary"
  : >"$job/output"
}

# GitHub's token service, faked on loopback: it wants the job's request token, like the real one.
python3 "$here/scripts/fake-github-oidc.py" "$work/oidc-port" request-secret "eyJhbGciOiJSUzI1NiJ9.github-token.signature" &
OIDC_PID=$!
for _ in $(seq 1 100); do [ -s "$work/oidc-port" ] && break; sleep 0.1; done
[ -s "$work/oidc-port" ] || fail "the fake GitHub token service did not start within 10 s"
token_service="http://127.0.0.1:$(cat "$work/oidc-port")/token?api-version=2.0"

echo "== GitHub Actions: a daily collect (token from the token service), then the monthly report (token file)"
start ""
new_job github
set_clock "${report_month}-20T05:17:00Z"
run_step collect GITHUB_ACTIONS=true NO_PROXY=127.0.0.1 ACTIONS_ID_TOKEN_REQUEST_URL="$token_service" \
  ACTIONS_ID_TOKEN_REQUEST_TOKEN=request-secret
[ "$STATUS" -eq 0 ] || fail "the daily collect exited $STATUS"
grep -q "no store restored: starting fresh" "$job/log" || fail "the first run did not say it starts a fresh store"
[ -s "$job/store/chargeback.sqlite" ] || fail "the daily collect left no store"
grep -q "github-token\|request-secret" "$job/log" && fail "a token reached the log"
check "daily collect exit 0 with the token service's token, fresh store created"

printf 'eyJhbGciOiJSUzI1NiJ9.ci-token.signature' >"$work/token"
github=(GITHUB_ACTIONS=true GITHUB_STEP_SUMMARY="$job/summary" GITHUB_OUTPUT="$job/output" AWS_WEB_IDENTITY_TOKEN_FILE="$work/token")

set_clock "${this_month}-06T06:41:00Z"
run_step report "${github[@]}"
[ "$STATUS" -eq 0 ] || fail "the monthly report exited $STATUS"
grep -q "restored store store/chargeback.sqlite" "$job/log" || fail "the monthly run did not find the store"
month_dir="reports/$report_month"
cmp -s "$job/summary" "$job/$month_dir/summary.md" || fail "GITHUB_STEP_SUMMARY is not the month's summary.md"
grep -q "^# Chargeback — $(date -u -d "${report_month}-01" '+%B %Y')$" "$job/summary" || fail "the summary does not head with $report_month"
grep -qx "month-dir=$month_dir" "$job/output" || fail "GITHUB_OUTPUT has no month-dir=$month_dir: $(cat "$job/output")"
grep -qx "month=$report_month" "$job/output" || fail "GITHUB_OUTPUT has no month=$report_month"
for file in index.html summary.csv report.json focus.csv summary.md; do
  [ -s "$job/$month_dir/$file" ] || fail "the uploaded folder $month_dir has no $file"
done
! grep -q '::warning' "$job/log" || fail "a complete run printed a warning"
check "monthly report exit 0, summary appended, month-dir=$month_dir uploaded with its reports"

echo "== GitLab CI: the token comes from the id_tokens variable; one business unit denied (exit 3)"
start "deny_account=444444444444"
new_job gitlab
set_clock "${this_month}-06T06:41:00Z"
gitlab=(GITLAB_CI=true AWS_ID_TOKEN="eyJhbGciOiJSUzI1NiJ9.gitlab-token.signature")
run_step report "${gitlab[@]}"
[ "$STATUS" -eq 3 ] || fail "a partial report under GitLab exited $STATUS, not 3 (allow_failure: exit_codes: [3])"
grep -q "^warning: chargeback report $report_month is partial" "$job/log" || fail "the partial run gave no warning"
[ -s "$job/reports/$report_month/summary.md" ] || fail "the partial run wrote no reports"
grep -q "gitlab-token" "$job/log" && fail "the OIDC token reached the log"
[ -z "$(find "$job" "${TMPDIR:-/tmp}" -maxdepth 1 -name 'chargeback-oidc.*' 2>/dev/null)" ] || fail "the token file was left behind"
check "partial report exit 3 with a warning, reports written, token file removed"

echo "== GitHub Actions: the same partial run is a ::warning:: annotation and exit 0"
new_job github-partial
run_step collect GITHUB_ACTIONS=true GITHUB_STEP_SUMMARY="$job/summary" GITHUB_OUTPUT="$job/output" \
  AWS_WEB_IDENTITY_TOKEN_FILE="$work/token"
[ "$STATUS" -eq 0 ] || fail "a partial collect on GitHub exited $STATUS, not 0"
grep -q "^::warning title=chargeback partial::chargeback collect $this_month is partial" "$job/log" ||
  fail "no ::warning:: annotation for the partial collect"
check "partial collect: ::warning:: annotation, exit 0"

echo "== failures fail the job"
new_job failures
run_step collect GITHUB_ACTIONS=true AWS_WEB_IDENTITY_TOKEN_FILE="$work/token" CHARGEBACK_CONFIG=missing.yaml
[ "$STATUS" -eq 2 ] || fail "a missing configuration exited $STATUS, not 2"
grep -q "^::error title=chargeback failed::" "$job/log" || fail "no ::error:: annotation for a failed step"
run_step collect GITLAB_CI=true AWS_ROLE_ARN="arn:aws:iam::111111111111:role/qs-athena-cross-account-role-a" \
  AWS_ID_TOKEN="eyJhbGciOiJSUzI1NiJ9.gitlab-token.signature"
[ "$STATUS" -ne 0 ] && [ "$STATUS" -ne 3 ] || fail "a role that trusts no OIDC provider exited $STATUS"
run_step collect GITHUB_ACTIONS=true NO_PROXY=127.0.0.1 ACTIONS_ID_TOKEN_REQUEST_URL="$token_service" \
  ACTIONS_ID_TOKEN_REQUEST_TOKEN=wrong-secret
[ "$STATUS" -eq 1 ] || fail "a refused GitHub token request exited $STATUS, not 1"
grep -q "GitHub's token service gave no OIDC token" "$job/log" || fail "a refused token request is not explained"
run_step collect GITLAB_CI=true
[ "$STATUS" -eq 1 ] || fail "a GitLab job without its id_tokens variable exited $STATUS, not 1"
grep -q "no OIDC token" "$job/log" || fail "a missing OIDC token is not explained"
printf 'not a database' >"$job/store/chargeback.sqlite"
run_step report GITLAB_CI=true AWS_ID_TOKEN="eyJhbGciOiJSUzI1NiJ9.gitlab-token.signature"
grep -q "not a SQLite database: set aside" "$job/log" || fail "a damaged store was not set aside"
check "bad configuration (2), untrusted role, refused token request, missing token (1) fail; a damaged store is set aside"
echo "test-ci-examples: passed"
