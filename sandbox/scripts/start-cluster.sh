#!/usr/bin/env bash
# Starts a loopback RocketMQ: namesrv + broker-a master + broker-a slave + broker-b master, with plain java.
#   --fresh   throw the previous store away first
# Idempotent: processes already running (pid file alive) are left alone. Waits for "boot success" of each.
set -euo pipefail
source "$(dirname "$0")/env.sh"
FRESH=0; [ "${1:-}" = "--fresh" ] && FRESH=1
BOOT_TIMEOUT="${BOOT_TIMEOUT:-120}"

jars_ready || "$(dirname "$0")/fetch-jars.sh"
if [ "$FRESH" = 1 ]; then
  "$(dirname "$0")/stop-cluster.sh" --quiet || true
  rm -rf "$SANDBOX_DIR/store" "$SANDBOX_DIR/home" "$SANDBOX_DIR/logs"
fi
mkdir -p "$SANDBOX_DIR"/{conf,logs,pids,store,home}
if [ "$SANDBOX_AUTH" = on ]; then auth_home; fi

read -r PORT_A0 PORT_A1 PORT_B0 <<<"$BROKER_PORTS"

# orderMessageEnable: topic routes carry the topic's orderConf from the KV (off by default, so a console that reads
# orderConf from routes only would show none)
printf 'listenPort=%s\nbindAddress=127.0.0.1\norderMessageEnable=true\n' "$NAMESRV_PORT" > "$SANDBOX_DIR/conf/namesrv.conf"

broker_conf() { # name id role port
  local name=$1 id=$2 role=$3 port=$4 store="$SANDBOX_DIR/store/$1-$2"
  cat > "$SANDBOX_DIR/conf/$name-$id.conf" <<CONF
brokerClusterName=DefaultCluster
brokerName=$name
brokerId=$id
brokerRole=$role
flushDiskType=ASYNC_FLUSH
namesrvAddr=$NAMESRV_ADDR_LOCAL
brokerIP1=127.0.0.1
brokerIP2=127.0.0.1
listenPort=$port
haListenPort=$((port + 1))
bindAddress=127.0.0.1
storePathRootDir=$store
storePathCommitLog=$store/commitlog
mappedFileSizeCommitLog=16777216
mappedFileSizeConsumeQueue=60000
mappedFileSizeTimerLog=16777216
maxHashSlotNum=50000
maxIndexNum=200000
autoCreateTopicEnable=true
autoCreateSubscriptionGroup=true
traceTopicEnable=true
enablePropertyFilter=true
waitTimeMillsInSendQueue=3000
osPageCacheBusyTimeOutMills=5000
deleteWhen=04
fileReservedTime=48
CONF
  if [ "$SANDBOX_AUTH" = on ]; then auth_broker_conf >> "$SANDBOX_DIR/conf/$name-$id.conf"; fi
}
broker_conf broker-a 0 ASYNC_MASTER "$PORT_A0"
broker_conf broker-a 1 SLAVE "$PORT_A1"
broker_conf broker-b 0 ASYNC_MASTER "$PORT_B0"

start_jvm() { # proc heap-array-name role mainclass args...
  local proc=$1 heapvar=$2 role=$3 main=$4; shift 4
  local pidf="$SANDBOX_DIR/pids/$proc.pid"
  if [ -f "$pidf" ] && pid_alive "$(cat "$pidf")"; then log "$proc already running (pid $(cat "$pidf"))"; return 0; fi
  local -n heap=$heapvar
  mkdir -p "$SANDBOX_DIR/home/$proc"
  : > "$SANDBOX_DIR/logs/$proc.out"
  # shellcheck disable=SC2046
  setsid nohup java "${JAVA_COMMON[@]}" "${GC_FLAGS[@]}" "${heap[@]}" $(logback_flag "$role") \
    -Duser.home="$SANDBOX_DIR/home/$proc" -cp "$CLASSPATH_ALL" "$main" "$@" \
    > "$SANDBOX_DIR/logs/$proc.out" 2>&1 < /dev/null &
  echo $! > "$pidf"
  log "started $proc (pid $!)"
}

wait_boot() { # proc
  local proc=$1 out="$SANDBOX_DIR/logs/$1.out" pid deadline=$((SECONDS + BOOT_TIMEOUT))
  pid=$(cat "$SANDBOX_DIR/pids/$proc.pid")
  until grep -q "boot success" "$out" 2>/dev/null; do
    pid_alive "$pid" || { tail -n 30 "$out" >&2; die "$proc exited during boot (see $out)"; }
    [ $SECONDS -lt $deadline ] || { tail -n 30 "$out" >&2; die "$proc did not boot within ${BOOT_TIMEOUT}s"; }
    sleep 0.3
  done
}

t0=$SECONDS
start_jvm namesrv NS_HEAP namesrv org.apache.rocketmq.namesrv.NamesrvStartup -c "$SANDBOX_DIR/conf/namesrv.conf"
wait_boot namesrv
for b in broker-a-0 broker-b-0 broker-a-1; do
  start_jvm "$b" BROKER_HEAP broker org.apache.rocketmq.broker.BrokerStartup -c "$SANDBOX_DIR/conf/$b.conf"
done
for b in broker-a-0 broker-b-0 broker-a-1; do wait_boot "$b"; done
"$REPO_ROOT/node_modules/.bin/tsx" "$SANDBOX_ROOT/scripts/wait-brokers.ts" "$NAMESRV_ADDR_LOCAL" \
  "127.0.0.1:$PORT_A0" "127.0.0.1:$PORT_A1" "127.0.0.1:$PORT_B0" || die "brokers did not register with the namesrv"
if [ "$SANDBOX_AUTH" = on ] && [ "$RMQ_MAJOR" = 5 ]; then "$(dirname "$0")/auth-users.sh"; fi
secured=""; if [ "$SANDBOX_AUTH" = on ]; then secured=" with access control"; fi
log "RocketMQ $RMQ_VERSION$secured up in $((SECONDS - t0))s: namesrv $NAMESRV_ADDR_LOCAL, brokers $BROKER_PORTS (state in $SANDBOX_DIR)"
