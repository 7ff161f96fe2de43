#!/usr/bin/env bash
# Runs one single-file Java program of sandbox/java with the official client jars:  jrun.sh Producer.java --count 40
# The program is compiled once per source and RocketMQ version (javac into a cache keyed by the source's hash), not
# at every launch as `java File.java` would: tests start dozens of clients, and each in-memory compile cost about
# 3 s of CPU on a machine already running two clusters.
set -euo pipefail
source "$(dirname "$0")/env.sh"
jars_ready || "$(dirname "$0")/fetch-jars.sh"
prog=$1; shift
src="$SANDBOX_ROOT/java/$prog"
main=${prog%.java}
classes="$RMQ_HOME-classes/$main-$(sha1sum "$src" | cut -c1-16)"
if [ ! -f "$classes/$main.class" ]; then
  # concurrent launches each compile into their own directory; the first rename wins, the others drop theirs
  tmp=$(mktemp -d "$RMQ_HOME-classes.XXXXXX" 2>/dev/null || { mkdir -p "$(dirname "$classes")" && mktemp -d "$RMQ_HOME-classes.XXXXXX"; })
  javac -nowarn -d "$tmp" -cp "$CLASSPATH_ALL" "$src" 2> "$tmp/javac.log" || { cat "$tmp/javac.log" >&2; rm -rf "$tmp"; exit 1; }
  mkdir -p "$(dirname "$classes")"
  mv -T "$tmp" "$classes" 2>/dev/null || rm -rf "$tmp"
fi
mkdir -p "$SANDBOX_DIR/home/client"
extra=(); [ "$RMQ_MAJOR" = 4 ] && extra=(-Drocketmq.client.logRoot="$SANDBOX_DIR/home/client/logs" -Drocketmq.client.logUseSlf4j=false)
# shellcheck disable=SC2046
exec "${CLIENT_JAVA[@]}" $(logback_flag client) "${extra[@]}" -Duser.home="$SANDBOX_DIR/home/client" \
  -cp "$classes:$CLASSPATH_ALL" "$main" "$@"
