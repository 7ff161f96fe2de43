#!/usr/bin/env bash
# `npm test`: every suite, starting and stopping what it needs.
#   1. build the console (next build, which also type-checks)
#   2. unit tests (recorded fixtures, TCP layer), 3. store tests on a throwaway PostgreSQL
#   4. two RocketMQ sandboxes side by side, fresh, each with seeded traffic and online groups: 5.5.0 (cluster `local`)
#      and 4.9.8 (`local-4.9`), on ports by version (env.sh)
#   5. live tests on 5.5.0 and on 4.9.8 side by side (TEST_LIVE_SIDE_BY_SIDE=0: 4.9.8 after e2e instead)
#   6. Playwright e2e with the console serving both clusters, then the fault check on the 5.5.0 sandbox
#   7. the same two versions with access control (5.x ACL 2.0, 4.x ACL 1.0): secured live and e2e suites
# SANDBOX_PORT_OFFSET shifts every port this starts (sandboxes, e2e console, PostgreSQL), so two worktrees can
# run it at once. SANDBOX_START=sequential starts the sandboxes one after the other (default: both at once).
# Reports go to test-results/*.json; the last line is the total: "N passed, N failed[, N skipped]", and a suite that
# ran fewer tests than sandbox/scripts/test-counts.json says fails (summarize.mjs).
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
S=sandbox/scripts
R=test-results
export NEXT_TELEMETRY_DISABLED=1
export SANDBOX_PORT_OFFSET="${SANDBOX_PORT_OFFSET:-0}"
V5="${RMQ_VERSION_V5:-5.5.0}"
V4="${RMQ_VERSION_V4:-4.9.8}"
export RMQ_VERSION_V5=$V5 RMQ_VERSION_V4=$V4
for var in NAMESRV_PORT BROKER_PORTS SANDBOX_DIR NAMESRV_ADDR CONSOLE_CONFIG; do
  if [ -n "${!var:-}" ]; then
    echo "$var is set, but npm test starts its own two sandboxes on ports by version: unset it (SANDBOX_PORT_OFFSET shifts them)"
    echo "0 passed, 1 failed"
    exit 1
  fi
done
rm -rf "$R" && mkdir -p "$R"
SUITES=()
DURATIONS=()
started_versions=()

stop_sandboxes() {
  local v
  for v in "${started_versions[@]}"; do RMQ_VERSION=$v bash $S/stop-cluster.sh --quiet & done
  wait
  started_versions=()
}
cleanup() {
  stop_sandboxes
  bash $S/postgres.sh stop
}
trap cleanup EXIT
trap 'exit 130' INT TERM

STEP_NAME=""
STEP_T0=0
step() { # name: ends the running step (recording its duration) and starts the next one
  step_end
  STEP_NAME=$*
  STEP_T0=$SECONDS
  printf '\n=== %s ===\n' "$*"
}
step_end() {
  if [ -n "$STEP_NAME" ]; then DURATIONS+=("$(printf '%5ds  %s' $((SECONDS - STEP_T0)) "$STEP_NAME")"); fi
  STEP_NAME=""
}
T0=$SECONDS

step "build"
if ! npx next build > "$R/build.log" 2>&1; then
  tail -n 40 "$R/build.log"
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

sandbox_up() { # version: fresh cluster, seeded traffic, online groups; output to $R/sandbox-<version>.log
  local v=$1 t=$SECONDS
  {
    RMQ_VERSION=$v bash $S/start-cluster.sh --fresh && RMQ_VERSION=$v bash $S/traffic.sh && RMQ_VERSION=$v bash $S/online-consumers.sh start &&
      # 5.x: a rocketmq-proxy with the official gRPC clients through it (push and simple/POP consumers)
      { [[ $v == 4.* ]] || RMQ_VERSION=$v bash $S/proxy.sh start; }
  } > "$R/sandbox-$v.log" 2>&1
  local rc=$?
  echo "sandbox $v: $([ $rc = 0 ] && echo up || echo FAILED) in $((SECONDS - t))s (log $R/sandbox-$v.log)"
  [ $rc = 0 ] || tail -n 30 "$R/sandbox-$v.log"
  return $rc
}

# the sandboxes boot (JVMs starting, clients seeding, mostly waiting on each other) while lint, unit and store tests
# run: none of those needs a cluster, and the wait for the sandboxes then overlaps with their CPU
started_versions=("$V5" "$V4")
if [ "${SANDBOX_START:-parallel}" = sequential ]; then
  { sandbox_up "$V5"; sandbox_up "$V4"; } > "$R/sandboxes.log" 2>&1 & psand=$!
