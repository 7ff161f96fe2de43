#!/usr/bin/env bash
# ACL 2.0 (5.x, SANDBOX_AUTH=on): the lab's reader and application users and their policies, on every broker of
# DefaultCluster, through the official mqadmin signed as the Super user (conf/tools.yml). Idempotent.
set -euo pipefail
source "$(dirname "$0")/env.sh"
[ "$SANDBOX_AUTH" = on ] && [ "$RMQ_MAJOR" = 5 ] || die "auth-users.sh is for a 5.x SANDBOX_AUTH=on sandbox"
M="$(dirname "$0")/mqadmin.sh"
out="$SANDBOX_DIR/logs/auth-users.out"; : > "$out"

# mqadmin prints failures and still exits 0: a command is done when its output says so
run() { # what expect-pattern args...
  local what=$1 pattern=$2; shift 2
  for attempt in 1 2 3; do
    local text; text=$("$M" "$@" 2>&1 || true); echo "$text" >> "$out"
    if grep -qE "$pattern" <<<"$text"; then return 0; fi
    sleep 1
  done
  die "$what failed (see $out)"
}
user() { # name password
  if "$M" getUser -c DefaultCluster -u "$1" 2>&1 | grep -q "\"username\":\"$1\"\|username.*$1"; then return 0; fi
  run "createUser $1" "success" createUser -c DefaultCluster -u "$1" -p "$2" -t Normal
}
user "$AUTH_READER_USER" "$AUTH_READER_PASSWORD"
user "$AUTH_APP_USER" "$AUTH_APP_PASSWORD"
run "createAcl $AUTH_READER_USER" "success" createAcl -c DefaultCluster -s "User:$AUTH_READER_USER" -r '*' -a Get,List,Sub -d Allow
run "createAcl $AUTH_APP_USER topics" "success" createAcl -c DefaultCluster -s "User:$AUTH_APP_USER" -r 'Topic:*' -a Pub,Sub,Get -d Allow
run "updateAcl $AUTH_APP_USER groups" "success" updateAcl -c DefaultCluster -s "User:$AUTH_APP_USER" -r 'Group:*' -a Sub,Get -d Allow
log "ACL 2.0 users $AUTH_READER_USER, $AUTH_APP_USER and their policies are on every broker"
