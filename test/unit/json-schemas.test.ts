import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSchemaFile, schemaValidator } from '../helpers/json-schema.js';
import { deletePath, getPath, setPath } from '../helpers/json-path.js';
import { SHIPPED_SCHEMAS, jsonSchemaText } from '../../src/schemas.js';
import { audit } from '../helpers/builders.js';
import { readSnapshot } from '../../src/snapshot/io.js';
import { DEMO_SNAPSHOT } from '../../src/commands/audit.js';
import { renderJson } from '../../src/render/json.js';

const schemaFile = (name: string) => join(import.meta.dirname, '..', '..', 'schemas', name);

describe('shipped JSON Schemas', () => {
  it.each(Object.keys(SHIPPED_SCHEMAS))('%s matches the types (regenerate: npx tsx scripts/write-schemas.ts)', (name) => {
    expect(readFileSync(schemaFile(name), 'utf8')).toBe(jsonSchemaText(name));
  });

  it('the demo snapshot and its rendered audit result (--output json) validate against the shipped schemas', async () => {
    const ajv = schemaValidator({ allErrors: true });
    const snapshotSchema = readSchemaFile(schemaFile('snapshot.schema.json'));
    const resultSchema = readSchemaFile(schemaFile('audit-result.schema.json'));
    const raw: unknown = JSON.parse(readFileSync(DEMO_SNAPSHOT, 'utf8'));
    expect(ajv.validate(snapshotSchema, raw), ajv.errorsText()).toBe(true);
    const result: unknown = JSON.parse(renderJson(await audit(await readSnapshot(DEMO_SNAPSHOT)), { color: false }));
    expect(getPath(result, 'findings.length')).toBeGreaterThan(5);
    expect(ajv.validate(resultSchema, result), ajv.errorsText()).toBe(true);
  });

  it('the snapshot schema rejects a launch time that is not a date-time', () => {
    const ajv = schemaValidator();
    const snapshotSchema = readSchemaFile(schemaFile('snapshot.schema.json'));
    const raw: unknown = JSON.parse(readFileSync(DEMO_SNAPSHOT, 'utf8'));
    setPath(raw, 'resources.ec2Instances.0.launchTime', 'last Tuesday');
    expect(ajv.validate(snapshotSchema, raw)).toBe(false);
  });

  it('the result schema rejects a finding without a trade-off', async () => {
    const ajv = schemaValidator();
    const resultSchema = readSchemaFile(schemaFile('audit-result.schema.json'));
    const result: unknown = JSON.parse(JSON.stringify(await audit(await readSnapshot(DEMO_SNAPSHOT))));
    deletePath(result, 'findings.0.tradeoff');
    expect(ajv.validate(resultSchema, result)).toBe(false);
  });
});
