#!/usr/bin/env node
// Regenerates src/catalog/data/ec2-*.json from the sourced reference files in ../shared/reference.
// (sagemaker-prices.json, storage-prices.json and network-prices.json are curated by hand, each figure with its source.)
// Usage: node scripts/build-catalog.mjs [referenceDir]
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const ref = process.argv[2] ?? join(import.meta.dirname, '..', '..', 'shared', 'reference');
const out = join(import.meta.dirname, '..', 'src', 'catalog', 'data');
const specs = JSON.parse(readFileSync(join(ref, 'ec2-instance-types.json'), 'utf8'));
const prices = JSON.parse(readFileSync(join(ref, 'ec2-ondemand-us-east-1.json'), 'utf8'));
const gpuByRegion = JSON.parse(readFileSync(join(ref, 'gpu-prices-by-region.json'), 'utf8'));
// Instance store and network bandwidth are not in the reference file: they come from the same moto 5.2.1
// DescribeInstanceTypes data it was reduced from (InstanceStorageInfo, NetworkInfo). Path: third argument,
// else the installed moto package.
const motoTypesPath =
  process.argv[3] ??
  join(
    execFileSync('python3', ['-c', 'import moto, os; print(os.path.dirname(moto.__file__))'], { encoding: 'utf8' }).trim(),
    'ec2',
    'resources',
    'instance_types.json.gz',
  );
const motoTypes = JSON.parse(gunzipSync(readFileSync(motoTypesPath)).toString('utf8'));

/** Local instance store (GB), network bandwidth summed over the network cards (Gbps) and EFA support. */
function storeAndNetwork(name) {
  const m = motoTypes[name];
  if (!m) return supplementNetwork[name] ?? {};
  const cards = m.NetworkInfo?.NetworkCards ?? [];
  const sum = (key) => Math.round(cards.reduce((a, c) => a + (c[key] ?? 0), 0) * 1000) / 1000;
  const out = {};
  if (m.InstanceStorageInfo?.TotalSizeInGB) out.instanceStoreGB = m.InstanceStorageInfo.TotalSizeInGB;
  if (cards.length && cards.every((c) => c.BaselineBandwidthInGbps !== undefined && c.PeakBandwidthInGbps !== undefined))
    out.network = { baselineGbps: sum('BaselineBandwidthInGbps'), peakGbps: sum('PeakBandwidthInGbps') };
  if (m.NetworkInfo?.EfaSupported) out.efa = true;
  return out;
}

// p3 (absent from moto's data): EBS only, no EFA; "10 Gigabit" (p3.8xlarge) and "25 Gigabit" (p3.16xlarge) are
// dedicated bandwidth, while p3.2xlarge's "Up to 10 Gigabit" has no published baseline, so it stays unknown
// (EC2 User Guide, accelerated computing network specifications).
const supplementNetwork = {
  'p3.8xlarge': { network: { baselineGbps: 10, peakGbps: 10 } },
  'p3.16xlarge': { network: { baselineGbps: 25, peakGbps: 25 } },
};

// p3 is absent from moto's bundled DescribeInstanceTypes data; figures from the EC2 User Guide
// "Hardware specifications" table (awsdocs, 2023) and Vantage gpu_data.go, as quoted in aws-facts.md.
const supplements = {
  source: 'EC2 User Guide hardware specifications (awsdocs 2023) and vantage-sh/ec2instances.info gpu_data.go, via shared/reference/aws-facts.md',
  types: Object.fromEntries(
    [
      ['p3.2xlarge', 8, 61, 1],
      ['p3.8xlarge', 32, 244, 4],
      ['p3.16xlarge', 64, 488, 8],
    ].map(([type, vcpu, memGiB, gpus]) => [
      type,
      {
        vcpu,
        memoryMiB: memGiB * 1024,
        currentGeneration: false,
        arch: ['x86_64'],
        gpu: { model: 'V100', manufacturer: 'NVIDIA', count: gpus, memoryMiBEach: 16384, totalMemoryMiB: 16384 * gpus },
      },
    ]),
  ),
};

