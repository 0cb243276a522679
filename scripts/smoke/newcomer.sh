#!/usr/bin/env bash
# The newcomer's first minutes, as CI runs them after `pnpm test`: `pnpm start` in an environment
# holding only PATH and HOME (plus a data folder of its own), until /readyz answers 200; then the
# portal page, the console page and one hashed script of each; then Ctrl-C, and nothing it started
# may be left running. Exits non-zero, with the start's output, when any step fails.
set -euo pipefail
cd "$(dirname "$0")/../.."

READY_WITHIN=${SMOKE_READY_WITHIN:-300}   # seconds: install is done, but a loaded CI machine is slow
STOP_WITHIN=20
log() { printf '[smoke] %s\n' "$*"; }

work="$(mktemp -d)"
out="$work/start.log"
sid=""
fail() {
  log "FAILED: $*"
  log "pnpm start printed:"
  sed 's/^/    /' "$out" >&2 || true
  exit 1
}
session_left() { [ -n "$sid" ] && ps -o pid= -s "$sid" 2>/dev/null | tr -d ' ' | grep -q .; }
redis_pid() { cat "$work/data/redis/redis.pid" 2>/dev/null || true; }
cleanup() {
  # Only what this smoke started: its session, and the Redis whose pid file is in its folder.
  if session_left; then pkill -KILL -s "$sid" 2>/dev/null || true; fi
  local pid; pid="$(redis_pid)"
  if [ -n "$pid" ] && grep -q '^redis-server' "/proc/$pid/cmdline" 2>/dev/null; then kill -9 "$pid" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

command -v curl >/dev/null || { log "needs curl"; exit 1; }
started=$SECONDS
log "pnpm start in a clean environment (data in $work/data)"
env -i PATH="$PATH" HOME="${HOME:-/tmp}" INFOCIG_DATA_DIR="$work/data" setsid pnpm start --port 0 >"$out" 2>&1 &
sid=$!

base=""
until [ -n "$base" ]; do
  kill -0 "$sid" 2>/dev/null || fail "pnpm start exited before it was up"
  [ $((SECONDS - started)) -lt "$READY_WITHIN" ] || fail "not up within ${READY_WITHIN}s"
  base="$(sed -nE 's#.*Readiness: (http://[^/ ]+)/readyz.*#\1#p' "$out" | head -1)"
  [ -n "$base" ] || sleep 0.5
done
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/readyz")" = 200 ]; do
  kill -0 "$sid" 2>/dev/null || fail "pnpm start exited before /readyz answered 200"
  [ $((SECONDS - started)) -lt "$READY_WITHIN" ] || fail "/readyz not 200 within ${READY_WITHIN}s"
  sleep 0.5
done
log "/readyz 200 after $((SECONDS - started))s at $base"

for page in / /console/; do
  html="$(curl -sf "$base$page")" || fail "GET $page did not answer 200"
  # The demo page names its scripts relative to itself (./assets/…), the console absolutely.
  script="$(printf '%s' "$html" | grep -oE 'src="\.?/(console/)?assets/[^"]+\.js"' | head -1 | cut -d'"' -f2)"
  script="${script#.}"
  [ -n "$script" ] || fail "GET $page names no hashed script"
  headers="$(curl -sf -o /dev/null -D - -H 'Accept-Encoding: br' "$base$script")" || fail "GET $script failed"
  grep -qi '^content-encoding: br' <<<"$headers" || fail "GET $script was not sent brotli-encoded"
  grep -qi '^cache-control: public, max-age=31536000, immutable' <<<"$headers" || fail "GET $script is not cached as immutable"
  log "GET $page and $script: ok"
done

redis="$(redis_pid)"
log "Ctrl-C"
pkill -INT -s "$sid"   # what a terminal does: SIGINT to the foreground processes
for _ in $(seq 1 $((STOP_WITHIN * 2))); do session_left || break; sleep 0.5; done
session_left && fail "still running ${STOP_WITHIN}s after Ctrl-C: $(ps -o pid=,args= -s "$sid")"
if [ -n "$redis" ] && kill -0 "$redis" 2>/dev/null; then fail "its private Redis (pid $redis) is still running"; fi
log "stopped, nothing left running: ok"
