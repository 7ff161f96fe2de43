#!/usr/bin/env bash
# Puts consumer groups online for the tests and the demo, without new traffic (so their numbers stay put):
#   lab_cg_online     CLUSTERING, LabTopic '*'  (new group: catches up to zero lag, then idles online)
#   lab_cg_broadcast  BROADCASTING, LabTopic    (offsets live on the client)
# start: launches them (pid files under pids/client-*.pid) and waits until both are online and lab_cg_online has
# consumed everything; stop: SIGTERM (the consumer shuts down cleanly: commits, unregisters).
set -euo pipefail
source "$(dirname "$0")/env.sh"
S="$(dirname "$0")"
T="$SANDBOX_DIR/traffic"; mkdir -p "$T" "$SANDBOX_DIR/pids"
case "${1:-start}" in
  start)
    for spec in "lab_cg_online CLUSTERING" "lab_cg_broadcast BROADCASTING"; do
      read -r group model <<<"$spec"
      pidf="$SANDBOX_DIR/pids/client-$group.pid"
      if [ -f "$pidf" ] && pid_alive "$(cat "$pidf")"; then continue; fi
      setsid nohup "$S/jrun.sh" Consumer.java --ns "$NAMESRV_ADDR_LOCAL" --group "$group" --topic LabTopic --model "$model" \
        --idle 0 --max 0 --instance "$group-online" > "$T/$group-online.out" 2>&1 < /dev/null &
      echo $! > "$pidf"
    done
    "$REPO_ROOT/node_modules/.bin/tsx" "$S/wait-consumers.ts" "$NAMESRV_ADDR_LOCAL" lab_cg_online:caught-up lab_cg_broadcast \
      || die "online consumers did not come up"
    log "online: lab_cg_online (clustering, caught up), lab_cg_broadcast (broadcasting)"
    ;;
  stop)
    for group in lab_cg_online lab_cg_broadcast; do
      pidf="$SANDBOX_DIR/pids/client-$group.pid"
      [ -f "$pidf" ] || continue
      p=$(cat "$pidf"); pid_alive "$p" && kill -TERM "$p"
      for _ in $(seq 1 50); do pid_alive "$p" || break; sleep 0.2; done
      pid_alive "$p" && kill -KILL "$p"
      rm -f "$pidf"
    done
    ;;
  *) die "usage: online-consumers.sh start|stop" ;;
esac
