import { describe, expect, it } from 'vitest';
import { fits, instanceSpec, type FitNeed, type InstanceSpec } from '../../src/catalog/index.js';
import { WarningSink, type RegionContext } from '../../src/collect/context.js';
import { toInstance } from '../../src/collect/ec2-instances.js';
import { toSpec } from '../../src/collect/instance-types.js';
import { platformChange } from '../../src/engine/actions/instance-platform.js';
import { networkPeakGbps } from '../../src/engine/signals/network.js';
import type { MetricSummary } from '../../src/snapshot/schema.js';

const spec = (type: string): InstanceSpec => {
  const s = instanceSpec(type);
  if (!s) throw new Error(`no spec for ${type}`);
  return s;
};
const cpuNeed = (extra: Partial<FitNeed>): FitNeed => ({ gpus: 0, gpuMemoryGiBEach: 0, vcpu: 2, memoryGiB: 4, nvlink: false, ...extra });

describe('the catalog carries instance store, network bandwidth and EFA (moto 5.2.1 DescribeInstanceTypes)', () => {
  it.each([
    ['m5d.xlarge', 150, 1.25, 10, false],
    ['m5.xlarge', undefined, 1.25, 10, false],
    ['g4dn.12xlarge', 900, 50, 50, true],
    ['p4d.24xlarge', 8000, 400, 400, true],
  ])('%s: store %s GB, baseline %s / peak %s Gbps, EFA %s', (type, store, baseline, peak, efa) => {
    const s = spec(type);
    expect(s.instanceStoreGB).toBe(store);
    expect(s.network).toEqual({ baselineGbps: baseline, peakGbps: peak });
    expect(s.efa).toBe(efa);
  });
  it('p3.2xlarge publishes no baseline ("Up to 10 Gigabit"): unknown, not guessed', () => {
    expect(spec('p3.2xlarge').network).toBeUndefined();
    expect(spec('p3.8xlarge').network).toEqual({ baselineGbps: 10, peakGbps: 10 });
  });
});

describe('fits: each platform exclusion', () => {
  const cases: [string, string, Partial<FitNeed>, boolean][] = [
    ['a box with an instance store keeps one: m5.xlarge has none', 'm5.xlarge', { instanceStore: true }, false],
    ['...m5d.xlarge has one', 'm5d.xlarge', { instanceStore: true }, true],
    ['no store needed: m5.xlarge fits', 'm5.xlarge', { instanceStore: false }, true],
    ['network peak above the baseline: 2 Gbps on m5.xlarge (1.25)', 'm5.xlarge', { networkGbps: 2 }, false],
    ['network peak within the baseline: 1 Gbps on m5.xlarge', 'm5.xlarge', { networkGbps: 1 }, true],
    ['network measured, candidate has no published baseline (p3.2xlarge)', 'p3.2xlarge', { networkGbps: 0.5 }, false],
    ['EFA kept: m5.xlarge has no EFA', 'm5.xlarge', { efa: true }, false],
    ['EFA kept: c5n.9xlarge has EFA', 'c5n.9xlarge', { efa: true }, true],
  ];
  it.each(cases)('%s', (_, type, extra, expected) => {
    expect(fits(spec(type), cpuNeed(extra))).toBe(expected);
  });
});

describe('network peak from AWS/EC2 NetworkIn and NetworkOut sums', () => {
  const sum = (max: number, periodSeconds: number): MetricSummary => ({
    avg: max / 2,
    p50: max / 2,
    p95: max,
    max,
    datapoints: 10,
    observedHours: 1,
    periodSeconds,
  });
  it('adds the busiest period of each direction, in Gbps', () => {
    // 37.5 GB in one hour in = 0.0833 Gbps; 75 GB in 5 minutes out = 2 Gbps
    expect(networkPeakGbps({ networkInBytes: sum(37.5e9, 3600), networkOutBytes: sum(75e9, 300) })).toBeCloseTo(2.0833, 4);
  });
  it('is unknown when neither was collected, never 0', () => {
    expect(networkPeakGbps({})).toBeUndefined();
    expect(networkPeakGbps({ networkInBytes: { ...sum(0, 300), datapoints: 0 } })).toBeUndefined();
  });
});

describe('the trade-off names what changes in storage and network', () => {
  it('a lost store, a smaller store, a lower baseline without network data', () => {
    expect(platformChange(spec('m5d.xlarge'), spec('m5.xlarge'), { networkPeakGbps: 0.5, efaAttached: false })).toEqual({
      parts: ['no instance store (was 150 GB local NVMe): move scratch data to EBS or FSx first'],
      risky: true,
    });
    expect(platformChange(spec('g4dn.12xlarge'), spec('g4dn.xlarge'), { networkPeakGbps: undefined, efaAttached: false })).toEqual({
      parts: ['instance store 900 -> 125 GB: check the scratch data fits', 'network baseline 50 -> 5 Gbps (network use not measured)'],
      risky: true,
    });
    expect(platformChange(spec('m5.xlarge'), spec('m5.2xlarge'), { networkPeakGbps: 0.02, efaAttached: false })).toEqual({
      parts: ['network baseline 1.25 -> 2.5 Gbps (peak used 0.02 Gbps)'],
      risky: false,
    });
  });
});

describe('collection', () => {
  it('DescribeInstanceTypes of a type the catalog lacks keeps store, bandwidth over all cards and EFA', () => {
    expect(
      toSpec({
        InstanceType: 'x9.large' as never,
        VCpuInfo: { DefaultVCpus: 2 },
        MemoryInfo: { SizeInMiB: 4096 },
        InstanceStorageInfo: { TotalSizeInGB: 75 },
        NetworkInfo: {
          EfaSupported: true,
          NetworkCards: [
            { BaselineBandwidthInGbps: 25, PeakBandwidthInGbps: 50 },
            { BaselineBandwidthInGbps: 25, PeakBandwidthInGbps: 50 },
          ],
        },
      }),
    ).toMatchObject({ instanceStoreGB: 75, network: { baselineGbps: 50, peakGbps: 100 }, efa: true });
    const bare = toSpec({ VCpuInfo: { DefaultVCpus: 2 }, MemoryInfo: { SizeInMiB: 4096 }, NetworkInfo: { NetworkCards: [{ PeakBandwidthInGbps: 10 }] } });
    expect(bare).not.toHaveProperty('network');
    expect(bare).not.toHaveProperty('instanceStoreGB');
    expect(bare).not.toHaveProperty('efa');
  });
  it('DescribeInstances: an attached EFA interface marks the instance', () => {
    const ctx = { account: { accountId: '111122223333' }, region: 'us-east-1', warnings: new WarningSink() } as unknown as RegionContext;
    const raw = { InstanceId: 'i-1', InstanceType: 'p4d.24xlarge' as const, State: { Name: 'running' as const }, LaunchTime: new Date() };
    expect(toInstance({ ...raw, NetworkInterfaces: [{ InterfaceType: 'interface' }, { InterfaceType: 'efa' }] }, ctx)?.efaAttached).toBe(true);
    expect(toInstance({ ...raw, NetworkInterfaces: [{ InterfaceType: 'interface' }] }, ctx)).not.toHaveProperty('efaAttached');
  });
});
