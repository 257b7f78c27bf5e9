import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_SNAPSHOT } from '../../src/commands/audit.js';
import { RESOURCE_LIST_SCHEMAS } from '../../src/snapshot/schema.js';
import { validateResource, type ResourceList } from '../../src/snapshot/validate-item.js';

const demo = JSON.parse(readFileSync(DEMO_SNAPSHOT, 'utf8')) as { resources: Partial<Record<ResourceList, unknown[]>> };
const lists = Object.keys(RESOURCE_LIST_SCHEMAS) as ResourceList[];
const copy = <T>(v: T): T => structuredClone(v);
const demoInstance = () =>
  copy(demo.resources.ec2Instances!.find((i) => JSON.stringify(i).includes('"daily"'))) as Record<string, unknown> & {
    metrics: Record<string, unknown> & { cpu: Record<string, unknown> };
  };

describe('in-place resource validation (the line-by-line reader)', () => {
  it.each(lists.filter((l) => demo.resources[l]?.length))('accepts every demo %s as zod does, without copying', (list) => {
    for (const resource of demo.resources[list]!) {
      const raw = copy(resource);
      const result = validateResource(list, raw);
      expect(result.success).toBe(true);
      expect(result.data).toBe(raw);
      expect(raw).toEqual(RESOURCE_LIST_SCHEMAS[list].parse(copy(resource)));
    }
  });

  it('accepts hour-of-week profiles with unobserved hours, and the same values as zod, without copying', () => {
    const raw = demoInstance();
    const profile = { mean: Array.from({ length: 168 }, (_, h) => (h < 4 ? 0 : 2.5)), unobserved: [0, 1, 2, 3] };
    raw.metrics.cpu['hourOfWeek'] = profile;
    raw.metrics['gpuUtilHourOfWeek'] = { mean: new Array(168).fill(0), unobserved: Array.from({ length: 168 }, (_, h) => h) };
    const zod = RESOURCE_LIST_SCHEMAS.ec2Instances.parse(copy(raw));
    const result = validateResource('ec2Instances', raw);
    expect(result.success).toBe(true);
    expect(raw.metrics.cpu['hourOfWeek']).toBe(profile);
    expect(raw).toEqual(zod);
  });

  it("fills zod's defaults in", () => {
    const raw = demoInstance();
    delete raw['tags'];
    delete raw['platform'];
    delete raw['membership'];
    const result = validateResource('ec2Instances', raw);
    expect(result.success).toBe(true);
    expect(raw).toMatchObject({ tags: {}, platform: 'Linux/UNIX', membership: {} });
  });

  // Each edit breaks one rule of the schema; the validator must reject what zod rejects, with zod's message.
  const breakages: [string, (r: ReturnType<typeof demoInstance>) => void, string][] = [
    ['an unknown state', (r) => (r['state'] = 'sleeping'), 'state'],
    ['a date without a time zone', (r) => (r['launchTime'] = '2026-01-01T00:00:00'), 'launchTime'],
    ['a negative datapoint count', (r) => (r.metrics.cpu['datapoints'] = -1), 'metrics.cpu.datapoints'],
    ['a fractional datapoint count', (r) => (r.metrics.cpu['datapoints'] = 1.5), 'metrics.cpu.datapoints'],
    ['an hour-of-week profile of 167 hours', (r) => (r.metrics.cpu['hourOfWeek'] = { mean: new Array<number>(167).fill(1) }), 'metrics.cpu.hourOfWeek.mean'],
    [
      'an unobserved hour 168',
      (r) => (r.metrics.cpu['hourOfWeek'] = { mean: new Array(168).fill(0), unobserved: [3, 168] }),
      'metrics.cpu.hourOfWeek.unobserved.1',
    ],
    [
      'a fractional unobserved hour',
      (r) => (r.metrics['gpuUtilHourOfWeek'] = { mean: new Array(168).fill(0), unobserved: [1.5] }),
      'metrics.gpuUtilHourOfWeek.unobserved.0',
    ],
    [
      'unobserved hours out of order',
      (r) => (r.metrics.cpu['hourOfWeek'] = { mean: new Array(168).fill(0), unobserved: [5, 3] }),
      'metrics.cpu.hourOfWeek.unobserved',
    ],
    [
      'a null hour (the shape before version 3)',
      (r) => (r.metrics.cpu['hourOfWeek'] = { mean: [...new Array<number>(167).fill(1), null] }),
      'metrics.cpu.hourOfWeek.mean.167',
    ],
    ['a profile that is null', (r) => (r.metrics.cpu['hourOfWeek'] = null), 'metrics.cpu.hourOfWeek'],
    ['per-day columns that are missing', (r) => (r.metrics.cpu['daily'] = { start: '2026-11-01' }), 'metrics.cpu.daily.avg'],
    ['per-day columns that are null', (r) => (r.metrics.cpu['daily'] = null), 'metrics.cpu.daily'],
    ['per-day columns of different lengths', (r) => (r.metrics.cpu['daily'] as { max: number[] }).max.pop(), 'metrics.cpu.daily'],
    ['a string where a number goes', (r) => (r.metrics.cpu['p95'] = '3'), 'metrics.cpu.p95'],
    ['a missing id', (r) => delete r['id'], 'id'],
  ];
  it.each(breakages)('rejects %s as zod does', (_, edit, path) => {
    const raw = demoInstance();
    edit(raw);
    const zod = RESOURCE_LIST_SCHEMAS.ec2Instances.safeParse(copy(raw));
    expect(zod.success).toBe(false);
    const result = validateResource('ec2Instances', raw);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path.join('.')).toBe(path);
    expect(result.error?.issues[0]?.message).toBe(zod.error?.issues[0]?.message);
  });
});
