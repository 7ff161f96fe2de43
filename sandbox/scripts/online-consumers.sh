#!/usr/bin/env bash
# Puts consumer groups online for the tests and the demo, without new traffic (so their numbers stay put):
#   lab_cg_online     CLUSTERING, LabTopic '*'  (new group: catches up to zero lag, then idles online)
#   lab_cg_broadcast  BROADCASTING, LabTopic    (offsets live on the client)
#   lab_cg_orderly    CLUSTERING, LabOrderTopic, orderly (holds a lock on each queue it consumes)
#   lab_pg_online     a producer group that stays connected and sends nothing
# start: launches them (pid files under pids/client-*.pid) and waits until both are online and lab_cg_online has
# consumed everything; stop: SIGTERM (the consumer shuts down cleanly: commits, unregisters).
set -euo pipefail
source "$(dirname "$0")/env.sh"
S="$(dirname "$0")"
T="$SANDBOX_DIR/traffic"; mkdir -p "$T" "$SANDBOX_DIR/pids"
case "${1:-start}" in
  start)
    # a client whose start failed exits (CI, 5.5.0: "send request to </127.0.0.1:9876> failed" on its first route
    # lookup): launch starts only those not running, so a second and third round restart just the ones that died
    launch() {
      local spec group model topic orderly pidf
      for spec in "lab_cg_online CLUSTERING LabTopic false" "lab_cg_broadcast BROADCASTING LabTopic false" "lab_cg_orderly CLUSTERING LabOrderTopic true"; do
        read -r group model topic orderly <<<"$spec"
        pidf="$SANDBOX_DIR/pids/client-$group.pid"
        # a main thread that died may leave the client's own threads holding the JVM: such a client is stopped first
        if [ -f "$pidf" ] && pid_alive "$(cat "$pidf")" && grep -q 'Exception in thread "main"' "$T/$group-online.out" 2>/dev/null; then
          kill -KILL "$(cat "$pidf")" 2>/dev/null || true
        fi
        if [ -f "$pidf" ] && pid_alive "$(cat "$pidf")"; then continue; fi
        setsid nohup "$S/jrun.sh" Consumer.java --ns "$NAMESRV_ADDR_LOCAL" --group "$group" --topic "$topic" --model "$model" \
          --orderly "$orderly" --idle 0 --max 0 --instance "$group-online" > "$T/$group-online.out" 2>&1 < /dev/null &
        echo $! > "$pidf"
      done
      pidf="$SANDBOX_DIR/pids/client-lab_pg_online.pid"
      if ! { [ -f "$pidf" ] && pid_alive "$(cat "$pidf")"; }; then
        setsid nohup "$S/jrun.sh" Producer.java --ns "$NAMESRV_ADDR_LOCAL" --group lab_pg_online --hold true \
          > "$T/lab_pg_online.out" 2>&1 < /dev/null &
        echo $! > "$pidf"
      fi
    }
    online=0
    for attempt in 1 2 3; do
      launch
      if "$REPO_ROOT/node_modules/.bin/tsx" "$S/wait-consumers.ts" "$NAMESRV_ADDR_LOCAL" lab_cg_online:caught-up lab_cg_broadcast lab_cg_orderly:caught-up; then
        online=1
        break
      fi
      log "online clients not all up (attempt $attempt): $(grep -h -m1 'Exception' "$T"/lab_cg_*-online.out 2>/dev/null | head -n 1)"
    done
    [ "$online" = 1 ] || die "online consumers did not come up"
    # the holding producer prints "holding" once it has heartbeat to the masters of LabOrderTopic; it retries its
    # route lookup for 120 s on a loaded machine, and one that died anyway is started once more
    for round in 1 2; do
      for _ in $(seq 1 650); do
        grep -q '^holding' "$T/lab_pg_online.out" 2>/dev/null && break
        pid_alive "$(cat "$SANDBOX_DIR/pids/client-lab_pg_online.pid")" || break
        sleep 0.2
      done
      grep -q '^holding' "$T/lab_pg_online.out" && break
      [ "$round" = 1 ] && { log "producer lab_pg_online not up: $(tail -n 1 "$T/lab_pg_online.out"); starting it again"; launch; }
    done
    grep -q '^holding' "$T/lab_pg_online.out" || die "producer lab_pg_online did not come up: $(tail -n 3 "$T/lab_pg_online.out")"
    log "online: lab_cg_online (clustering, caught up), lab_cg_broadcast (broadcasting), lab_cg_orderly (orderly, caught up), producer lab_pg_online"
    ;;
  stop)
    for group in lab_cg_online lab_cg_broadcast lab_cg_orderly lab_pg_online; do
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
