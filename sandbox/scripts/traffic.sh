#!/usr/bin/env bash
# Seeds the sandbox with traced traffic from the official Java client and leaves real lag behind:
#   topics LabTopic (4+4 queues on both masters) and LabOrderTopic (ordered, orderConf in the namesrv KV)
#   Producer r1 (40 normal + 3 delayed + batch of 10 + 12 ordered [+ 1 timer on 5.x])
#   consumers in parallel: lab_cg_cluster (CLUSTERING, *), lab_cg_broadcast (BROADCASTING), lab_cg_sql (SQL92 a > 5),
#   lab_cg_dlq (fails the 11 messages keyed K-r1-1*, which go to %DLQ%lab_cg_dlq)
#   Producer r2 (20 more normal ...) while the consumers are offline -> lag
#   2 messages at delay level 18 and (5.x) 2 timer messages, due in two hours, to LabDelayTopic ($SANDBOX_DIR/traffic/waiting.tsv)
# Sent messages are recorded in $SANDBOX_DIR/traffic/sent.tsv (kind key status msgId offsetMsgId broker queue offset).
#   --live       afterwards keep a steady producer (1 msg/s), a slow online group lab_cg_live and the groups of
#                online-consumers.sh (orderly, broadcasting, an idle producer group) running in the background
#   --live-only  only start those background clients (the sandbox already holds the seeded traffic)
set -euo pipefail
source "$(dirname "$0")/env.sh"
S="$(dirname "$0")"
LIVE=0; ONLY_LIVE=0
case "${1:-}" in --live) LIVE=1 ;; --live-only) LIVE=1; ONLY_LIVE=1 ;; esac
T="$SANDBOX_DIR/traffic"; mkdir -p "$T" "$SANDBOX_DIR/pids"
t0=$SECONDS

start_live() {
  setsid nohup "$S/jrun.sh" Producer.java --ns "$NAMESRV_ADDR_LOCAL" --run live --rate 1 > "$T/producer-live.out" 2>&1 < /dev/null &
  echo $! > "$SANDBOX_DIR/pids/client-producer-live.pid"
  setsid nohup "$S/jrun.sh" Consumer.java --ns "$NAMESRV_ADDR_LOCAL" --group lab_cg_live --topic LabTopic --idle 0 --max 0 \
    --sleep-ms 1500 --threads 1 > "$T/lab_cg_live.out" 2>&1 < /dev/null &
  echo $! > "$SANDBOX_DIR/pids/client-consumer-live.pid"
  # the groups the tests keep online, for the demo too: an orderly consumer holding queue locks, a broadcasting
  # group, an idle producer group
  setsid nohup "$S/online-consumers.sh" start > "$T/online-consumers.out" 2>&1 < /dev/null &
  log "live traffic running: producer 1 msg/s, online group lab_cg_live consuming slowly, online-consumers.sh start"
}
if [ "$ONLY_LIVE" = 1 ]; then start_live; exit 0; fi
: > "$T/sent.tsv"; : > "$T/waiting.tsv"

# updateTopic on every master; mqadmin's namesrv call has a 3 s timeout that a machine busy starting two sandboxes
# can miss (it then prints the exception and exits 0), so each is tried up to three times
create_topic() { # name out extra-args...
  local name=$1 out=$2; shift 2
  for attempt in 1 2 3; do
    "$S/mqadmin.sh" updateTopic -c DefaultCluster -t "$name" -r 4 -w 4 "$@" > "$T/$out.out" 2>&1 || true
    [ "$(grep -c 'create topic to' "$T/$out.out")" -ge 2 ] && return 0
    log "updateTopic $name did not reach both masters (attempt $attempt)"
    sleep 2
  done
  cat "$T/$out.out" >&2
  return 1
}
create_topic LabTopic updateTopic & p1=$!
create_topic LabOrderTopic updateOrderTopic -o true & p2=$!
wait $p1 || die "updateTopic LabTopic did not reach both masters"
wait $p2 || die "updateTopic LabOrderTopic did not reach both masters"
log "topics LabTopic and LabOrderTopic created on both masters"
# RocketMQ 5.5's new topic types, so the console shows them
case "$RMQ_VERSION" in
  5.[5-9].*|[6-9].*)
    create_topic LabPriorityTopic updatePriorityTopic -a +message.type=PRIORITY || die "updateTopic LabPriorityTopic failed"
    create_topic LabLiteTopic updateLiteTopic -a +message.type=LITE || die "updateTopic LabLiteTopic failed"
    log "topics LabPriorityTopic (PRIORITY) and LabLiteTopic (LITE) created" ;;
esac

"$S/jrun.sh" Producer.java --ns "$NAMESRV_ADDR_LOCAL" --count 40 --run r1 --out "$T/sent.tsv" > "$T/producer-r1.out" 2>&1 \
  || { cat "$T/producer-r1.out" >&2; die "producer r1 failed"; }
sent=$(grep -c "SEND_OK" "$T/sent.tsv" || true)
lab=$(awk -F'\t' '$1 != "order"' "$T/sent.tsv" | wc -l)
log "producer r1 sent $sent messages ($lab to LabTopic)"

