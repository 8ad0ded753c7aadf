#!/usr/bin/env bash
# Follows the README as a newcomer would, from a clean clone: an empty HOME, no AWS settings,
# then the fenced `sh` blocks of its "Set-up" and "The sandbox" sections, run as written.
# Fails (naming the block and its output) when a step is wrong or missing.
#
# What is tested is the COMMITTED state: the clone is of HEAD, so commit before running it.
#
# Building: a clean clone would need a full debug build (10+ minutes on a small machine). By
# default the clone reuses this tree's build instead: `swift` is a shim that builds this tree
# (a no-op when it is up to date) and the clone's `.build` is a link to this tree's, so
# `.build/debug/chargeback` in the README's steps is this tree's binary. The README's text,
# Makefile and scripts all come from the clone. With --full-build the clone builds itself.
#
# Deviations from the literal text, for isolation, each printed: the sandbox's port 4566 becomes
# a free port and /tmp/sandbox.env a file of the walkthrough's own; `make test` is not run from
# within `make test`: `make -n test` checks the target and its recipe instead.
#
# usage: scripts/readme-walkthrough.sh [--full-build] [--keep]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
full_build=0 keep=0
for argument in "$@"; do
  case "$argument" in
    --full-build) full_build=1 ;;
    --keep) keep=1 ;;
    *) echo "usage: $0 [--full-build] [--keep]" >&2; exit 2 ;;
  esac
done
real_swift="$(command -v "${SWIFT:-swift}")"
step_timeout="${README_STEP_TIMEOUT:-1200}"

work="$(mktemp -d)"
cleanup() { [ "$keep" = 1 ] && echo "kept $work" || rm -rf "$work"; }
trap cleanup EXIT
clone="$work/clone" home="$work/home" shims="$work/bin"
mkdir -p "$home" "$shims"

echo "== cloning $(git -C "$here" rev-parse --short HEAD) (committed state) into $clone"
git clone --quiet --no-checkout "$here" "$clone"
git -C "$clone" checkout --quiet "$(git -C "$here" rev-parse HEAD)"

if [ "$full_build" = 0 ]; then
  # The shim builds (and answers --show-bin-path for) this tree; the clone's .build is this tree's.
  cat >"$shims/swift" <<EOF
#!/usr/bin/env bash
if [ "\${1:-}" = build ]; then exec "$real_swift" "\$@" --package-path "$here"; fi
exec "$real_swift" "\$@"
EOF
  chmod +x "$shims/swift"
  ln -s "$here/.build" "$clone/.build"
  echo "   reusing this tree's build: .build -> $here/.build"
fi

# The fenced ```sh blocks of the README section whose heading starts with $1, one per record
# (separated by NUL).
blocks() {
  awk -v section="$1" '
    /^## / { inside = index($0, "## " section) == 1; next }
    inside && /^```sh$/ { block = ""; collecting = 1; next }
    inside && collecting && /^```$/ { printf "%s%c", block, 0; collecting = 0; next }
    collecting { block = block $0 "\n" }
  ' "$clone/README.md"
}

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
# Runs one block as the README shows it, in the clone, with an empty HOME and no AWS settings.
run_block() {
  local name="$1" text="$2" script="$work/$1.sh" env_file=/tmp/sandbox.env
  text="${text//--port 4566/--port $port}"
  text="${text//"$env_file"/$work/sandbox.env}"
  text="$(printf '%s' "$text" | sed -E 's/^make test( |$)(.*)/make -n test >"$WORK\/make-n-test.txt"  # was: make test\2/')"
  {
    echo 'set -euo pipefail'
    # A background sandbox the block starts is stopped when the block ends.
    echo 'trap '\''jobs -p | xargs -r kill 2>/dev/null || true'\'' EXIT'
    printf '%s\n' "$text"
  } >"$script"
  echo "== README, $name:"
  sed 's/^/   | /' "$script" | tail -n +3
  local status=0
  (cd "$clone" && env -i PATH="$shims:$PATH" HOME="$home" WORK="$work" LANG=C.UTF-8 TERM=dumb \
      timeout --kill-after=10 "$step_timeout" bash "$script") >"$work/$name.out" 2>&1 || status=$?
  if [ "$status" != 0 ]; then
    tail -n 40 "$work/$name.out" | sed 's/^/   > /'
    echo "FAILED: the README's $name block exited with $status (124: it did not finish within ${step_timeout} s)" >&2
    exit 1
  fi
  tail -n 5 "$work/$name.out" | sed 's/^/   > /'
}

count=0
while IFS= read -r -d '' block; do
  count=$((count + 1)); run_block "set-up-$count" "$block"
done < <(blocks "Set-up")
[ "$count" -ge 1 ] || { echo "FAILED: the README has no sh block in its Set-up section" >&2; exit 1; }

# The set-up promises `make demo` and `make test`: both must be there.
grep -q '^make demo' "$work/set-up-1.sh" || { echo "FAILED: the README's set-up does not run make demo" >&2; exit 1; }
grep -q 'was: make test' "$work/set-up-1.sh" || { echo "FAILED: the README's set-up does not run make test" >&2; exit 1; }
for expected in "swift build" "swift test" "test-conformance" "lint-iam" "test-readme"; do
  grep -q -- "$expected" "$work/make-n-test.txt" || {
    echo "FAILED: make -n test does not run $expected:" >&2; cat "$work/make-n-test.txt" >&2; exit 1; }
done
demo_month="$(date -u -d "$(date -u +%Y-%m-01) -1 month" +%Y-%m)"
[ -s "$clone/reports/demo/$demo_month/index.html" ] || {
  echo "FAILED: make demo did not write reports/demo/$demo_month/index.html" >&2; exit 1; }

count=0
while IFS= read -r -d '' block; do
  count=$((count + 1)); run_block "sandbox-$count" "$block"
done < <(blocks "The sandbox")
[ "$count" -ge 1 ] || { echo "FAILED: the README has no sh block in its sandbox section" >&2; exit 1; }

# What the sandbox section promises: a configuration, a check that passes, a report.
[ -s "$clone/chargeback.yaml" ] || { echo "FAILED: the sandbox steps wrote no chargeback.yaml" >&2; exit 1; }
grep -q "4 of 4 passed" "$work/sandbox-1.out" || { echo "FAILED: chargeback check did not pass every row" >&2; exit 1; }
[ -s "$clone/reports/$demo_month/report.json" ] || {
  echo "FAILED: the sandbox steps wrote no reports/$demo_month/report.json" >&2; exit 1; }
echo "== the README's set-up and sandbox steps work from a clean clone"
