#!/usr/bin/env bash
# `make install` and `make uninstall`: chargeback and chargeback-sandbox from a release build, with
# their man pages (swift-argument-parser's generate-manual plugin) and bash, zsh and fish
# completions (each binary's --generate-completion-script), under ROOT (DESTDIR + PREFIX).
# The templates are inside the binary, so nothing else is needed at run time.
# usage: install.sh install|uninstall ROOT
# SWIFT: the swift driver (default swift); INSTALL_CONFIGURATION: release (default) or debug.
set -euo pipefail
action="${1:?usage: install.sh install|uninstall ROOT}"
root="${2:?usage: install.sh install|uninstall ROOT}"
swift="${SWIFT:-swift}"
configuration="${INSTALL_CONFIGURATION:-release}"
tools=(chargeback chargeback-sandbox)

# Every file install puts under ROOT for TOOL, the one list uninstall removes.
installed_files() {
  local tool="$1"
  printf '%s\n' "bin/$tool" "share/man/man1/$tool.1" "share/bash-completion/completions/$tool" \
    "share/zsh/site-functions/_$tool" "share/fish/vendor_completions.d/$tool.fish"
}

case "$action" in
  uninstall)
    for tool in "${tools[@]}"; do
      while read -r file; do
        rm -f "$root/$file"
      done < <(installed_files "$tool")
    done
    echo "removed chargeback and chargeback-sandbox from $root"
    exit 0 ;;
  install) ;;
  *) echo "install.sh: unknown action '$action' (install or uninstall)" >&2; exit 2 ;;
esac

here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
# Everything the plugin below builds, so it finds the build done.
"$swift" build -c "$configuration"
bin="$("$swift" build -c "$configuration" --show-bin-path)"

# The man pages: the plugin builds the package (already done above) and writes
# one page per command-line tool under .build/plugins. The page's date is the commit's, so the
# same commit gives the same page.
date="$(git log -1 --format=%cs 2>/dev/null || date -u +%Y-%m-%d)"
"$swift" package plugin generate-manual --configuration "$configuration" --date "$date" >/dev/null
generated="$(mktemp -d)"
trap 'rm -rf "$generated"' EXIT
for tool in "${tools[@]}"; do
  page="$(find .build/plugins -path "*GenerateManual*" -name "$tool.1" -newer "$bin/$tool" -print -quit)"
  [ -n "$page" ] || { echo "install.sh: the generate-manual plugin wrote no $tool.1" >&2; exit 1; }
  cp "$page" "$generated/$tool.1"
  for shell in bash zsh fish; do
    "$bin/$tool" --generate-completion-script "$shell" >"$generated/$tool.$shell"
    [ -s "$generated/$tool.$shell" ] || { echo "install.sh: $tool wrote no $shell completion" >&2; exit 1; }
  done
done

for tool in "${tools[@]}"; do
  install -D -m 755 "$bin/$tool" "$root/bin/$tool"
  install -D -m 644 "$generated/$tool.1" "$root/share/man/man1/$tool.1"
  install -D -m 644 "$generated/$tool.bash" "$root/share/bash-completion/completions/$tool"
  install -D -m 644 "$generated/$tool.zsh" "$root/share/zsh/site-functions/_$tool"
  install -D -m 644 "$generated/$tool.fish" "$root/share/fish/vendor_completions.d/$tool.fish"
done
echo "installed under $root:"
for tool in "${tools[@]}"; do installed_files "$tool"; done | sed 's/^/  /'
