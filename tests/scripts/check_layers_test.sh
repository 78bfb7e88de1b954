#!/usr/bin/env bash
# Tests scripts/check-layers: the tree as committed passes, and a copy of it with one include
# that breaks the allow-list (of each kind the script knows) fails, naming the file and line.
#   check_layers_test.sh SOURCE_DIR WORK_DIR
set -euo pipefail
SRC="$1"; WORK="$2"
fail() { echo "check_layers_test: $*" >&2; exit 1; }

bash "$SRC/scripts/check-layers" "$SRC" > /dev/null || fail "the committed tree breaks its own allow-list"

# expect_breach NAME FILE LINE_TO_APPEND MESSAGE_PART: a fresh copy with LINE appended to FILE
# must fail, and the output must name FILE at the appended line with MESSAGE_PART.
expect_breach() {
  local name="$1" file="$2" line="$3" part="$4" dir="$WORK/$1" out n
  rm -rf "$dir" && mkdir -p "$dir"
  cp -r "$SRC/src" "$SRC/include" "$dir/"
  mkdir -p "$dir/src/alerts/internal" && touch "$dir/src/alerts/internal/detail.h"
  echo "$line" >> "$dir/$file"
  n=$(wc -l < "$dir/$file")
  if out=$(bash "$SRC/scripts/check-layers" "$dir" 2>&1); then
    fail "$name: check-layers passed a tree where $file includes ${line#*include }"
  fi
  grep -qF "$dir/$file:$n: " <<< "$out" || fail "$name: no breach named at $file:$n in: $out"
  grep -qF "$part" <<< "$out" || fail "$name: expected '$part' in: $out"
  echo "check_layers_test: $name: fails as it should: $(grep -F "$dir/$file:$n" <<< "$out" | sed "s|$dir/||")"
}

expect_breach upward src/kb/units.cc '#include "server/api.h"' "kb may not include server/api.h"
expect_breach upward_public src/common/date.cc '#include "eucomply/engine.h"' \
  "common may not include eucomply/engine.h (module rules)"
expect_breach internal src/server/api.cc '#include "alerts/internal/detail.h"' "internal to alerts"
expect_breach public_private include/eucomply/kb.h '#include "kb/condition_parser.h"' \
  "public header includes private header"
expect_breach public_upward include/eucomply/status.h '#include "eucomply/kb.h"' \
  "common may not include eucomply/kb.h"
expect_breach unknown_header src/rules/engine.cc '#include "eucomply/nonesuch.h"' "has no owner"
echo "check_layers_test: all breaches caught"