const NETWORK_SOURCE =
  'instanceStoreGB (InstanceStorageInfo.TotalSizeInGB), network (NetworkInfo.NetworkCards Baseline/PeakBandwidthInGbps, summed over cards) and efa (NetworkInfo.EfaSupported): EC2 DescribeInstanceTypes data as bundled in moto 5.2.1 (moto/ec2/resources/instance_types.json.gz); p3 from the EC2 User Guide network specifications';
const types = {};
for (const [name, s] of Object.entries({ ...specs.types, ...supplements.types })) {
  const t = { vcpu: s.vcpu, memoryMiB: s.memoryMiB, currentGeneration: s.currentGeneration, arch: s.arch };
  if (s.gpu) t.gpu = { model: s.gpu.model, count: s.gpu.count, memoryMiBEach: s.gpu.memoryMiBEach };
  if (s.neuron) t.neuron = { model: s.neuron.model, count: s.neuron.count, memoryMiBEach: s.neuron.memoryMiBEach };
  Object.assign(t, storeAndNetwork(name));
  if (supplements.types[name]) t.source = 'supplement';
  types[name] = t;
}
const sorted = Object.fromEntries(Object.entries(types).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(
  join(out, 'ec2-instance-types.json'),
  JSON.stringify({ source: specs.source, supplementSource: supplements.source, networkSource: NETWORK_SOURCE, types: sorted }) + '\n',
);
writeFileSync(
  join(out, 'ec2-ondemand-prices.json'),
  JSON.stringify(
    {
      source: prices.source,
      asOf: prices.asOf,
      unit: prices.unit,
      region: prices.region,
      // AWS lists most types at the same on-demand price in these regions (shared/reference/README.md).
      sameListPriceRegions: ['us-east-1', 'us-east-2', 'us-west-2'],
      prices: prices.prices,
    },
    null,
    1,
  ) + '\n',
);
// Accelerated types in every commercial region: parent regions only (no Local/Wavelength Zones, which
// price apart) and no GovCloud. A reserved rate is kept only where the source has one.
const commercialRegion = /^(?!us-gov-)[a-z]{2}-[a-z]+-\d+$/;
const regional = {};
for (const [type, byRegion] of Object.entries(gpuByRegion.prices).sort(([a], [b]) => a.localeCompare(b))) {
  for (const [region, p] of Object.entries(byRegion).sort(([a], [b]) => a.localeCompare(b))) {
    if (!commercialRegion.test(region)) continue;
    (regional[type] ??= {})[region] =
      p.reserved1yrStandardNoUpfront === undefined ? { onDemand: p.onDemand } : { onDemand: p.onDemand, reserved1yrNoUpfront: p.reserved1yrStandardNoUpfront };
  }
}
writeFileSync(
  join(out, 'ec2-accelerated-regional-prices.json'),
  JSON.stringify(
    {
      source: gpuByRegion.source,
      asOf: gpuByRegion.asOf,
      unit: gpuByRegion.unit,
      notes: [
        ...gpuByRegion.notes,
        'copied from shared/reference/gpu-prices-by-region.json by scripts/build-catalog.mjs: commercial parent regions only (Local and Wavelength Zones and GovCloud left out)',
        'reserved1yrNoUpfront is a 1-year Standard Reserved Instance, no upfront, Linux; the source has no 3-year or Savings Plans rates, so those stay unknown unless collected live',
        'where this file and ec2-ondemand-prices.json (Pricing API, 2026-07-20) both price a type in us-east-1 they agree; the us-east-1 list (newer) is read first',
      ],
      prices: regional,
    },
    null,
    1,
  ) + '\n',
);
console.log(`wrote ${Object.keys(sorted).length} instance types and ${Object.keys(prices.prices).length} prices to ${out}`);
