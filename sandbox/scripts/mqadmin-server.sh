#!/usr/bin/env bash
# The official mqadmin kept warm for the tests' oracle: sandbox/java/MqadminServer.java runs MQAdminStartup.main once
# per request in one JVM, on a loopback port written to $SANDBOX_DIR/home/tools/mqadmin-server.port. Started on
# demand by test-support/mqadmin.ts; stop-cluster.sh stops it (pid in $SANDBOX_DIR/pids/tools-mqadmin.pid), and it
# stops by itself after MQADMIN_SERVER_IDLE seconds (default 600) without a request.
set -euo pipefail
source "$(dirname "$0")/env.sh"
jars_ready || "$(dirname "$0")/fetch-jars.sh"
mkdir -p "$SANDBOX_DIR/home/tools" "$SANDBOX_DIR/pids"
extra=(); [ "$RMQ_MAJOR" = 4 ] && extra=(-Drocketmq.client.logRoot="$SANDBOX_DIR/home/tools/logs" -Drocketmq.client.logUseSlf4j=false)
# shellcheck disable=SC2046
exec "${CLIENT_JAVA[@]}" -Xmx512m -Djava.security.manager=allow $(logback_flag tools) "${extra[@]}" -Duser.home="$SANDBOX_DIR/home/tools" \
  -cp "$CLASSPATH_ALL" "$SANDBOX_ROOT/java/MqadminServer.java" "$SANDBOX_DIR/home/tools" "$SANDBOX_DIR/pids/tools-mqadmin.pid" "${MQADMIN_SERVER_IDLE:-600}"
