#!/usr/bin/env bash
# Load test of `eucomply serve` with wrk: requests/s and p99 latency for POST assess and for
# GET alerts/search, at 64 connections, server and wrk on the same machine. Run by hand
# (make bench); a few seconds per endpoint. Assess is measured three ways:
#   assess gzip      one body, Accept-Encoding: gzip as browsers and HTTP libraries send it;
#                    answered from the response cache's compressed copy (about 20 KB)
#   assess           one body, no Accept-Encoding: the cached 87 KB of JSON as it is
#   assess uncached  a new body on every request: engine, JSON rendering, no cache
# and alert search twice: 6 queries in turn (cached after the first round), and the same
# queries with a new offset and limit each time (never cached).
#   bench/server/run-wrk.sh [BUILD_DIR]
# Environment: DURATION (5s), CONNECTIONS (64), WRK_THREADS (2), SERVER_THREADS (cores),
# WRK_NICE (19): the load generator's nice level. On these 2 cores wrk and the server share
# the CPUs; at nice 0 the scheduler lets wrk's threads delay the server's for whole time
# slices, which wrk then counts as server latency. At 19 wrk yields to the server, as it
# would on a machine of its own. Run with WRK_NICE=0 to see both.
# EUCOMPLY_DATA (an imported alert store; default ./eucomply-data, else a few reports are
# imported into a temporary folder), ACCESS_LOG (a file; default a temporary file).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
bin=$build/apps/eucomply/eucomply
duration=${DURATION:-5s}
conns=${CONNECTIONS:-64}
wrk_threads=${WRK_THREADS:-2}
threads=${SERVER_THREADS:-$(nproc)}
wrk_nice=${WRK_NICE:-19}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }
[ -x "$bin" ] || { echo "$bin missing: build first"; exit 1; }

tmp=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

data=${EUCOMPLY_DATA:-$root/eucomply-data}
if [ ! -f "$data/alerts.sqlite" ]; then
  data=$tmp/data
  reports=$root/../shared/data/safety-gate/weekly-reports
  "$bin" alerts import --data "$data" $(ls "$reports"/report_100003*.xml.gz "$reports"/report_1000029*.xml.gz) >/dev/null
fi
log=${ACCESS_LOG:-$tmp/access.log}

"$bin" serve --port 0 --data "$data" --threads "$threads" --access-log "$log" >"$tmp/out" 2>&1 &
server_pid=$!
for _ in $(seq 100); do grep -q listening "$tmp/out" && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.:]*/' "$tmp/out" | head -1)
[ -n "$url" ] || { cat "$tmp/out"; exit 1; }
alerts=$(curl -s "${url}api/v1/health" | python3 -c 'import json,sys; print(json.load(sys.stdin)["alerts"].get("count", 0))')
echo "server: $url, $threads threads, $alerts alerts; wrk: $wrk_threads threads, $conns connections, $duration, nice $wrk_nice"

run() {
  local name=$1 script=$2 path=$3
  # Warm up (the searchers load their facet tables on first use).
  wrk -t1 -c4 -d1s -s "$script" "$url$path" >/dev/null
  local out
  out=$(nice -n "$wrk_nice" wrk -t"$wrk_threads" -c"$conns" -d"$duration" --latency -s "$script" "$url$path")
  local rps p99 non2xx
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  printf '%-16s %10s req/s   p99 %8s   non-2xx %s\n' "$name" "$rps" "$p99" "${non2xx:-0}"
  [ -n "${VERBOSE:-}" ] && echo "$out"
  return 0
}
run "assess gzip" "$here/assess-gzip.lua" "api/v1/assess"
run "assess" "$here/assess.lua" "api/v1/assess"
run "assess uncached" "$here/assess-varied.lua" "api/v1/assess"
run "alerts/search" "$here/search.lua" "api/v1/alerts/search"
run "search uncached" "$here/search-varied.lua" "api/v1/alerts/search"
