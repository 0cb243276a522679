#!/usr/bin/env bash
# The server's tests again, on a local Redis Cluster (3 primaries, 3 replicas) started for the run
# and removed after: the same suite as on one Redis, plus the primary failover test, which runs
# only here. Files whose servers bring a single Redis of their own (to kill, empty or refuse it)
# are left out: on a cluster they would test the same single Redis again.
set -euo pipefail
cd "$(dirname "$0")/../.."
export REDIS_CLUSTER_BASE_PORT="${REDIS_CLUSTER_BASE_PORT:-7101}"
export REDIS_CLUSTER_DIR="${REDIS_CLUSTER_DIR:-/tmp/infocig-test-cluster-$$}"
trap 'bash scripts/redis-cluster/start.sh stop' EXIT
nodes="$(bash scripts/redis-cluster/start.sh)"
echo "[cluster] running the server's tests on a Redis Cluster at $nodes"
TEST_REDIS_CLUSTER_NODES="$nodes" npx vitest run --project server \
  --exclude '**/faults/redis-loss.test.ts' --exclude '**/faults/redis-outage.test.ts' \
  --exclude '**/faults/shutdown.test.ts' --exclude '**/health/readiness.test.ts' \
  --exclude '**/operations/production.test.ts' --exclude '**/faults/dependency-failure.test.ts' \
  --exclude '**/chat/archive.test.ts' "$@"
