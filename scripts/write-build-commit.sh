#!/bin/sh
# Writes OUTPUT-DIR/BuildCommit.swift: the commit PACKAGE-DIR is checked out at ("commit
# 1a2b3c4d5e6f", "-dirty" when tracked files differ from it), or "unknown commit" without git.
# Run before every build by Plugins/BuildCommitPlugin; the file is rewritten only when its text
# changes, so an unchanged checkout recompiles nothing.
# usage: write-build-commit.sh PACKAGE-DIR OUTPUT-DIR
set -eu
package="${1:?usage: write-build-commit.sh PACKAGE-DIR OUTPUT-DIR}"
out="${2:?usage: write-build-commit.sh PACKAGE-DIR OUTPUT-DIR}"

text="unknown commit"
if commit="$(git -C "$package" rev-parse --short=12 HEAD 2>/dev/null)"; then
  if [ -n "$(git -C "$package" status --porcelain --untracked-files=no 2>/dev/null)" ]; then
    commit="$commit-dirty"
  fi
  text="commit $commit"
fi

mkdir -p "$out"
# Written beside, not into, OUTPUT-DIR: everything there is compiled.
new="$(mktemp)"
chmod 644 "$new"
cat >"$new" <<SWIFT
// Generated before each build by scripts/write-build-commit.sh.
enum BuildCommit {
    static let description = "$text"
}
SWIFT
if cmp -s "$new" "$out/BuildCommit.swift"; then
  rm -f "$new"
else
  mv "$new" "$out/BuildCommit.swift"
fi
