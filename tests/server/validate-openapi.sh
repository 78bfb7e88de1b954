#!/usr/bin/env bash
# Validates the OpenAPI document against the official OpenAPI 3.0/3.1 JSON schemas with
# @seriousme/openapi-schema-validator, installed on first use into a folder of the build
# tree. Exit 77 (ctest: skipped) when npm/node are missing or the package cannot be fetched.
#   validate-openapi.sh DOCUMENT.json NPM_DIR
set -euo pipefail
doc=$(realpath "$1")
dir=$2
command -v node >/dev/null && command -v npm >/dev/null || { echo "node/npm missing: skipped"; exit 77; }
if [ ! -d "$dir/node_modules/@seriousme/openapi-schema-validator" ]; then
  mkdir -p "$dir"
  if ! npm install --prefix "$dir" --no-audit --no-fund --loglevel=error \
      @seriousme/openapi-schema-validator@2 >"$dir/install.log" 2>&1; then
    echo "cannot install @seriousme/openapi-schema-validator (offline?): skipped"
    cat "$dir/install.log"
    exit 77
  fi
fi
cd "$dir"
DOC="$doc" node --input-type=module -e '
import { Validator } from "@seriousme/openapi-schema-validator";
const validator = new Validator();
const res = await validator.validate(process.env.DOC);
if (!res.valid) {
  console.error(JSON.stringify(res.errors, null, 2));
  process.exit(1);
}
console.log(`${process.env.DOC}: valid OpenAPI ${validator.version}`);
'