else
  sandbox_up "$V5" > "$R/sandbox-up-$V5.txt" 2>&1 & p5=$!
  sandbox_up "$V4" > "$R/sandbox-up-$V4.txt" 2>&1 & p4=$!
fi

step "lint (eslint: import cycles, hooks, unused code)"
if npx eslint . > "$R/lint.log" 2>&1; then lint_failed=0; else lint_failed=1; cat "$R/lint.log"; fi
# one test in the summary: the lint passed or it did not
printf '{"numTotalTests":1,"numPassedTests":%d,"numFailedTests":%d,"testResults":[{"name":"eslint","status":"%s","assertionResults":[{"title":"eslint .","status":"%s","failureMessages":["see test-results/lint.log"]}]}]}\n' \
  $((1 - lint_failed)) "$lint_failed" "$([ $lint_failed = 0 ] && echo passed || echo failed)" "$([ $lint_failed = 0 ] && echo passed || echo failed)" > "$R/lint.json"
SUITES+=("lint=$R/lint.json")

step "unit tests"
npx vitest run --project unit --reporter=default --reporter=json --outputFile="$R/unit.json"
SUITES+=("unit=$R/unit.json")

step "store tests on PostgreSQL"
# PostgreSQL stays up for the live suites too: two consoles on one PostgreSQL race for a change (LIVE_DATABASE_URL)
if PG_URL=$(bash $S/postgres.sh start); then
  DATABASE_URL="$PG_URL" npx vitest run --project pg --reporter=default --reporter=json --outputFile="$R/pg.json"
else
  PG_URL=""
  echo "PostgreSQL did not start"
fi
SUITES+=("pg=$R/pg.json")

step "sandboxes RocketMQ $V5 and $V4 (${SANDBOX_START:-parallel}, started after the build): the rest of the wait for them"
if [ "${SANDBOX_START:-parallel}" = sequential ]; then
  wait $psand
  cat "$R/sandboxes.log"
  grep -q "sandbox $V5: up" "$R/sandboxes.log"; v5_up=$?
  grep -q "sandbox $V4: up" "$R/sandboxes.log"; v4_up=$?
else
  wait $p5; v5_up=$?
  wait $p4; v4_up=$?
  cat "$R/sandbox-up-$V5.txt" "$R/sandbox-up-$V4.txt"
fi
# the e2e console serves both sandboxes (clusters `local` and `local-4.9`)
export E2E_CONSOLE_CONFIG="$ROOT/$R/e2e-console.yaml"
bash $S/console-config.sh "$E2E_CONSOLE_CONFIG" "$V5" "$V4"

live_run() { # version paths...
  local v=$1; shift
  RMQ_VERSION=$v MQADMIN_CACHE_DIR="$ROOT/$R/mqadmin-$v" LIVE_DATABASE_URL="$PG_URL" \
    npx vitest run --project live --reporter=default --reporter=json --outputFile="$R/live-$v.json" "$@"
}
SUITES+=("live-$V5=$R/live-$V5.json" "e2e=$R/e2e.json" "live-$V4=$R/live-$V4.json")

# the 4.9.8 live suite runs alongside the 5.5.0 one (its output follows when both are done): each freezes only its
# own sandbox's brokers, and most of their time is mqadmin JVMs starting and idling, which two suites share well
if [ "${TEST_LIVE_SIDE_BY_SIDE:-1}" = 1 ] && [ $v5_up = 0 ] && [ $v4_up = 0 ]; then
  step "live tests on RocketMQ $V5 and $V4 side by side"
  live_run "$V4" lib/rocketmq lib/console cli > "$R/live-$V4.log" 2>&1 &
  p4=$!
  live_run "$V5"
  wait $p4
  printf '\n--- live tests on RocketMQ %s ---\n' "$V4"
  cat "$R/live-$V4.log"
  v4_done=1
elif [ $v5_up = 0 ]; then
  step "live tests on RocketMQ $V5"
  live_run "$V5"
fi

if [ $v5_up = 0 ]; then
  step "e2e (Playwright, Debian chromium) on RocketMQ $V5 and $V4"
  RMQ_VERSION=$V5 MQADMIN_CACHE_DIR="$ROOT/$R/mqadmin-e2e" E2E_JSON="$R/e2e.json" npx playwright test
fi

# after e2e, not beside it: e2e visits both clusters, and the live suite freezes the 4.9.8 brokers at its end
if [ $v4_up = 0 ] && [ -z "${v4_done:-}" ]; then
  step "live tests on RocketMQ $V4"
  live_run "$V4" lib/rocketmq lib/console cli
