#!/usr/bin/env bash
# Regenerates the harmonised-standard lists from ../shared/data/harmonised-standards and
# compares them with the committed knowledge/standards/harmonised: they must be identical.
#   regenerate.sh EUCOMPLY_BIN SOURCE_DIR SHARED_DIR WORK_DIR
set -euo pipefail
BIN="$1"; SRC="$2"; SHARED="$3"; WORK="$4"
TAR="$SHARED/data/harmonised-standards/decisions.tar.gz"
if [ ! -f "$TAR" ]; then
  echo "regenerate: $TAR not found (../shared beside the checkout)" >&2
  exit 1
fi
rm -rf "$WORK" && mkdir -p "$WORK"
tar -xzf "$TAR" -C "$WORK"
"$BIN" kb standards import "$WORK/corpus" --out "$WORK/out" 2> "$WORK/import.log" || { cat "$WORK/import.log" >&2; exit 1; }
if ! diff -r "$SRC/knowledge/standards/harmonised" "$WORK/out" > "$WORK/diff.txt"; then
  echo "regenerate: the committed lists differ from a fresh import (run scripts/import-standards):" >&2
  head -40 "$WORK/diff.txt" >&2
  exit 1
fi
echo "regenerate: $(ls "$WORK/out" | wc -l) lists identical to a fresh import of $(ls "$WORK/corpus" | wc -l) files"
