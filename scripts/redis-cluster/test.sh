#!/usr/bin/env bash
# The server's tests again, on a local Redis Cluster (3 primaries, 3 replicas) started for the run
# and removed after: the same suite as on one Redis, plus the primary failover test, which runs
# only here. Left out: files whose servers bring a single Redis of their own (to kill, empty or
# refuse it), which would test that single Redis again; the folders whose tests do not touch
# Redis (the store, the audit chain, payment timing, configuration, hours, the API description);
# and those whose Redis work is a single-key read or a rate-limit counter already exercised by the
# rest (the store's faults, figures, HTTP headers and origins, token expiry, process exits, the
# supervisors' REST reads, metrics, the authorisation matrix, the access log).
#   pnpm test:cluster [vitest arguments]     e.g. pnpm test:cluster test/chaos
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${1:-}" = --help ]; then
  sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'
  exit 0
fi
# Ports of its own (7301-7306), so a cluster started by hand on 7101 is left alone.
export REDIS_CLUSTER_BASE_PORT="${REDIS_CLUSTER_BASE_PORT:-7301}"
export REDIS_CLUSTER_DIR="${REDIS_CLUSTER_DIR:-/tmp/infocig-test-cluster-$$}"
trap 'bash scripts/redis-cluster/start.sh stop' EXIT
nodes="$(bash scripts/redis-cluster/start.sh)"
echo "[cluster] running the server's tests on a Redis Cluster at $nodes"
TEST_REDIS_CLUSTER_NODES="$nodes" npx vitest run --project server \
  --exclude '**/faults/redis-loss.test.ts' --exclude '**/faults/redis-outage.test.ts' \
  --exclude '**/faults/shutdown.test.ts' --exclude '**/health/readiness.test.ts' \
  --exclude '**/operations/production.test.ts' --exclude '**/faults/dependency-failure.test.ts' \
  --exclude '**/chat/archive.test.ts' \
  --exclude '**/test/store/**' --exclude '**/test/audit/**' --exclude '**/test/timing/**' \
  --exclude '**/test/config/**' --exclude '**/test/hours/**' --exclude '**/operations/openapi.test.ts' \
  --exclude '**/operations/operator-pages.test.ts' \
  --exclude '**/faults/store-outage.test.ts' --exclude '**/faults/store-outage-commands.test.ts' \
  --exclude '**/faults/store-hang.test.ts' \
  --exclude '**/test/figures/**' --exclude '**/test/http.test.ts' --exclude '**/http/origin-check.test.ts' \
  --exclude '**/auth/token-expiry.test.ts' --exclude '**/test/process.test.ts' --exclude '**/serve/serve.test.ts' \
  --exclude '**/supervision/supervisor-namespace.test.ts' --exclude '**/supervision/announcements.test.ts' \
  --exclude '**/supervision/advisors-api.test.ts' --exclude '**/supervision/audit-api.test.ts' \
  --exclude '**/operations/metrics.test.ts' --exclude '**/authorization/**' \
  --exclude '**/followups/access-log-readers.test.ts' --exclude '**/followups/follow-up-counts.test.ts' "$@"
