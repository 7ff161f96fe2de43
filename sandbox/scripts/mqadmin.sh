#!/usr/bin/env bash
# Runs the official mqadmin (org.apache.rocketmq.tools.command.MQAdminStartup) against the sandbox.
# -n defaults to NAMESRV_ADDR or the sandbox namesrv.  Example: mqadmin.sh clusterList
set -euo pipefail
source "$(dirname "$0")/env.sh"
jars_ready || "$(dirname "$0")/fetch-jars.sh"
[ $# -gt 0 ] || { echo "usage: mqadmin.sh <command> [args]   (e.g. clusterList, topicList, brokerStatus -b 127.0.0.1:10911)" >&2; exit 2; }
cmd=$1; shift
ns=(); if ! printf '%s\n' "$@" | grep -qx -- '-n'; then ns=(-n "${NAMESRV_ADDR:-$NAMESRV_ADDR_LOCAL}"); fi
mkdir -p "$SANDBOX_DIR/home/tools"
extra=(); [ "$RMQ_MAJOR" = 4 ] && extra=(-Drocketmq.client.logRoot="$SANDBOX_DIR/home/tools/logs" -Drocketmq.client.logUseSlf4j=false)
# shellcheck disable=SC2046
exec "${CLIENT_JAVA[@]}" $(logback_flag tools) "${extra[@]}" -Duser.home="$SANDBOX_DIR/home/tools" -cp "$CLASSPATH_ALL" \
  org.apache.rocketmq.tools.command.MQAdminStartup "$cmd" "${ns[@]}" "$@"
