// Regenerates the JSON Schemas in schemas/ from the zod types: `npx tsx scripts/write-schemas.ts`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHIPPED_SCHEMAS, jsonSchemaText } from '../src/schemas.js';

for (const name of Object.keys(SHIPPED_SCHEMAS)) {
  writeFileSync(join(import.meta.dirname, '..', 'schemas', name), jsonSchemaText(name));
  console.log(`wrote schemas/${name}`);
}
