import { describe, expect, it } from 'vitest';
import { ec2AgentSeriesRequests, ec2BuiltinRequests, type AgentSeries } from '../../src/collect/cloudwatch/ec2.js';
import type { Series } from '../../src/collect/cloudwatch/summarize.js';
import type { Ec2Instance } from '../../src/snapshot/schema.js';
import { HOUR_MS, HOURLY_SUMMARY, hourlyAt, listedMetric, uncollectedInstance } from '../helpers/metric-requests.js';

const WEEK = 168 * HOUR_MS;
const p4d = (): Ec2Instance => uncollectedInstance('i-1', 'p4d.24xlarge');
const gpuSeries = (metricName: string, count: number) =>
  Array.from({ length: count }, (_, index) => listedMetric(metricName, { InstanceId: 'i-1', index: String(index), name: 'NVIDIA A100' }));
const none: AgentSeries = { memory: [], gpuUtilization: [], gpuMemoryUsed: [], gpuMemoryTotal: [] };

/** Runs the agent queries for one instance and hands each its series, in the order given. */
function collect(listed: Partial<AgentSeries>, results: Record<string, Series>, summary = HOURLY_SUMMARY, order?: string[]): Ec2Instance {
  const inst = p4d();
  const requests = ec2AgentSeriesRequests('CWAgent', { instances: [inst], hosts: new Map() }, { ...none, ...listed }, summary);
  const key = (r: (typeof requests)[number]) => `${r.metricName}/${r.dimensions.find((d) => d.Name === 'index')?.Value ?? '-'}`;
  const byKey = new Map(requests.map((r) => [key(r), r]));
  for (const k of order ?? [...byKey.keys()]) {
    const series = results[k];
    if (series) byKey.get(k)!.onResult(series);
  }
  return inst;
}

describe('EC2 GPU utilisation: one hour-of-week profile per instance', () => {
  const util = 'nvidia_smi_utilization_gpu';
  const results: Record<string, Series> = {
    // GPU 0 reports Monday 00:00 in two weeks (its own mean: 20), 01:00 and 05:00.
    [`${util}/0`]: hourlyAt([0, 10], [WEEK / HOUR_MS, 30], [1, 20], [5, 1]),
    [`${util}/1`]: hourlyAt([0, 40], [2, 50], [5, 2]),
    [`${util}/2`]: hourlyAt([5, 2]),
    [`${util}/3`]: { timestamps: [], values: [] }, // listed, but no datapoints in the window
  };

  it('is the mean across GPUs of each GPU hour mean, over the GPUs that reported the hour; unobserved where none did', () => {
    const inst = collect({ gpuUtilization: gpuSeries(util, 4) }, results);
    const { mean, unobserved } = inst.metrics.gpuUtilHourOfWeek!;
    expect(mean).toHaveLength(168);
    expect(mean[0]).toBe(30); // (20 + 40) / 2: GPU 0's own mean first, not the pool of its datapoints with GPU 1's
    expect(mean[1]).toBe(20); // GPU 0 alone
    expect(mean[2]).toBe(50); // GPU 1 alone
    expect(mean[5]).toBe(1.667); // (1 + 2 + 2) / 3, three decimals like every stored value
    // Hours 3 and 4: no GPU reported them, so they are unobserved (mean 0), as is every hour after 5.
    expect(unobserved).toEqual([3, 4, ...Array.from({ length: 162 }, (_, i) => 6 + i)]);
    expect([3, 4, 6, 167].map((h) => mean[h])).toEqual([0, 0, 0, 0]);
  });

  it('an hour one GPU did not report is observed when another GPU did; its mean is over the GPUs that did', () => {
    const everyHour = (v: number, skip: number[] = []) =>
      hourlyAt(...Array.from({ length: 168 }, (_, h): [number, number] => [h, v]).filter(([h]) => !skip.includes(h)));
    const inst = collect({ gpuUtilization: gpuSeries(util, 2) }, { [`${util}/0`]: everyHour(10, [7, 8]), [`${util}/1`]: everyHour(20, [8]) });
    const profile = inst.metrics.gpuUtilHourOfWeek!;
    expect(profile.unobserved).toEqual([8]);
    expect([6, 7, 8].map((h) => profile.mean[h])).toEqual([15, 20, 0]);
  });

  it('keeps no per-GPU profile, and per-day columns for each GPU (the spend report reads them)', () => {
    const inst = collect({ gpuUtilization: gpuSeries(util, 4) }, results);
    const gpus = inst.metrics.gpus!;
    expect(gpus.map((g) => g.index)).toEqual([0, 1, 2, 3]);
    expect(gpus[3]!.utilization).toBeUndefined();
    for (const g of gpus.slice(0, 3)) {
      expect(g.utilization).not.toHaveProperty('hourOfWeek');
      expect(g.utilization?.daily?.datapoints.length).toBeGreaterThan(0);
    }
  });

  it('does not depend on the order the GPU series arrive in', () => {
    const forward = collect({ gpuUtilization: gpuSeries(util, 4) }, results);
    const backward = collect(
      { gpuUtilization: gpuSeries(util, 4) },
      results,
      HOURLY_SUMMARY,
      [3, 2, 1, 0].map((i) => `${util}/${i}`),
    );
    expect(backward.metrics.gpuUtilHourOfWeek).toEqual(forward.metrics.gpuUtilHourOfWeek);
  });

  it('is left out when no GPU series has data, or the period is coarser than an hour', () => {
    expect(collect({ gpuUtilization: gpuSeries(util, 1) }, { [`${util}/0`]: { timestamps: [], values: [] } }).metrics.gpuUtilHourOfWeek).toBeUndefined();
    const coarse = collect({ gpuUtilization: gpuSeries(util, 4) }, results, { periodSeconds: 7200, windowHours: 336 });
    expect(coarse.metrics.gpuUtilHourOfWeek).toBeUndefined();
    expect(coarse.metrics.gpus?.[0]?.utilization?.avg).toBe(15.25);
  });

  it('GPU memory and instance memory keep no per-day columns: nothing reads them per day', () => {
    const used = 'nvidia_smi_memory_used';
    const inst = collect(
      { memory: [listedMetric('mem_used_percent', { InstanceId: 'i-1' })], gpuMemoryUsed: gpuSeries(used, 1) },
      { 'mem_used_percent/-': hourlyAt([0, 40], [30, 50]), [`${used}/0`]: hourlyAt([0, 1000], [30, 2000]) },
    );
    expect(inst.metrics.memory).toMatchObject({ max: 50, datapoints: 2 });
    expect(inst.metrics.memory?.daily).toBeUndefined();
    expect(inst.metrics.gpus?.[0]?.memoryUsedMiB).toMatchObject({ max: 2000 });
    expect(inst.metrics.gpus?.[0]?.memoryUsedMiB?.daily).toBeUndefined();
  });
});

describe('EC2 built-in metrics', () => {
  it('CPU keeps per-day columns and an hour-of-week profile; network keeps per-day columns (idle-day signals)', () => {
    const inst = p4d();
    const series = hourlyAt([0, 5], [25, 7]);
    for (const r of ec2BuiltinRequests([inst], HOURLY_SUMMARY)) r.onResult(series);
    expect(inst.metrics.cpu?.daily?.datapoints).toEqual([1, 1]);
    expect(inst.metrics.cpu?.hourOfWeek?.mean[25]).toBe(7);
    expect(inst.metrics.cpu?.hourOfWeek?.unobserved).toHaveLength(166);
    for (const net of [inst.metrics.networkInBytes, inst.metrics.networkOutBytes]) {
      expect(net?.daily?.sum).toEqual([5, 7]);
      expect(net?.hourOfWeek).toBeUndefined();
    }
  });
});
