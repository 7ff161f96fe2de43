#!/usr/bin/env bash
# Stops everything the sandbox started (traffic clients, brokers, then namesrv): SIGTERM, then SIGKILL after
# STOP_TIMEOUT seconds. Leaves no JVM behind.  --quiet: say nothing when nothing runs.
set -uo pipefail
source "$(dirname "$0")/env.sh"
STOP_TIMEOUT="${STOP_TIMEOUT:-30}"
QUIET=0; [ "${1:-}" = "--quiet" ] && QUIET=1
piddir="$SANDBOX_DIR/pids"
[ -d "$piddir" ] || { [ $QUIET = 1 ] || log "nothing to stop"; exit 0; }

stop_group() { # pidfiles...
  local pids=() f p
  for f in "$@"; do
    [ -f "$f" ] || continue
    p=$(cat "$f"); if pid_alive "$p"; then pids+=("$p"); kill -TERM "$p" 2>/dev/null; fi
  done
  [ ${#pids[@]} -gt 0 ] || { rm -f "$@"; return 0; }
  local deadline=$((SECONDS + STOP_TIMEOUT))
  while [ $SECONDS -lt $deadline ]; do
    local alive=0; for p in "${pids[@]}"; do pid_alive "$p" && alive=1; done
    [ $alive = 0 ] && break; sleep 0.3
  done
  for p in "${pids[@]}"; do
    if pid_alive "$p"; then log "pid $p still alive after ${STOP_TIMEOUT}s: SIGKILL"; kill -KILL "$p" 2>/dev/null; fi
  done
  rm -f "$@"
}

shopt -s nullglob
t0=$SECONDS
stop_group "$piddir"/client-*.pid "$piddir"/tools-*.pid
stop_group "$piddir"/proxy.pid
stop_group "$piddir"/broker-*.pid
stop_group "$piddir"/namesrv.pid
[ $QUIET = 1 ] || log "sandbox $RMQ_VERSION stopped in $((SECONDS - t0))s"