consumed() { # out-file -> N of its "consumed N" line, 0 when it has none (the client failed to start)
  awk '/^consumed [0-9]+$/ {n = $2} END {print n + 0}' "$1" 2>/dev/null || echo 0
}
# Consumes until `expect` messages came; a client that fails to start or stops short on a busy machine (the namesrv
# or a broker too slow to answer its first calls) gets one more go for the rest: its offsets were committed at shutdown.
# It waits 45 s for a message, past the client's 30 s route refresh: one whose first route lookup failed starts
# without queues and gets them then (CI, 4.9.8: lab_cg_broadcast consumed 0 in two tries of 25 s).
consumer() { # group model filter expect
  local group=$1 model=$2 filter=$3 expect=$4 got=0 attempt
  for attempt in 1 2; do
    "$S/jrun.sh" Consumer.java --ns "$NAMESRV_ADDR_LOCAL" --group "$group" --topic LabTopic --model "$model" --filter "$filter" \
      --expect $((expect - got)) --idle 45 --max 150 > "$T/$group-$attempt.out" 2>&1 || true
    got=$((got + $(consumed "$T/$group-$attempt.out")))
    [ "$got" -lt "$expect" ] || break
    log "$group consumed $got of $expect (attempt $attempt): $(grep -m1 -E 'Exception|Error' "$T/$group-$attempt.out" || tail -n 1 "$T/$group-$attempt.out")"
  done
  cat "$T/$group"-[12].out > "$T/$group.out"
  echo "consumed $got of $expect" >> "$T/$group.out"
  [ "$got" -ge "$expect" ]
}
sql_expect=$(awk -F'\t' '$1 == "normal"' "$T/sent.tsv" | awk -F'\t' '{split($2,k," "); split(k[1],p,"-"); if (p[3] > 5) n++} END {print n+0}')
rm -f "$T"/lab_cg_{cluster,broadcast,sql}{,-1,-2}.out
consumer lab_cg_cluster CLUSTERING '*' "$lab" & c1=$!
consumer lab_cg_broadcast BROADCASTING '*' "$lab" & c2=$!
consumer lab_cg_sql CLUSTERING 'sql:a > 5' "$sql_expect" & c3=$!
# lab_cg_dlq fails the messages with keys K-r1-1* (11 of them): with max reconsume 0 they go straight to %DLQ%lab_cg_dlq.
# Like the others, a client that failed to start (CI: "send request to </127.0.0.1:9876> failed") gets one more go.
dlq_expect=$(awk -F'\t' '$1 != "order" && $2 ~ /(^| )K-r1-1/' "$T/sent.tsv" | wc -l)
dlq_consumer() {
  local failed=0 attempt
  for attempt in 1 2; do
    "$S/jrun.sh" Consumer.java --ns "$NAMESRV_ADDR_LOCAL" --group lab_cg_dlq --topic LabTopic --fail-keys K-r1-1 --max-reconsume 0 \
      --idle 15 --max 120 > "$T/lab_cg_dlq-$attempt.out" 2>&1 || true
    failed=$((failed + $(grep -c '^failed ' "$T/lab_cg_dlq-$attempt.out" || true)))
    [ "$failed" -lt "$dlq_expect" ] || break
    log "lab_cg_dlq failed $failed of $dlq_expect to its DLQ (attempt $attempt): $(grep -m1 -E 'Exception|Error' "$T/lab_cg_dlq-$attempt.out" || tail -n 1 "$T/lab_cg_dlq-$attempt.out")"
  done
  cat "$T"/lab_cg_dlq-[12].out > "$T/lab_cg_dlq.out" 2>/dev/null
  log "lab_cg_dlq: $failed messages failed to its DLQ"
  [ "$failed" -ge "$dlq_expect" ]
}
rm -f "$T"/lab_cg_dlq{,-1,-2}.out
dlq_consumer & c4=$!
short=0
for c in $c1 $c2 $c3 $c4; do wait "$c" || short=1; done
for g in lab_cg_cluster lab_cg_broadcast lab_cg_sql; do log "$g: $(tail -n 1 "$T/$g.out")"; done
[ "$short" = 0 ] || die "a seeding consumer did not consume all it should (see $T/lab_cg_*.out)"

"$S/jrun.sh" Producer.java --ns "$NAMESRV_ADDR_LOCAL" --count 20 --run r2 --out "$T/sent.tsv" > "$T/producer-r2.out" 2>&1 \
  || { cat "$T/producer-r2.out" >&2; die "producer r2 failed"; }
log "producer r2 sent $(awk -F'\t' '$2 ~ /-r2/' "$T/sent.tsv" | wc -l) messages; traffic done in $((SECONDS - t0))s"

# delayed (5 s) and timer (10 s) messages of r2 are still on their way: wait until LabTopic holds every one
expected=$(awk -F'\t' '$1 != "order"' "$T/sent.tsv" | wc -l)
"$REPO_ROOT/node_modules/.bin/tsx" "$S/wait-delivered.ts" "$NAMESRV_ADDR_LOCAL" LabTopic "$expected" \
  || die "LabTopic did not receive all $expected messages"
log "LabTopic holds all $expected messages"
"$REPO_ROOT/node_modules/.bin/tsx" "$S/wait-traced.ts" "$NAMESRV_ADDR_LOCAL" "$T/sent.tsv" \
  || die "the trace topic lacks Pub records of sent messages"
log "every sent message has its Pub trace record"
# delayed and timer messages due in two hours, to a topic of their own: the scheduled page always has some waiting
"$S/jrun.sh" Producer.java --ns "$NAMESRV_ADDR_LOCAL" --waiting LabDelayTopic --run w --out "$T/waiting.tsv" > "$T/producer-waiting.out" 2>&1 \
  || { cat "$T/producer-waiting.out" >&2; die "the waiting producer failed"; }
log "waiting: $(cut -f1 "$T/waiting.tsv" | sort | uniq -c | tr -s ' ' | paste -sd, -)"
touch "$T/.seeded"
if [ "$LIVE" = 1 ]; then start_live; fi
