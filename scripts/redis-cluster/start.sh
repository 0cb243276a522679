#!/usr/bin/env bash
# A local Redis Cluster for tests and trials: 3 primaries and 3 replicas on 127.0.0.1, ports
# BASE..BASE+5 (BASE defaults to 7101), append-only file on (appendfsync everysec), data under
# DIR (default /tmp/infocig-redis-cluster). Prints the REDIS_CLUSTER_NODES value to use.
# Idempotent: a cluster already answering on BASE is left as it is.
#   bash scripts/redis-cluster/start.sh            # start
#   bash scripts/redis-cluster/start.sh stop       # stop and remove its data
set -euo pipefail
BASE="${REDIS_CLUSTER_BASE_PORT:-7101}"
DIR="${REDIS_CLUSTER_DIR:-/tmp/infocig-redis-cluster}"
PORTS=$(seq "$BASE" $((BASE + 5)))
nodes() { for p in $PORTS; do printf '127.0.0.1:%s,' "$p"; done | sed 's/,$//'; }

if [ "${1:-}" = stop ]; then
  for p in $PORTS; do redis-cli -p "$p" shutdown nosave >/dev/null 2>&1 || true; done
  rm -rf "$DIR"
  exit 0
fi

if [ "$(redis-cli -p "$BASE" cluster info 2>/dev/null | tr -d '\r' | grep -c '^cluster_state:ok')" = 1 ]; then
  nodes; echo
  exit 0
fi

for p in $PORTS; do
  mkdir -p "$DIR/$p"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$p" --dir "$DIR/$p" \
    --cluster-enabled yes --cluster-config-file nodes.conf --cluster-node-timeout 2000 \
    --appendonly yes --appendfsync everysec --save "" --logfile "$DIR/$p/redis.log"
done
for p in $PORTS; do
  for _ in $(seq 1 40); do redis-cli -p "$p" ping >/dev/null 2>&1 && break; sleep 0.25; done
done
# shellcheck disable=SC2046
redis-cli --cluster create $(for p in $PORTS; do printf '127.0.0.1:%s ' "$p"; done) \
  --cluster-replicas 1 --cluster-yes >"$DIR/create.log"
for _ in $(seq 1 80); do
  ok=1
  for p in $PORTS; do
    redis-cli -p "$p" cluster info | tr -d '\r' | grep -q '^cluster_state:ok' || ok=0
  done
  [ "$ok" = 1 ] && break
  sleep 0.25
done
[ "$ok" = 1 ] || { echo "redis cluster did not become ready (see $DIR)" >&2; exit 1; }
nodes; echo
