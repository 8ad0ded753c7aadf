#!/usr/bin/env bash
# Writes the CI's OIDC token to FILE, for AWS_WEB_IDENTITY_TOKEN_FILE: the token GitLab puts in an
# `id_tokens` variable (named by CHARGEBACK_ID_TOKEN_VARIABLE, default AWS_ID_TOKEN), or one asked
# from GitHub Actions' token service (needs `permissions: id-token: write`) for the audience
# sts.amazonaws.com. The token is never printed.
# usage: web-identity-token.sh FILE
set -euo pipefail
file="${1:?usage: web-identity-token.sh FILE}"
variable="${CHARGEBACK_ID_TOKEN_VARIABLE:-AWS_ID_TOKEN}"
umask 077
mkdir -p "$(dirname "$file")"

if [ -n "${!variable:-}" ]; then
  printf '%s' "${!variable}" >"$file"
elif [ -n "${ACTIONS_ID_TOKEN_REQUEST_URL:-}" ] && [ -n "${ACTIONS_ID_TOKEN_REQUEST_TOKEN:-}" ]; then
  response="$(curl -fsS --max-time 30 -H "Authorization: bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN" \
    "$ACTIONS_ID_TOKEN_REQUEST_URL&audience=sts.amazonaws.com")" || {
    echo "web-identity-token.sh: GitHub's token service gave no OIDC token (is 'id-token: write' granted?)" >&2
    exit 1
  }
  printf '%s' "$response" | python3 -c 'import json, sys; sys.stdout.write(json.load(sys.stdin).get("value", ""))' >"$file"
else
  echo "web-identity-token.sh: no OIDC token: set the id_tokens variable $variable (GitLab) or grant 'id-token: write' (GitHub Actions)" >&2
  exit 1
fi
[ -s "$file" ] || { echo "web-identity-token.sh: the OIDC token is empty" >&2; exit 1; }
