# Shared settings for the sandbox scripts. Source it; it sets variables and helpers, starts nothing.
#   RMQ_VERSION   5.5.0 (default) or 4.9.8
#   RMQ_CACHE     where jars are cached, keyed by version (default ~/.cache/rocketmq-console)
#   SANDBOX_DIR   runtime state: configs, stores, logs, pids (default <repo>/.sandbox/<version>)
#   NAMESRV_PORT, BROKER_PORTS (broker-a master, broker-a slave, broker-b master): by version, so a 5.x and a 4.x
#                 sandbox run side by side: 5.x 9876 / "10911 10921 10931", 4.x 9886 / "10951 10961 10971".
#                 A broker also opens listenPort-2 (fast channel) and listenPort+1 (HA): 10909-10932, 10949-10972.
#   SANDBOX_AUTH  on: a sandbox with access control, in its own directory (.sandbox/<version>-auth) on its own ports
#                 (5.x 9926 / "11041 11051 11061", 4.x 9936 / "11071 11081 11091"): 5.x ACL 2.0 (users and policies in
#                 the brokers' RocksDB), 4.x ACL 1.0 (plain_acl.yml). Accounts and files: sandbox/scripts/auth.sh.
#   SANDBOX_PORT_OFFSET  (default 0) shifts every default port the scripts and tests use, so two worktrees can run
#                 `npm test` at once (e.g. 20000: namesrv 29876); a port that would pass 65535 shifts down instead.
#                 An explicit NAMESRV_PORT / BROKER_PORTS is taken as is.
SANDBOX_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO_ROOT="$(cd "$SANDBOX_ROOT/.." && pwd)"
RMQ_VERSION="${RMQ_VERSION:-5.5.0}"
RMQ_CACHE="${RMQ_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/rocketmq-console}"
RMQ_HOME="$RMQ_CACHE/rocketmq-$RMQ_VERSION"
SANDBOX_AUTH="${SANDBOX_AUTH:-off}"
case "$SANDBOX_AUTH" in on|off) ;; *) echo "SANDBOX_AUTH must be on or off, not '$SANDBOX_AUTH'" >&2; exit 2 ;; esac
if [ "$SANDBOX_AUTH" = on ]; then SANDBOX_DIR="${SANDBOX_DIR:-$REPO_ROOT/.sandbox/$RMQ_VERSION-auth}"
else SANDBOX_DIR="${SANDBOX_DIR:-$REPO_ROOT/.sandbox/$RMQ_VERSION}"; fi
export ROCKETMQ_HOME="$RMQ_HOME"
# what the JVMs take as rocketmq.home.dir: where 4.x reads conf/plain_acl.yml and mqadmin reads conf/tools.yml
if [ -z "${RMQ_CONF_HOME:-}" ]; then RMQ_CONF_HOME="$RMQ_HOME"; if [ "$SANDBOX_AUTH" = on ]; then RMQ_CONF_HOME="$SANDBOX_DIR/rmqhome"; fi; fi

case "$RMQ_VERSION" in
  4.*) RMQ_MAJOR=4; MAVEN_PROFILE="-P rmq4" ;;
  *)   RMQ_MAJOR=5; MAVEN_PROFILE="" ;;
esac

SANDBOX_PORT_OFFSET="${SANDBOX_PORT_OFFSET:-0}"
case "$SANDBOX_PORT_OFFSET" in ''|*[!0-9]*) echo "SANDBOX_PORT_OFFSET must be a whole number, not '$SANDBOX_PORT_OFFSET'" >&2; exit 2 ;; esac
# base port + SANDBOX_PORT_OFFSET, or base - offset when that would pass 65535 (test-support/sandbox.ts testPort)
shifted_port() {
  local p=$(($1 + SANDBOX_PORT_OFFSET))
  [ "$p" -le 65535 ] || p=$(($1 - SANDBOX_PORT_OFFSET))
  [ "$p" -ge 1024 ] || { echo "SANDBOX_PORT_OFFSET $SANDBOX_PORT_OFFSET puts port $1 out of range" >&2; exit 2; }
  echo "$p"
}
case "$RMQ_MAJOR-$SANDBOX_AUTH" in
  4-off) DEFAULT_NAMESRV_PORT=9886; DEFAULT_BROKER_PORTS="10951 10961 10971" ;;
  5-off) DEFAULT_NAMESRV_PORT=9876; DEFAULT_BROKER_PORTS="10911 10921 10931" ;;
  4-on)  DEFAULT_NAMESRV_PORT=9936; DEFAULT_BROKER_PORTS="11071 11081 11091" ;;
  5-on)  DEFAULT_NAMESRV_PORT=9926; DEFAULT_BROKER_PORTS="11041 11051 11061" ;;
esac
NAMESRV_PORT="${NAMESRV_PORT:-$(shifted_port $DEFAULT_NAMESRV_PORT)}"
if [ -z "${BROKER_PORTS:-}" ]; then
  BROKER_PORTS=""; for p in $DEFAULT_BROKER_PORTS; do BROKER_PORTS="${BROKER_PORTS:+$BROKER_PORTS }$(shifted_port "$p")"; done
fi
NAMESRV_ADDR_LOCAL="127.0.0.1:$NAMESRV_PORT"

# logback: 5.x reads the role's config from its module jar when told which; 4.x reads $ROCKETMQ_HOME/conf/logback_*.xml
logback_flag() { # role: namesrv|broker|tools|client
  if [ "$RMQ_MAJOR" = 5 ]; then echo "-Drmq.logback.configurationFile=rmq.$1.logback.xml"; fi
}

JAVA_COMMON=(-server -XX:-OmitStackTraceInFastThrow -Drocketmq.home.dir="$RMQ_CONF_HOME" -Dtls.server.mode=disabled
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED)
GC_FLAGS=(${GC:--XX:+UseG1GC})
NS_HEAP=(${NS_HEAP:--Xms128m -Xmx256m})
BROKER_HEAP=(${BROKER_HEAP:--Xms256m -Xmx512m})
CLIENT_JAVA=(java -Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Duser.timezone=UTC -Drocketmq.home.dir="$RMQ_CONF_HOME"
  -Dtls.enable=false --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED)
CLASSPATH_ALL="$RMQ_HOME/lib/*"

log() { printf '[sandbox %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

jars_ready() { [ -f "$RMQ_HOME/.complete" ]; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# a process killed a moment ago stays a zombie until pid 1 reaps it (not at once in every container): not alive
pid_alive() {
  [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null || return 1
  local state; state=$(ps -o stat= -p "$1" 2>/dev/null) || return 1
  [ -n "$state" ] && [ "${state#Z}" = "$state" ]
}

if [ "$SANDBOX_AUTH" = on ]; then source "$(dirname "${BASH_SOURCE[0]}")/auth.sh"; fi
