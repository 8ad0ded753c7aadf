#!/usr/bin/env bash
# `make test-install`: `make install` into a temporary DESTDIR, then what a user would try: the
# installed files, `--version` and `--help` of both binaries, the man pages read by man and groff,
# the completions parsed by their shells; then `make uninstall` and nothing of it is left.
# usage: test-install.sh [MAKE]      (INSTALL_CONFIGURATION: the build to install, default the Makefile's)
set -euo pipefail
make="${1:-make}"
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
destdir="$(mktemp -d)"
listing="$(mktemp)"
trap 'rm -rf "$destdir" "$listing"' EXIT
prefix=/opt/chargeback-test
root="$destdir$prefix"
fail() { echo "test-install: $*" >&2; exit 1; }

"$make" --no-print-directory install DESTDIR="$destdir" PREFIX="$prefix" ${INSTALL_CONFIGURATION:+INSTALL_CONFIGURATION="$INSTALL_CONFIGURATION"}

echo "== installed files"
(cd "$destdir" && find . -type f -o -type l | sort) | tee "$listing"
expected="$(for tool in chargeback chargeback-sandbox; do
  printf './%s\n' "${prefix#/}/bin/$tool" "${prefix#/}/share/man/man1/$tool.1" \
    "${prefix#/}/share/bash-completion/completions/$tool" "${prefix#/}/share/zsh/site-functions/_$tool" \
    "${prefix#/}/share/fish/vendor_completions.d/$tool.fish"
done | sort)"
[ "$(cat "$listing")" = "$expected" ] || fail "the installed files are not the expected ones: $(diff <(echo "$expected") "$listing" || true)"

echo "== --version and --help"
commit="$(git rev-parse --short=12 HEAD 2>/dev/null || true)"
for tool in chargeback chargeback-sandbox; do
  # Run from an empty directory with no git on PATH: the commit must be inside the binary.
  version="$(cd "$destdir" && env PATH=/nonexistent "$root/bin/$tool" --version)"
  echo "$tool --version: $version"
  [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+\ \((commit\ [0-9a-f]{12}(-dirty)?|unknown\ commit)\)$ ]] ||
    fail "$tool --version prints '$version', not 'X.Y.Z (commit HASH)'"
  if [ -n "$commit" ]; then
    [[ "$version" == *"(commit $commit"* ]] || fail "$tool --version names another commit than HEAD ($commit): $version"
  fi
  help="$("$root/bin/$tool" --help)"
  [[ "$help" == *"USAGE: $tool"* ]] || fail "$tool --help has no usage line"
done
[ "$("$root/bin/chargeback" --version)" = "$("$root/bin/chargeback-sandbox" --version)" ] ||
  fail "chargeback and chargeback-sandbox name different versions"
help="$("$root/bin/chargeback" --help)"
for command in report collect render check discover init; do
  [[ "$help" == *"  $command "* ]] || fail "chargeback --help does not list '$command'"
done

echo "== man pages"
for tool in chargeback chargeback-sandbox; do
  page="$root/share/man/man1/$tool.1"
  warnings="$(groff -mandoc -Tutf8 -ww -z "$page" 2>&1)"
  [ -z "$warnings" ] || fail "groff warns about $page: $warnings"
  text="$(MANWIDTH=100 man -l "$page" 2>&1 | col -b)"
  [[ "$text" == *NAME*"$tool"* ]] || fail "man -l $page shows no NAME section for $tool"
  [[ "$text" == *SYNOPSIS* ]] || fail "man -l $page shows no SYNOPSIS"
done
man_text="$(MANWIDTH=100 man -l "$root/share/man/man1/chargeback.1" | col -b)"
[[ "$man_text" == *report* && "$man_text" == *--config* ]] || fail "chargeback.1 does not describe its subcommands"

echo "== completions"
for tool in chargeback chargeback-sandbox; do
  bash -n "$root/share/bash-completion/completions/$tool" || fail "bash cannot parse the $tool completion"
  # Loaded into bash, it registers a completion for the command.
  bash -c "source '$root/share/bash-completion/completions/$tool' && complete -p $tool" >/dev/null ||
    fail "the bash completion registers nothing for $tool"
  grep -q "^#compdef $tool" "$root/share/zsh/site-functions/_$tool" || fail "_$tool is not a zsh completion for $tool"
  grep -q "complete -c '\?$tool" "$root/share/fish/vendor_completions.d/$tool.fish" || fail "$tool.fish completes nothing for $tool"
  if command -v zsh >/dev/null; then zsh -n "$root/share/zsh/site-functions/_$tool" || fail "zsh cannot parse _$tool"; fi
  if command -v fish >/dev/null; then fish --no-execute "$root/share/fish/vendor_completions.d/$tool.fish" || fail "fish cannot parse $tool.fish"; fi
done

echo "== uninstall"
"$make" --no-print-directory uninstall DESTDIR="$destdir" PREFIX="$prefix"
left="$(cd "$destdir" && find . -type f -o -type l)"
[ -z "$left" ] || fail "uninstall left: $left"
echo "test-install: passed"
