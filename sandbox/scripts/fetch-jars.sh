#!/usr/bin/env bash
# Fetches the official RocketMQ jars from Maven Central into $RMQ_CACHE/rocketmq-<version>/lib, once per version.
set -euo pipefail
source "$(dirname "$0")/env.sh"
if jars_ready; then log "jars for $RMQ_VERSION already in $RMQ_HOME"; exit 0; fi
command -v mvn >/dev/null || die "mvn not found (apt-get install maven)"
log "fetching RocketMQ $RMQ_VERSION from Maven Central into $RMQ_HOME/lib"
tmp="$RMQ_HOME.tmp.$$"; rm -rf "$tmp"; mkdir -p "$tmp/lib"
# shellcheck disable=SC2086
mvn -B -q -f "$SANDBOX_ROOT/pom.xml" $MAVEN_PROFILE dependency:copy-dependencies \
  -DoutputDirectory="$tmp/lib" -DincludeScope=runtime >&2
mkdir -p "$tmp/conf"
if [ "$RMQ_MAJOR" = 4 ]; then
  # 4.x servers load logback from $ROCKETMQ_HOME/conf; these minimal ones log to user.home like the 5.x jars do
  for role in namesrv broker tools; do
    cat > "$tmp/conf/logback_$role.xml" <<XML
<configuration>
  <appender name="FILE" class="ch.qos.logback.core.FileAppender">
    <file>\${user.home}/logs/rocketmqlogs/$role.log</file>
    <encoder><pattern>%d{yyy-MM-dd HH:mm:ss,SSS} %p %t - %m%n</pattern></encoder>
  </appender>
  <root level="INFO"><appender-ref ref="FILE"/></root>
</configuration>
XML
  done
fi
rm -rf "$RMQ_HOME"; mv "$tmp" "$RMQ_HOME"; touch "$RMQ_HOME/.complete"
log "$(ls "$RMQ_HOME/lib" | wc -l) jars in $RMQ_HOME/lib"
