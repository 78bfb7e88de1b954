// Generates web/src/api-types.ts, the TypeScript types of the eucomply HTTP API, from the
// server's OpenAPI document (src/server/openapi.json) with openapi-typescript (the exact
// version pinned in package.json / package-lock.json).
//
//   npm run gen:api     rewrite src/api-types.ts (commit the result)
//   npm run check:api   exit 1 when the committed src/api-types.ts differs from what the
//                       document generates now (scripts/build-web runs this, so a stale file
//                       fails the build)
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const DOC = new URL('../../src/server/openapi.json', import.meta.url);
const OUT = new URL('../src/api-types.ts', import.meta.url);

const HEADER = `// GENERATED FILE, do not edit: the types of the eucomply HTTP API, made by openapi-typescript
// from src/server/openapi.json. After changing the OpenAPI document, run \`npm run gen:api\` in
// web/ and commit this file; the build (scripts/build-web, \`npm run check:api\`) fails while it
// is out of date. The page's own names for these types are in api.ts.

`;

async function generate() {
  const doc = JSON.parse(readFileSync(DOC, 'utf8'));
  // A bare `type: object` (no properties) becomes `unknown`, not `Record<string, never>`, so
  // reading a field of such a value is a compile error until api.ts gives it a local type.
  const ast = await openapiTS(doc, { emptyObjectsUnknown: true, silent: true });
  return HEADER + astToString(ast);
}

const text = await generate();
const out = fileURLToPath(OUT);
if (process.argv.includes('--check')) {
  let have = '';
  try {
    have = readFileSync(out, 'utf8');
  } catch {
    /* missing: stale */
  }
  if (have !== text) {
    console.error(
      `web/src/api-types.ts is out of date with src/server/openapi.json: run \`npm run gen:api\` in web/ and commit the result.`,
    );
    process.exit(1);
  }
} else {
  writeFileSync(out, text);
}
