import { z } from 'zod';
import { ConfigSchema } from './config/schema.js';
import { AuditResultSchema } from './engine/result.js';
import { SnapshotSchema } from './snapshot/schema.js';

/**
 * JSON Schemas shipped in schemas/, generated from the zod types so they cannot drift
 * (test/unit/json-schemas.test.ts fails when a file differs; `npx tsx scripts/write-schemas.ts` rewrites them).
 */
export const SHIPPED_SCHEMAS: Record<string, { schema: z.ZodType; title: string; io: 'input' | 'output' }> = {
  'snapshot.schema.json': { schema: SnapshotSchema, title: 'mlcost Snapshot', io: 'input' },
  'audit-result.schema.json': { schema: AuditResultSchema, title: 'mlcost audit result', io: 'output' },
  'config.schema.json': { schema: ConfigSchema, title: 'mlcost.config.yaml', io: 'input' },
};

export function jsonSchemaText(name: string): string {
  const entry = SHIPPED_SCHEMAS[name];
  if (!entry) throw new Error(`unknown schema ${name}`);
  const json = z.toJSONSchema(entry.schema, { io: entry.io, unrepresentable: 'any' });
  return `${JSON.stringify({ title: entry.title, ...json }, null, 2)}\n`;
}
