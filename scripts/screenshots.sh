#!/usr/bin/env bash
# Renders report pages to PNG with headless Chromium (Debian's `chromium`): each page at desktop
# and at narrow width, and the organisation page printed to PDF (A4 and Letter) then to PNG, to
# look at them as the finance reader would. Not part of `make test`.
#
#   scripts/screenshots.sh [REPORTS-DIR] [OUT-DIR]
# REPORTS-DIR holds YYYY-MM folders (default: the test fixture's reports, rendered first).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="${2:-$here/.build/screenshots}"
mkdir -p "$out"
if [ -n "${1:-}" ]; then
  reports="$1"
else
  reports="$(mktemp -d)"
  trap 'rm -rf "$reports"' EXIT
  (cd "$here" && swift build --build-tests >/dev/null && REPORTS_DUMP_DIR="$reports" swift test --skip-build --filter dumpHTML >/dev/null)
fi
if ! command -v chromium >/dev/null; then
  SUDO=$( [ "$(id -u)" = 0 ] || echo sudo )
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium poppler-utils >/dev/null
fi
month="$(find "$reports" -mindepth 1 -maxdepth 1 -type d -name '[0-9][0-9][0-9][0-9]-[0-9][0-9]' | sort | tail -1)"
[ -n "$month" ] || { echo "no month folder in $reports" >&2; exit 1; }
chrome() { chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run "$@" 2>/dev/null; }
shoot() { # page width height name
  chrome --window-size="$2,$3" --screenshot="$out/$4.png" "file://$1"
  echo "$out/$4.png"
}
shoot "$reports/index.html" 1000 600 months-index
for page in "$month"/*.html; do
  name="$(basename "$page" .html)"
  shoot "$page" 1280 2600 "$name-desktop"
  shoot "$page" 420 3600 "$name-narrow"
done
# Printed: the pages leave the paper size to the printer, so each paper is forced on a copy.
print_page() { # page paper name
  local copy="$out/.print-$3.html"
  sed "s|</head>|<style>@page { size: $2 portrait; } @page wide { size: $2 landscape; }</style></head>|" "$1" > "$copy"
  chrome --print-to-pdf="$out/$3.pdf" --no-pdf-header-footer "file://$copy"
  rm -f "$copy"
  if command -v pdftoppm >/dev/null; then
    pdftoppm -png -r 60 "$out/$3.pdf" "$out/$3"
    ls "$out/$3"*.png
  fi
}
# Relative links of the copies must still resolve: print from the month folder.
for paper in A4 letter; do
  print_page "$month/index.html" "$paper" "index-print-$paper"
done
bu="$(ls "$month"/*.html | grep -v '/index.html$' | head -1)"
print_page "$bu" A4 "$(basename "$bu" .html)-print-A4"
