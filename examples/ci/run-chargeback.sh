#!/usr/bin/env bash
# One scheduled step of chargeback, the same in every CI:
#   run-chargeback.sh collect   the daily collect of the current month into the store
#   run-chargeback.sh report    the monthly report of the previous month (collect + render)
# Exit 3 (partial: data stored or reports written, but some business unit failed) is a warning:
# on GitHub Actions a `::warning::` annotation and exit 0 (a step has no "allowed" exit codes);
# elsewhere exit 3, which GitLab's `allow_failure: exit_codes: [3]` shows as a warning.
# Any other failure keeps its exit code and fails the job.
#
# Environment (all optional):
#   CHARGEBACK         the binary (default: chargeback on PATH)
#   CHARGEBACK_CONFIG  the configuration (default: chargeback.yaml)
#   CHARGEBACK_STORE   the store kept between runs (default: store/chargeback.sqlite)
#   CHARGEBACK_OUT     where the reports go (default: reports)
#   CHARGEBACK_MONTH   YYYY-MM; default: the current month for collect, the previous one for report (UTC)
#   AWS_ROLE_ARN       the role to take with the CI's OIDC token; when AWS_WEB_IDENTITY_TOKEN_FILE
#                      is not set, web-identity-token.sh writes the token to a private file for it.
# On GitHub Actions the report step also appends summary.md to $GITHUB_STEP_SUMMARY and writes
# `month` and `month-dir` to $GITHUB_OUTPUT for the upload step.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
step="${1:?usage: run-chargeback.sh collect|report}"
tool="${CHARGEBACK:-chargeback}"
config="${CHARGEBACK_CONFIG:-chargeback.yaml}"
store="${CHARGEBACK_STORE:-store/chargeback.sqlite}"
out="${CHARGEBACK_OUT:-reports}"
# The tool's own clock: the real time, or CHARGEBACK_NOW when a test moves it.
now="${CHARGEBACK_NOW:-now}"

case "$step" in
  collect) month="${CHARGEBACK_MONTH:-$(date -u -d "$now" +%Y-%m)}" ;;
  report) month="${CHARGEBACK_MONTH:-$(date -u -d "$(date -u -d "$now" +%Y-%m-01) -1 month" +%Y-%m)}" ;;
  *) echo "run-chargeback.sh: unknown step '$step' (collect or report)" >&2; exit 2 ;;
esac

if [ -n "${AWS_ROLE_ARN:-}" ] && [ -z "${AWS_WEB_IDENTITY_TOKEN_FILE:-}" ]; then
  token_dir="$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/chargeback-oidc.XXXXXX")"
  trap 'rm -rf "$token_dir"' EXIT
  "$here/web-identity-token.sh" "$token_dir/token"
  export AWS_WEB_IDENTITY_TOKEN_FILE="$token_dir/token"
  export AWS_ROLE_SESSION_NAME="${AWS_ROLE_SESSION_NAME:-chargeback-ci}"
fi

"$here/prepare-store.sh" "$store"
status=0
case "$step" in
  collect) "$tool" collect --config "$config" --store "$store" --month "$month" || status=$? ;;
  report) "$tool" report --config "$config" --store "$store" --out "$out" --month "$month" || status=$? ;;
esac

if [ "$step" = report ] && [ -f "$out/$month/summary.md" ]; then
  if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
    cat "$out/$month/summary.md" >>"$GITHUB_STEP_SUMMARY"
  else
    cat "$out/$month/summary.md"
  fi
  if [ -n "${GITHUB_OUTPUT:-}" ]; then
    printf 'month=%s\nmonth-dir=%s\n' "$month" "$out/$month" >>"$GITHUB_OUTPUT"
  fi
  echo "report folder: $out/$month"
fi

on_github() { [ "${GITHUB_ACTIONS:-}" = true ]; }
case "$status" in
  0) echo "chargeback $step $month: complete" ;;
  3)
    message="chargeback $step $month is partial: some business unit failed or its data is incomplete (see the log and the report's first screen)"
    if on_github; then
      echo "::warning title=chargeback partial::$message"
      exit 0
    fi
    echo "warning: $message" >&2
    exit 3 ;;
  *)
    if on_github; then echo "::error title=chargeback failed::chargeback $step $month failed with exit code $status"; fi
    echo "chargeback $step $month failed with exit code $status" >&2
    exit "$status" ;;
esac
