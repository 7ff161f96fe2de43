#!/usr/bin/env bash
# A rocketmq-proxy 5.5.0 in cluster mode in front of the 5.x sandbox, and the official gRPC client through it:
#   proxy.sh start   fetches the jars once, starts the proxy (remoting 8180, gRPC 8181, + SANDBOX_PORT_OFFSET), then
#                    GrpcClients.java: 10 messages sent to LabGrpcTopic (its own topic: the seeded topics' counts stay
#                    what traffic.sh recorded) through the proxy, a push consumer lab_grpc_push
#                    and a simple (POP) consumer lab_grpc_simple that leaves 2 popped messages un-acknowledged
#   proxy.sh stop
# The proxy is found by the console through its heartbeat-syncer group (CID_DefaultHeartBeatSyncerTopic); the
# clusters file names its remoting port (console-config.sh adds it for the sandbox).
set -euo pipefail
source "$(dirname "$0")/env.sh"
[ "$RMQ_MAJOR" = 5 ] || die "the proxy is a 5.x component (RMQ_VERSION=$RMQ_VERSION)"
PROXY_REMOTING_PORT=$(shifted_port 8180); PROXY_GRPC_PORT=$(shifted_port 8181)
PROXY_LIB="$RMQ_CACHE/proxy-5.5.0/lib"; CLIENT_LIB="$RMQ_CACHE/grpc-client-5.0.8/lib"
P="$SANDBOX_DIR/proxy"; mkdir -p "$P" "$SANDBOX_DIR/pids"

fetch() { # profile dir
  [ -f "$2/.complete" ] && return 0
  log "fetching $1 from Maven Central into $2"
  rm -rf "$2.tmp" && mkdir -p "$2.tmp"
  mvn -B -q -f "$SANDBOX_ROOT/proxy-pom.xml" -P "$1" dependency:copy-dependencies -DoutputDirectory="$2.tmp" -DincludeScope=runtime >&2
  rm -rf "$2" && mv "$2.tmp" "$2" && touch "$2/.complete"
}

case "${1:-start}" in
  start)
    fetch proxy "$PROXY_LIB"; fetch grpc-client "$CLIENT_LIB"
    printf '{"rocketMQClusterName":"DefaultCluster","namesrvAddr":"%s","grpcServerPort":%s,"remotingListenPort":%s,"metricsExporterType":"DISABLE","enableTopicMessageTypeCheck":false}\n' \
      "$NAMESRV_ADDR_LOCAL" "$PROXY_GRPC_PORT" "$PROXY_REMOTING_PORT" > "$P/rmq-proxy.json"
    pidf="$SANDBOX_DIR/pids/proxy.pid"
    if ! { [ -f "$pidf" ] && pid_alive "$(cat "$pidf")"; }; then
      mkdir -p "$P/home"
      setsid nohup java -Xms128m -Xmx384m -XX:+UseSerialGC -Duser.home="$P/home" -Drmq.logback.configurationFile=rmq.proxy.logback.xml \
        -Drocketmq.home.dir="$P" --add-opens=java.base/java.nio=ALL-UNNAMED -cp "$PROXY_LIB/*" org.apache.rocketmq.proxy.ProxyStartup \
        -pc "$P/rmq-proxy.json" -pm cluster -n "$NAMESRV_ADDR_LOCAL" > "$P/proxy.out" 2>&1 < /dev/null &
      echo $! > "$pidf"
      for _ in $(seq 1 300); do grep -q "startup successfully" "$P/proxy.out" 2>/dev/null && break; pid_alive "$(cat "$pidf")" || break; sleep 0.3; done
      grep -q "startup successfully" "$P/proxy.out" || { tail -n 20 "$P/proxy.out" >&2; die "the proxy did not start"; }
      log "rocketmq-proxy up: remoting 127.0.0.1:$PROXY_REMOTING_PORT, gRPC 127.0.0.1:$PROXY_GRPC_PORT"
    fi
    pidf="$SANDBOX_DIR/pids/client-grpc.pid"
    if ! { [ -f "$pidf" ] && pid_alive "$(cat "$pidf")"; }; then
      for attempt in 1 2 3; do
        "$(dirname "$0")/mqadmin.sh" updateTopic -c DefaultCluster -t LabGrpcTopic -r 4 -w 4 > "$P/topic.out" 2>&1 || true
        grep -q "create topic to .* success" "$P/topic.out" && break
        sleep 1
      done
      mkdir -p "$P/client-home"
      setsid nohup java -Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Duser.home="$P/client-home" -cp "$CLIENT_LIB/*" \
        "$SANDBOX_ROOT/java/GrpcClients.java" --endpoint "127.0.0.1:$PROXY_GRPC_PORT" --topic LabGrpcTopic --send 10 \
        --push-group lab_grpc_push --simple-group lab_grpc_simple --leave-unacked 2 --seconds 0 > "$P/grpc-clients.out" 2>&1 < /dev/null &
      echo $! > "$pidf"
      for _ in $(seq 1 400); do grep -q '^ready' "$P/grpc-clients.out" 2>/dev/null && break; pid_alive "$(cat "$pidf")" || break; sleep 0.3; done
      grep -q '^ready' "$P/grpc-clients.out" || { tail -n 20 "$P/grpc-clients.out" >&2; die "the gRPC clients did not come up"; }
      log "gRPC clients online through the proxy: $(grep -c '^sent' "$P/grpc-clients.out") sent, push lab_grpc_push, simple lab_grpc_simple ($(grep '^popped' "$P/grpc-clients.out"))"
    fi
    ;;
  stop)
    for f in client-grpc proxy; do
      pidf="$SANDBOX_DIR/pids/$f.pid"; [ -f "$pidf" ] || continue
      p=$(cat "$pidf"); if pid_alive "$p"; then kill -TERM "$p"; for _ in $(seq 1 50); do pid_alive "$p" || break; sleep 0.2; done; pid_alive "$p" && kill -KILL "$p"; fi
      rm -f "$pidf"
    done
    ;;
  *) die "usage: proxy.sh start|stop" ;;
esac
