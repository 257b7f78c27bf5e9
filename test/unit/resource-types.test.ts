import { describe, expect, it } from 'vitest';
import { NO_SIGNALS } from '../../src/engine/signals/types.js';
import { RESOURCE_TYPE_ROWS, RESOURCE_TYPES, resourcesOf } from '../../src/snapshot/resources.js';
import { RESOURCE_LIST_SCHEMAS, SnapshotSchema } from '../../src/snapshot/schema.js';

const camelPlural = (id: string) => `${id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())}s`;

describe('the resource-type table', () => {
  it('gives each type one name: its Snapshot list is the type id in camelCase, plural', () => {
    expect(new Set(RESOURCE_TYPES).size).toBe(RESOURCE_TYPES.length);
    for (const row of RESOURCE_TYPE_ROWS) expect(row.listKey, row.id).toBe(camelPlural(row.id));
  });

  it('derives the Snapshot lists, their entry schemas and resourcesOf', () => {
    const listKeys = Object.keys(SnapshotSchema.shape.resources.shape);
    for (const row of RESOURCE_TYPE_ROWS) {
      expect(listKeys).toContain(row.listKey);
      expect(RESOURCE_LIST_SCHEMAS[row.listKey]).toBe(row.schema);
    }
    expect(listKeys).toEqual([...RESOURCE_TYPE_ROWS.map((r) => r.listKey), 'reservedInstances', 'savingsPlans', 'savingsPlansRecommendations']);
    const snapshot = SnapshotSchema.parse({
      schemaVersion: 3,
      collectedAt: '2026-11-20T00:00:00Z',
      scope: { accounts: [], regions: [], lookback: { start: '2026-11-06T00:00:00Z', end: '2026-11-20T00:00:00Z', days: 14 }, source: 'file' },
      resources: { elasticIps: [{ allocationId: 'eipalloc-1', accountId: '1', region: 'eu-west-1', publicIp: '192.0.2.1' }] },
    });
    expect(resourcesOf(snapshot, 'elastic-ip').map((e) => e.allocationId)).toEqual(['eipalloc-1']);
    expect(resourcesOf(snapshot, 'ec2-instance')).toEqual([]);
  });

  it('documents every signal with a type and one line', () => {
    for (const row of RESOURCE_TYPE_ROWS) {
      expect(Object.keys(row.signals.keys).length, row.id).toBeGreaterThan(0);
      for (const [name, key] of Object.entries(row.signals.keys)) {
        expect(key.doc, `${row.id} ${name}`).toMatch(/^\S.*\.$/);
        expect(key.doc, `${row.id} ${name}`).not.toContain('\n');
      }
    }
  });

  it('a type without signals yet has none and no price, and is not counted as unpriced', () => {
    expect(NO_SIGNALS.keys).toEqual({});
    expect(NO_SIGNALS.build({}, {} as never)).toEqual({ signals: {}, cost: { monthly: null, prices: [], unknown: [] } });
  });
});
