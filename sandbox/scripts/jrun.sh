#!/usr/bin/env bash
# Runs one single-file Java program of sandbox/java with the official client jars:  jrun.sh Producer.java --count 40
set -euo pipefail
source "$(dirname "$0")/env.sh"
jars_ready || "$(dirname "$0")/fetch-jars.sh"
prog=$1; shift
mkdir -p "$SANDBOX_DIR/home/client"
extra=(); [ "$RMQ_MAJOR" = 4 ] && extra=(-Drocketmq.client.logRoot="$SANDBOX_DIR/home/client/logs" -Drocketmq.client.logUseSlf4j=false)
# shellcheck disable=SC2046
exec "${CLIENT_JAVA[@]}" $(logback_flag client) "${extra[@]}" -Duser.home="$SANDBOX_DIR/home/client" \
  -cp "$CLASSPATH_ALL" "$SANDBOX_ROOT/java/$prog" "$@"
