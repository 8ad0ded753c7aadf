# Shared by the demo and conformance scripts: start `chargeback-sandbox` in the background and
# wait until it has written its port and environment files. Sets SANDBOX_PID.
# usage: start_sandbox SANDBOX-BINARY WORK-DIR [sandbox arguments...]
start_sandbox() {
  local binary="$1" work="$2"
  shift 2
  "$binary" "$@" --port 0 --port-file "$work/port" --env-file "$work/env" >"$work/sandbox.log" 2>&1 &
  SANDBOX_PID=$!
  for _ in $(seq 1 150); do
    [ -s "$work/env" ] && return 0
    kill -0 "$SANDBOX_PID" 2>/dev/null || { cat "$work/sandbox.log" >&2; echo "the sandbox exited early" >&2; return 1; }
    sleep 0.1
  done
  cat "$work/sandbox.log" >&2
  echo "the sandbox did not start within 15 s" >&2
  return 1
}

stop_sandbox() {
  if [ -n "${SANDBOX_PID:-}" ]; then
    kill "$SANDBOX_PID" 2>/dev/null || true
    wait "$SANDBOX_PID" 2>/dev/null || true
  fi
}
