#!/usr/bin/env bash
# Writes a clusters file (CONSOLE_CONFIG, YAML; lib/console/core/clusters-file.ts) naming local sandboxes:
#   console-config.sh <out.yaml> <sandbox> [sandbox ...]
# A sandbox is a version (5.5.0, 4.9.8) or, for one with access control (SANDBOX_AUTH=on, sandbox/scripts/auth.sh),
# secured:<version>[:admin|reader|none], the account the console signs with (default admin).
# The first one is the defaultCluster. A 5.x sandbox is the cluster `local`, a 4.x one `local-<major.minor>`
# (4.9.8 -> local-4.9); secured ones are `secured`, `secured-4.9`, and with another account `secured-reader`,
# `secured-none`. Ports are the defaults of each (env.sh) shifted by SANDBOX_PORT_OFFSET. Explicit NAMESRV_PORT /
# BROKER_PORTS name a single sandbox, so they are ignored here.
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: console-config.sh <out.yaml> <version | secured:version[:account]> ..." >&2; exit 2; }
out=$1; shift
short() { echo "$1" | cut -d. -f1-2; }
name_of() { # sandbox spec
  case "$1" in
    secured:*)
      local v account; v=$(echo "$1" | cut -d: -f2); account=$(echo "$1" | cut -d: -f3)
      local base=secured; case "$v" in 4.*) base="secured-$(short "$v")" ;; esac
      if [ -n "$account" ] && [ "$account" != admin ]; then echo "$base-$account"; else echo "$base"; fi ;;
    4.*) echo "local-$(short "$1")" ;;
    *) echo local ;;
  esac
}
entry() { # sandbox spec
  local spec=$1 v auth=off account=
  case "$spec" in secured:*) v=$(echo "$spec" | cut -d: -f2); auth=on; account=$(echo "$spec" | cut -d: -f3); account=${account:-admin} ;; *) v=$spec ;; esac
  (
    unset NAMESRV_PORT BROKER_PORTS SANDBOX_DIR
    export RMQ_VERSION=$v SANDBOX_AUTH=$auth
    source "$(dirname "$0")/env.sh"
    echo "  - name: $(name_of "$spec")   # RocketMQ $v$([ $auth = on ] && echo " with access control, account: $account")"
    echo "    namesrv: $NAMESRV_ADDR_LOCAL"
    # the plain 5.x sandbox's proxy (proxy.sh) listens for remoting on 8180 (shifted); the console finds it through the brokers
    if [ "$RMQ_MAJOR" = 5 ] && [ "$auth" = off ]; then echo "    proxyRemotingPort: $(shifted_port 8180)"; fi
    case "$account" in
      admin) echo "    credentials: { accessKey: $AUTH_ADMIN_USER, secretKey: $AUTH_ADMIN_PASSWORD }" ;;
      reader) echo "    credentials: { accessKey: $AUTH_READER_USER, secretKey: $AUTH_READER_PASSWORD }" ;;
      none|'') ;;
      *) echo "unknown account '$account' (admin, reader or none)" >&2; exit 2 ;;
    esac
  )
}
mkdir -p "$(dirname "$out")"
{
  echo "# written by sandbox/scripts/console-config.sh: the local RocketMQ sandboxes"
  echo "defaultCluster: $(name_of "$1")"
  echo "clusters:"
  for spec in "$@"; do entry "$spec"; done
} > "$out.tmp.$$"
mv "$out.tmp.$$" "$out"