fi

# last on the 5.5.0 sandbox, alone: it kills broker-b's master and the namesrv and freezes broker-b (reliability/faults.ts)
SUITES+=("faults-$V5=$R/faults-$V5.json")
if [ $v5_up = 0 ]; then
  step "faults on RocketMQ $V5: a broker killed, a broker frozen, the namesrv killed"
  RMQ_VERSION=$V5 MQADMIN_CACHE_DIR="$ROOT/$R/mqadmin-faults" npx vitest run --project faults --reporter=default --reporter=json --outputFile="$R/faults-$V5.json"
fi

# the main sandboxes stop while the secured ones start: stopping is mostly waiting for the JVMs to flush and exit
stop_sandboxes & pstop=$!

# 7. the sandboxes with access control (SANDBOX_AUTH=on, sandbox/scripts/auth.sh): 5.5.0 with ACL 2.0 and 4.9.8 with
# ACL 1.0, seeded by the demo clients signing with their own account; the secured live suite on each (the console
# signed as the administrator, as the reader, unsigned, with a wrong secret) and the secured e2e spec (the console
# serving them, no secret in any answer, page or the client bundle). After the others: four more JVMs each.
secured_up() { # version
  local v=$1 t=$SECONDS
  { SANDBOX_AUTH=on RMQ_VERSION=$v bash $S/start-cluster.sh --fresh && SANDBOX_AUTH=on RMQ_VERSION=$v bash $S/traffic.sh; } > "$R/sandbox-$v-auth.log" 2>&1
  local rc=$?
  echo "sandbox $v with access control: $([ $rc = 0 ] && echo up || echo FAILED) in $((SECONDS - t))s (log $R/sandbox-$v-auth.log)"
  [ $rc = 0 ] || tail -n 30 "$R/sandbox-$v-auth.log"
  return $rc
}
secured_run() { # version
  RMQ_VERSION=$1 MQADMIN_CACHE_DIR="$ROOT/$R/mqadmin-$1-auth" npx vitest run --project secured --reporter=default --reporter=json --outputFile="$R/secured-$1.json"
}
step "sandboxes with access control: RocketMQ $V5 (ACL 2.0) and $V4 (ACL 1.0)"
stop_secured() { local v; for v in "$V5" "$V4"; do SANDBOX_AUTH=on RMQ_VERSION=$v bash $S/stop-cluster.sh --quiet & done; wait; }
trap 'stop_secured; cleanup' EXIT
secured_up "$V5" & p5=$!
secured_up "$V4" & p4=$!
wait $p5; s5_up=$?
wait $p4; s4_up=$?
wait $pstop
SUITES+=("secured-$V5=$R/secured-$V5.json" "secured-$V4=$R/secured-$V4.json" "e2e-secured=$R/e2e-secured.json")
step "secured live tests on RocketMQ $V5 and $V4"
# side by side: each signs in to its own sandbox, and most of their time is mqadmin JVMs and round trips
if [ $s4_up = 0 ]; then secured_run "$V4" > "$R/secured-$V4.log" 2>&1 & ps4=$!; fi
if [ $s5_up = 0 ]; then secured_run "$V5"; fi
if [ $s4_up = 0 ]; then wait $ps4; printf '\n--- secured live tests on RocketMQ %s ---\n' "$V4"; cat "$R/secured-$V4.log"; fi
if [ $s5_up = 0 ] && [ $s4_up = 0 ]; then
  step "secured e2e (Playwright) on RocketMQ $V5 and $V4 with access control"
  bash $S/console-config.sh "$ROOT/$R/e2e-secured.yaml" "secured:$V5" "secured:$V4" "secured:$V5:none" "secured:$V5:reader"
  E2E_SECURED=1 E2E_CONSOLE_CONFIG="$ROOT/$R/e2e-secured.yaml" E2E_DATA_DIR="$ROOT/$R/e2e-secured-data" \
    MQADMIN_CACHE_DIR="$ROOT/$R/mqadmin-e2e-secured" E2E_JSON="$R/e2e-secured.json" npx playwright test
fi
step "stop the sandboxes with access control"
stop_secured
bash $S/postgres.sh stop
step_end

echo
echo "=== durations (total $((SECONDS - T0))s) ==="
printf '%s\n' "${DURATIONS[@]}" | tee "$R/durations.txt"
echo
echo "=== summary ==="
node $S/summarize.mjs "${SUITES[@]}"
