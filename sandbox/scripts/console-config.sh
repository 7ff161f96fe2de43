#!/usr/bin/env bash
# Writes a clusters file (CONSOLE_CONFIG, YAML; lib/console/core/clusters-file.ts) naming local sandboxes:
#   console-config.sh <out.yaml> <version> [version ...]
# The first version is the defaultCluster. A 5.x sandbox is the cluster `local`, a 4.x one `local-<major.minor>`
# (4.9.8 -> local-4.9), on the default ports of its version shifted by SANDBOX_PORT_OFFSET (env.sh). Explicit
# NAMESRV_PORT / BROKER_PORTS name a single sandbox, so they are ignored here.
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: console-config.sh <out.yaml> <version> [version ...]" >&2; exit 2; }
out=$1; shift
name_of() { case "$1" in 4.*) echo "local-$(echo "$1" | cut -d. -f1-2)" ;; *) echo local ;; esac; }
namesrv_of() { (unset NAMESRV_PORT BROKER_PORTS; RMQ_VERSION=$1; source "$(dirname "$0")/env.sh"; echo "$NAMESRV_ADDR_LOCAL"); }
mkdir -p "$(dirname "$out")"
{
  echo "# written by sandbox/scripts/console-config.sh: the local RocketMQ sandboxes"
  echo "defaultCluster: $(name_of "$1")"
  echo "clusters:"
  for v in "$@"; do
    echo "  - name: $(name_of "$v")   # RocketMQ $v"
    echo "    namesrv: $(namesrv_of "$v")"
  done
} > "$out.tmp.$$"
mv "$out.tmp.$$" "$out"
