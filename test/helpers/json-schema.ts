import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * A validator for the shipped JSON Schemas as a user's tooling would run them: draft 2020-12,
 * with the formats they declare (`date-time`) known rather than ignored with a warning each.
 */
export function schemaValidator(options: { allErrors?: boolean } = {}): Ajv2020.default {
  const ajv = new Ajv2020.default({ strict: false, ...options });
  addFormats.default(ajv);
  // zod writes `.startsWith()` as format "starts_with" next to the `pattern` that checks it; the pattern does the work.
  ajv.addFormat('starts_with', true);
  return ajv;
}

/** A shipped JSON Schema file, read as the object Ajv takes. */
export function readSchemaFile(file: string): Record<string, unknown> {
  const schema: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) throw new Error(`${file}: not a JSON Schema object`);
  return schema as Record<string, unknown>;
}
