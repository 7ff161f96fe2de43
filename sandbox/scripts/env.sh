# Shared settings for the sandbox scripts. Source it; it sets variables and helpers, starts nothing.
#   RMQ_VERSION   5.5.0 (default) or 4.9.8
#   RMQ_CACHE     where jars are cached, keyed by version (default ~/.cache/rocketmq-console)
#   SANDBOX_DIR   runtime state: configs, stores, logs, pids (default <repo>/.sandbox/<version>)
#   NAMESRV_PORT  9876; BROKER_PORTS "10911 10921 10931" (broker-a master, broker-a slave, broker-b master)
SANDBOX_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO_ROOT="$(cd "$SANDBOX_ROOT/.." && pwd)"
RMQ_VERSION="${RMQ_VERSION:-5.5.0}"
RMQ_CACHE="${RMQ_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/rocketmq-console}"
RMQ_HOME="$RMQ_CACHE/rocketmq-$RMQ_VERSION"
SANDBOX_DIR="${SANDBOX_DIR:-$REPO_ROOT/.sandbox/$RMQ_VERSION}"
NAMESRV_PORT="${NAMESRV_PORT:-9876}"
BROKER_PORTS="${BROKER_PORTS:-10911 10921 10931}"
NAMESRV_ADDR_LOCAL="127.0.0.1:$NAMESRV_PORT"
export ROCKETMQ_HOME="$RMQ_HOME"

case "$RMQ_VERSION" in
  4.*) RMQ_MAJOR=4; MAVEN_PROFILE="-P rmq4" ;;
  *)   RMQ_MAJOR=5; MAVEN_PROFILE="" ;;
esac

# logback: 5.x reads the role's config from its module jar when told which; 4.x reads $ROCKETMQ_HOME/conf/logback_*.xml
logback_flag() { # role: namesrv|broker|tools|client
  if [ "$RMQ_MAJOR" = 5 ]; then echo "-Drmq.logback.configurationFile=rmq.$1.logback.xml"; fi
}

JAVA_COMMON=(-server -XX:-OmitStackTraceInFastThrow -Drocketmq.home.dir="$RMQ_HOME" -Dtls.server.mode=disabled
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED)
GC_FLAGS=(${GC:--XX:+UseG1GC})
NS_HEAP=(${NS_HEAP:--Xms128m -Xmx256m})
BROKER_HEAP=(${BROKER_HEAP:--Xms256m -Xmx512m})
CLIENT_JAVA=(java -Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Duser.timezone=UTC -Drocketmq.home.dir="$RMQ_HOME"
  -Dtls.enable=false --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED)
CLASSPATH_ALL="$RMQ_HOME/lib/*"

log() { printf '[sandbox %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

jars_ready() { [ -f "$RMQ_HOME/.complete" ]; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pid_alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }
