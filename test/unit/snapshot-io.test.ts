// Over 250 lines on purpose: every Snapshot reading path (whole file, line layout, in-place Ajv) tested side by side.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readSnapshot, writeSnapshot } from '../../src/snapshot/io.js';
import { profileFromHours } from '../../src/snapshot/hour-of-week.js';
import type { Ec2Instance, HourOfWeekProfile, Snapshot } from '../../src/snapshot/schema.js';
import { instance, snapshotOf } from '../helpers/builders.js';
import { setPath } from '../helpers/json-path.js';

const dir = mkdtempSync(join(tmpdir(), 'mlcost-snap-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('snapshot read/write', () => {
  it('round-trips a snapshot', async () => {
    const snap = snapshotOf({ ec2Instances: [instance({ type: 'm5.large', cpu: [1, 2, 3] })] });
    const p = join(dir, 'ok.json');
    await writeSnapshot(p, snap);
    expect(await readSnapshot(p)).toEqual(snap);
  });

  it('reports a missing file', async () => {
    await expect(readSnapshot(join(dir, 'nope.json'))).rejects.toThrow(/nope\.json: cannot read snapshot \(ENOENT/);
  });

  it('reports the line and column of broken JSON', async () => {
    const p = file('broken.json', '{\n  "schemaVersion": 1,\n  "collectedAt": oops\n}');
    await expect(readSnapshot(p)).rejects.toThrow(`${p}:3:18: not valid JSON`);
  });

  it('refuses an unknown schemaVersion and says what to do', async () => {
    const p = file('v9.json', '{"schemaVersion": 9}');
    await expect(readSnapshot(p)).rejects.toThrow(
      `${p}: unsupported snapshot schemaVersion 9 (this mlcost reads versions 1 to 3); re-collect it with \`mlcost collect\` or upgrade mlcost`,
    );
  });

  it('reads a version-1 snapshot: daily rows become columns, a missing day a day without datapoints', async () => {
    const snap = snapshotOf({ ec2Instances: [instance({ type: 'm5.large', cpu: [1, 2, 3], netMBPerDay: 1 })] });
    const raw: unknown = JSON.parse(JSON.stringify(snap));
    setPath(raw, 'schemaVersion', 1);
    setPath(raw, 'resources.ec2Instances.0.metrics.cpu.daily', [
      { date: '2026-11-03', avg: 4, max: 9, datapoints: 288 },
      { date: '2026-11-01', avg: 2, max: 5, datapoints: 288 },
    ]);
    setPath(raw, 'resources.ec2Instances.0.metrics.networkInBytes.daily', [{ date: '2026-11-01', avg: 1, max: 2, sum: 288, datapoints: 288 }]);
    const read = await readSnapshot(file('v1.json', JSON.stringify(raw)));
    expect(read.schemaVersion).toBe(3);
    expect(read.resources.ec2Instances[0]?.metrics.cpu?.daily).toEqual({ start: '2026-11-01', avg: [2, 0, 4], max: [5, 0, 9], datapoints: [288, 0, 288] });
    expect(read.resources.ec2Instances[0]?.metrics.networkInBytes?.daily).toEqual({ start: '2026-11-01', avg: [1], max: [2], sum: [288], datapoints: [288] });
  });

  describe('version 2 (an hour-of-week profile per GPU, nulls for unobserved hours) is read as version 3 (their mean per instance, numbers only)', () => {
    const hours = (f: (h: number) => number | null) => Array.from({ length: 168 }, (_, h) => f(h));
    /** A profile as versions 1 and 2 wrote it: a value per hour, null where unobserved. */
    const asV2 = (p: HourOfWeekProfile) => p.mean.map((v, h) => (p.unobserved?.includes(h) ? null : v));
    // GPU 0 reports every hour but 3, GPU 1 only even hours, GPU 2 no profile, GPU 3 no hour 3 or 5: no GPU reported hour 3.
    const perGpu = [
      hours((h) => (h === 0 ? 1 : h === 3 ? null : 10)),
      hours((h) => (h % 2 === 0 ? 0 : null)),
      undefined,
      hours((h) => (h === 3 || h === 5 ? null : 1)),
    ];
    /** The instance profile the schedule rules built from per-GPU profiles before version 3: hour by hour over the GPUs with a value. */
    const foldedBefore = hours((h) => {
      const known = perGpu.flatMap((p) => (p?.[h] !== null && p?.[h] !== undefined ? [p[h]] : []));
      return known.length ? known.reduce((a, b) => a + b, 0) / known.length : null;
    });
    /** The CPU box was stopped Sunday 22:00 to Monday 01:59 UTC. */
    const stoppedCpu = hours((h) => (h >= 166 || h < 2 ? null : h / 2));

    /** A version-3 snapshot of a GPU box and a CPU box, and the same as version 2 wrote it. */
    const fleet = () => {
      const gpuBox = instance({
        id: 'i-gpu',
        type: 'g5.12xlarge',
        cpu: [1, 2, 3],
        netMBPerDay: 1,
        gpu: [
          [50, 10],
          [50, 10],
          [0, 1],
          [20, 4],
        ],
      });
      gpuBox.metrics.cpu!.hourOfWeek = profileFromHours(hours(() => 2));
      const cpuBox = instance({ id: 'i-cpu', type: 'm5.large', cpu: [1, 2, 3] });
      cpuBox.metrics.cpu!.hourOfWeek = profileFromHours(stoppedCpu);
      const v3 = snapshotOf({ ec2Instances: [gpuBox, cpuBox] });
      const v2: unknown = JSON.parse(JSON.stringify(v3));
      setPath(v2, 'schemaVersion', 2);
      for (const [i, inst] of v3.resources.ec2Instances.entries())
        setPath(v2, `resources.ec2Instances.${i}.metrics.cpu.hourOfWeek`, asV2(inst.metrics.cpu!.hourOfWeek!));
      perGpu.forEach((profile, i) => {
        if (profile) setPath(v2, `resources.ec2Instances.0.metrics.gpus.${i}.utilization.hourOfWeek`, profile);
      });
      v3.resources.ec2Instances[0]!.metrics.gpuUtilHourOfWeek = profileFromHours(foldedBefore);
      return { v2, v3 };
    };

    it('folds the per-GPU profiles exactly as the schedule rules did (unrounded), then drops them', async () => {
      const { v2, v3 } = fleet();
      expect(foldedBefore.slice(0, 6)).toEqual([2 / 3, 5.5, 11 / 3, null, 11 / 3, 10]);
      const read = await readSnapshot(file('v2.json', JSON.stringify(v2)));
      expect(read).toEqual(v3);
      const gpuProfile = read.resources.ec2Instances[0]?.metrics.gpuUtilHourOfWeek;
      expect(gpuProfile?.unobserved).toEqual([3]); // no GPU reported it
      expect(gpuProfile?.mean.slice(0, 6)).toEqual([2 / 3, 5.5, 11 / 3, 0, 11 / 3, 10]);
      expect(read.resources.ec2Instances[0]?.metrics.gpus?.every((g) => g.utilization && !('hourOfWeek' in g.utilization))).toBe(true);
      expect(read.resources.ec2Instances[1]?.metrics).not.toHaveProperty('gpuUtilHourOfWeek');
    });

    it('turns a CPU profile with nulls into means (0 where null) and the list of unobserved hours', async () => {
      const { v2 } = fleet();
      const read = await readSnapshot(file('v2-cpu.json', JSON.stringify(v2)));
      const cpu = read.resources.ec2Instances[1]?.metrics.cpu?.hourOfWeek;
      expect(cpu?.unobserved).toEqual([0, 1, 166, 167]);
      expect(cpu?.mean).toEqual(hours((h) => (h >= 166 || h < 2 ? 0 : h / 2)));
      expect(read.resources.ec2Instances[0]?.metrics.cpu?.hourOfWeek).toEqual({ mean: hours(() => 2) });
    });

    it('reads a version-2 file written one resource per line, a line at a time', async () => {
      const { v2, v3 } = fleet();
      const p = join(dir, 'v2-lines.json');
      // The writer's layout, with the version-2 content: its type is the current one, its data is not.
      await writeSnapshot(p, v2 as Snapshot);
      const lines = readFileSync(p, 'utf8').split('\n');
      expect(lines[1]).toBe('  "schemaVersion": 2,');
      expect(await readSnapshot(p)).toEqual(v3);
      // Read by the line reader, not the whole-file fallback: a broken resource is named by its line.
      const cpuLine = lines.findIndex((l) => l.includes('"id":"i-cpu"'));
      lines[cpuLine] = lines[cpuLine]!.replace('"state":"running"', '"state":"sleeping"');
      writeFileSync(p, lines.join('\n'));
      await expect(readSnapshot(p)).rejects.toThrow(`${p}:${cpuLine + 1}: invalid snapshot: resources.ec2Instances[1].state: `);
    });

    it('reads a version-1 file through both upgrades: per-day rows to columns, per-GPU profiles to the instance mean, nulls out of every profile', async () => {
      const { v2, v3 } = fleet();
      const v1 = structuredClone(v2);
      setPath(v1, 'schemaVersion', 1);
      setPath(v1, 'resources.ec2Instances.0.metrics.cpu.daily', [{ date: '2026-11-02', avg: 4, max: 9, datapoints: 288 }]);
      v3.resources.ec2Instances[0]!.metrics.cpu!.daily = { start: '2026-11-02', avg: [4], max: [9], datapoints: [288] };
      // Version 1 could keep a profile on any metric summary.
      setPath(v1, 'resources.ec2Instances.0.metrics.networkInBytes.hourOfWeek', stoppedCpu);
      v3.resources.ec2Instances[0]!.metrics.networkInBytes!.hourOfWeek = profileFromHours(stoppedCpu);
      const read = await readSnapshot(file('v1-gpu.json', JSON.stringify(v1)));
      expect(read).toEqual(v3);
      expect(read.schemaVersion).toBe(3);
      expect(JSON.stringify(read)).not.toContain('null');
    });
  });

  it('writes one resource per line, so a large fleet is never one string', async () => {
    const snap = snapshotOf({ ec2Instances: [instance({ id: 'i-1', type: 'm5.large' }), instance({ id: 'i-2', type: 'm5.large' })] });
    const p = join(dir, 'lines.json');
    await writeSnapshot(p, snap);
    const lines = readFileSync(p, 'utf8').split('\n');
    expect(lines.filter((l) => l.startsWith('      {"id":"i-'))).toHaveLength(2);
    expect(await readSnapshot(p)).toEqual(snap);
  });

  it('reports a file it cannot write', async () => {
    const snap = snapshotOf({});
    await expect(writeSnapshot(join(dir, 'no-such-dir', 'x.json'), snap)).rejects.toThrow(/no-such-dir\/x\.json: cannot write snapshot \(ENOENT/);
  });

  it('rejects daily columns of different lengths with the path', async () => {
    const snap = snapshotOf({ ec2Instances: [instance({ type: 'm5.large', cpu: [1, 2, 3] })] });
    const raw: unknown = JSON.parse(JSON.stringify(snap));
    setPath(raw, 'resources.ec2Instances.0.metrics.cpu.daily', { start: '2026-11-01', avg: [1, 2], max: [1], datapoints: [1, 1] });
    const p = file('ragged.json', JSON.stringify(raw));
    await expect(readSnapshot(p)).rejects.toThrow(
      `${p}: invalid snapshot: resources.ec2Instances[0].metrics.cpu.daily: avg, max, sum and datapoints must have one entry per day`,
    );
  });

  it('names the first invalid field', async () => {
    const snap = snapshotOf({ ec2Instances: [instance({ type: 'm5.large' })] });
    const raw: unknown = JSON.parse(JSON.stringify(snap));
    setPath(raw, 'resources.ec2Instances.0.state', 'sleeping');
    const p = file('bad-field.json', JSON.stringify(raw));
    await expect(readSnapshot(p)).rejects.toThrow(`${p}: invalid snapshot: resources.ec2Instances[0].state: `);
  });

  describe('files in the one-resource-per-line layout are read line by line', () => {
    const written = async (name: string, edit: (lines: string[]) => void) => {
      const snap = snapshotOf({ ec2Instances: [instance({ id: 'i-1', type: 'm5.large' }), instance({ id: 'i-2', type: 'm5.large' })] });
      const p = join(dir, name);
      await writeSnapshot(p, snap);
      const lines = readFileSync(p, 'utf8').split('\n');
      edit(lines);
      writeFileSync(p, lines.join('\n'));
      return { p, lineOf: (id: string) => lines.findIndex((l) => l.includes(`"id":"${id}"`)) + 1 };
    };

    it('names the line and the resource of an invalid field', async () => {
      const { p, lineOf } = await written('bad-line.json', (lines) => {
        const i = lines.findIndex((l) => l.includes('"id":"i-2"'));
        lines[i] = lines[i]!.replace('"state":"running"', '"state":"sleeping"');
      });
      await expect(readSnapshot(p)).rejects.toThrow(`${p}:${lineOf('i-2')}: invalid snapshot: resources.ec2Instances[1].state: `);
    });

    it('names the line of a resource that is not JSON', async () => {
      const { p, lineOf } = await written('broken-line.json', (lines) => {
        const i = lines.findIndex((l) => l.includes('"id":"i-1"'));
        lines[i] = lines[i]!.replace('"type":', '"type" ');
      });
      await expect(readSnapshot(p)).rejects.toThrow(new RegExp(`^${p.replace(/[.]/g, '\\.')}:${lineOf('i-1')}: not valid JSON`));
    });

    it('validates a large file in place: same snapshot, same line-numbered errors', async () => {
      const fleet = Array.from({ length: 3000 }, (_, i) => instance({ id: `i-${i}`, type: 'm5.large', cpu: [1, 2, 3], netMBPerDay: 1 }));
      const snap = snapshotOf({ ec2Instances: fleet });
      const p = join(dir, 'large.json');
      await writeSnapshot(p, snap);
      expect(statSync(p).size).toBeGreaterThan(4 * 2 ** 20);
      expect(await readSnapshot(p)).toEqual(snap);
      const lines = readFileSync(p, 'utf8').split('\n');
      const i = lines.findIndex((l) => l.includes('"id":"i-2999"'));
      lines[i] = lines[i]!.replace('"state":"running"', '"state":"sleeping"');
      writeFileSync(p, lines.join('\n'));
      await expect(readSnapshot(p)).rejects.toThrow(`${p}:${i + 1}: invalid snapshot: resources.ec2Instances[2999].state: `);
    });

    it('keeps the profiles of a large file (in place) as JSON.parse made them, numbers only, unobserved hours and all', async () => {
      // A quarter of the fleet was stopped for a few hours: those hours are unobserved.
      const fleet = Array.from({ length: 3000 }, (_, i) => {
        const inst = instance({ id: `i-${i}`, type: 'g5.xlarge', cpu: [1, 2, 3], netMBPerDay: 1, gpu: [[50, 10]] });
        const stopped = (h: number) => i % 4 === 0 && h >= i % 160 && h < (i % 160) + 5;
        inst.metrics.cpu!.hourOfWeek = profileFromHours(Array.from({ length: 168 }, (_, h) => (stopped(h) ? null : 1.5 + (h % 7))));
        inst.metrics.gpuUtilHourOfWeek = profileFromHours(Array.from({ length: 168 }, (_, h) => (stopped(h) ? null : 40.25)));
        return inst;
      });
      const snap = snapshotOf({ ec2Instances: fleet });
      const p = join(dir, 'large-profiles.json');
      await writeSnapshot(p, snap);
      expect(statSync(p).size).toBeGreaterThan(4 * 2 ** 20);
      // What JSON.parse made of each resource line, by id: the reader must hand back those very arrays.
      const parsedById = new Map<string, Ec2Instance>();
      const parse = JSON.parse;
      const spy = vi.spyOn(JSON, 'parse').mockImplementation((text, reviver) => {
        const value: unknown = parse(text, reviver);
        if (typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'string') parsedById.set(value.id, value as Ec2Instance);
        return value;
      });
      const read = await readSnapshot(p).finally(() => {
        spy.mockRestore();
      });
      expect(read).toEqual(snap);
      for (const inst of read.resources.ec2Instances) {
        const parsed = parsedById.get(inst.id)!.metrics;
        for (const [profile, asParsed] of [
          [inst.metrics.cpu?.hourOfWeek, parsed.cpu?.hourOfWeek],
          [inst.metrics.gpuUtilHourOfWeek, parsed.gpuUtilHourOfWeek],
        ]) {
          expect(profile?.mean).toBe(asParsed?.mean);
          expect(profile?.unobserved).toBe(asParsed?.unobserved);
          expect(profile?.mean.every((v) => typeof v === 'number')).toBe(true);
        }
      }
      expect(read.resources.ec2Instances.filter((i) => i.metrics.cpu?.hourOfWeek?.unobserved)).toHaveLength(750);
    });

    it('reads the same snapshot pretty-printed by another tool (whole-file path)', async () => {
      const snap = snapshotOf({ ec2Instances: [instance({ id: 'i-1', type: 'm5.large', cpu: [1, 2, 3] })] });
      const p = file('pretty.json', JSON.stringify(snap, null, 2));
      expect(await readSnapshot(p)).toEqual(snap);
    });
  });
});
