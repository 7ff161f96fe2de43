#!/usr/bin/env bash
# A throwaway PostgreSQL for the store's `pg` test project, from Debian's server binaries (/usr/lib/postgresql/N/bin).
#   start  initdb a fresh cluster under .sandbox/postgres (a previous one is stopped and wiped), listen on
#          127.0.0.1:$PG_PORT only with trust auth, create database console_test; prints its URL as the last line
#          of stdout, so `DATABASE_URL=$(bash sandbox/scripts/postgres.sh start)` works
#   stop   pg_ctl stop -m fast; nothing is left running (quiet when nothing runs)
#   url    prints the URL
# PG_PORT (55432, shifted by SANDBOX_PORT_OFFSET: see env.sh) and PG_SANDBOX_DIR (.sandbox/postgres) override the
# defaults; PG_BIN picks the binaries.
# initdb and postgres refuse to run as root: as root, the server runs as the unprivileged `postgres` OS user.
set -euo pipefail
source "$(dirname "$0")/env.sh" # shifted_port, REPO_ROOT
PG_PORT="${PG_PORT:-$(shifted_port 55432)}"
PG_DIR="${PG_SANDBOX_DIR:-$REPO_ROOT/.sandbox/postgres}"
PG_DB=console_test
URL="postgres://postgres@127.0.0.1:$PG_PORT/$PG_DB"

log() { printf '[postgres] %s\n' "$*" >&2; }

# the newest installed major version, or PG_BIN; empty when there is none
pg_bin() {
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true
}

# Where the cluster lives: $PG_DIR, unless the unprivileged owner cannot reach it (a checkout under a private
# home such as /root); then in a temporary directory that $PG_DIR/cluster points to.
cluster_home() { if [ -L "$PG_DIR/cluster" ]; then readlink "$PG_DIR/cluster"; else echo "$PG_DIR"; fi; }

# as root the cluster belongs to the `postgres` user; otherwise to whoever runs this
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# without binaries nothing of ours can be running, so stop (also run from test.sh's exit trap) stays quiet
running() { [ -n "$BIN" ] && [ -f "$(cluster_home)/data/postmaster.pid" ] && as_owner "$BIN/pg_ctl" status -D "$(cluster_home)/data" >/dev/null 2>&1; }

stop() {
  if running; then
    as_owner "$BIN/pg_ctl" stop -D "$(cluster_home)/data" -m fast -w -t 30 >/dev/null
    log "stopped"
  fi
}

start() {
  [ -n "$BIN" ] && [ -x "$BIN/initdb" ] || { log "no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)"; exit 1; }
  stop
  [ "$(cluster_home)" = "$PG_DIR" ] || rm -rf "$(cluster_home)"
  rm -rf "$PG_DIR"
  mkdir -p "$PG_DIR"
  local home=$PG_DIR
  if [ "$(id -u)" = 0 ]; then
    chown postgres: "$PG_DIR"
    if ! runuser -u postgres -- test -w "$PG_DIR"; then
      home=$(mktemp -d /tmp/console-postgres.XXXXXX)
      chown postgres: "$home"
      ln -s "$home" "$PG_DIR/cluster"
    fi
  fi
  local DATA=$home/data LOGFILE=$home/postgres.log
  as_owner "$BIN/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$home/initdb.log" 2>&1 \
    || { cat "$home/initdb.log" >&2; log "initdb failed"; exit 1; }
  # TCP on loopback only, no Unix socket (Debian's default socket directory may not exist or be writable);
  # durability is pointless for a throwaway cluster, so trade it for speed
  cat >>"$DATA/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = ''
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
  if ! as_owner "$BIN/pg_ctl" start -D "$DATA" -l "$LOGFILE" -w -t 60 >/dev/null; then
    tail -n 20 "$LOGFILE" >&2 || true
    log "pg_ctl start failed (is port $PG_PORT taken?)"
    exit 1
  fi
  "$BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$PG_DB"
  log "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT, data in $DATA"
  echo "$URL"
}

BIN=$(pg_bin)
case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) echo "$URL" ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
