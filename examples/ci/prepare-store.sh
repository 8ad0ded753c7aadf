#!/usr/bin/env bash
# Restore-or-start-fresh for the store kept between scheduled runs (a CI cache or artifact).
# After the CI has restored what it had, this keeps a store that is a SQLite database, sets a
# damaged one aside (so the run starts fresh instead of failing every day), and says which it was.
# usage: prepare-store.sh STORE-FILE
set -euo pipefail
store="${1:?usage: prepare-store.sh STORE-FILE}"
mkdir -p "$(dirname "$store")"

if [ ! -e "$store" ]; then
  echo "no store restored: starting fresh at $store (query history older than 45 days cannot be collected again)"
  exit 0
fi
# Every SQLite database starts with these 16 bytes.
if [ "$(head -c 15 "$store")" != "SQLite format 3" ]; then
  aside="$store.damaged-$(date -u +%Y%m%dT%H%M%SZ)"
  mv "$store" "$aside"
  echo "the restored store is not a SQLite database: set aside as $aside; starting fresh"
  exit 0
fi
echo "restored store $store ($(wc -c <"$store") bytes)"
