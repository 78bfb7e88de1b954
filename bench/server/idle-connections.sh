#!/usr/bin/env bash
# 20,000 concurrent idle keep-alive connections held open to `eucomply serve` while wrk
# requests are still served; then every held connection must still answer. Run by hand.
#   bench/server/idle-connections.sh [BUILD_DIR] [CONNECTIONS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
n=${2:-20000}
bin=$build/apps/eucomply/eucomply
[ -x "$bin" ] || { echo "$bin missing: build first"; exit 1; }

# The server holds n sockets, each client process n/2: raise the descriptor limit. Raising
# the hard limit needs CAP_SYS_RESOURCE; without it the server can hold at most the hard
# limit less the few descriptors it needs itself, and n is lowered to that (and said so).
want=$((n + 64))
hard=$(ulimit -Hn)
if [ "$hard" != unlimited ] && [ "$hard" -lt "$want" ]; then
  if ulimit -Hn "$want" 2>/dev/null; then
    :
  else
    echo "note: the hard fd limit is $hard and cannot be raised here (no CAP_SYS_RESOURCE);" \
         "holding $((hard - 64)) connections instead of $n"
    n=$((hard - 64))
    want=$hard
  fi
fi
ulimit -n "$want"
read -r lo hi < /proc/sys/net/ipv4/ip_local_port_range
if [ $((hi - lo)) -lt "$n" ]; then echo "only $((hi - lo)) local ports: fewer than $n"; exit 1; fi

tmp=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
"$bin" serve --port 0 --data "$tmp/no-alerts" --access-log off --idle-timeout 600 >"$tmp/out" 2>&1 &
server_pid=$!
for _ in $(seq 100); do grep -q listening "$tmp/out" && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.:]*/' "$tmp/out" | head -1)
[ -n "$url" ] || { cat "$tmp/out"; exit 1; }
echo "fd limit $(ulimit -n); server $url"
status=0
python3 "$here/idle_connections.py" "$url" "$n" "${WRK_SECONDS:-5}" "$here/assess.lua" 2 || status=$?
echo "server RSS: $(awk '/VmHWM/ {print $2, $3}' /proc/$server_pid/status) peak"
exit $status
