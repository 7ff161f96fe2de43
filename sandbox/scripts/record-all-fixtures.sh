#!/usr/bin/env bash
# Re-records every protocol fixture from fresh sandboxes of each version, in the state the specs expect:
# seeded traffic (traffic.sh) and online groups (online-consumers.sh). Stops each sandbox afterwards.
#   bash sandbox/scripts/record-all-fixtures.sh [version ...]     (default: 5.5.0 4.9.8)
#   npm run record-fixtures [-- version ...]
# Every version is recorded on the 5.x default ports (namesrv 9876, brokers 10911/10921/10931), unshifted, so the
# addresses inside the fixtures are the same for all (test-support/fixtures.ts SANDBOX): stop whatever runs there
# first (npm run sandbox:stop). To re-record only some operations of a running sandbox: npx tsx sandbox/scripts/record-fixtures.ts <operation...>
set -euo pipefail
cd "$(dirname "$0")/../.."
export NAMESRV_PORT=9876 BROKER_PORTS="10911 10921 10931" SANDBOX_PORT_OFFSET=0
for v in "${@:-5.5.0 4.9.8}"; do
  for version in $v; do
    export RMQ_VERSION=$version
    bash sandbox/scripts/start-cluster.sh --fresh
    bash sandbox/scripts/traffic.sh
    bash sandbox/scripts/online-consumers.sh start
    npx tsx sandbox/scripts/record-fixtures.ts
    bash sandbox/scripts/stop-cluster.sh
  done
done
