#!/usr/bin/env bash
# The server's benchmarks (called by bench/run): wrk load on assess and alert search, then
# 20,000 idle keep-alive connections held while requests are served.
#   bench/server/run.sh [BUILD_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bash "$here/run-wrk.sh" "$@"
bash "$here/idle-connections.sh" "$@"
