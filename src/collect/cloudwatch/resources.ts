import type { EbsVolume, S3Bucket, SageMakerEndpoint } from '../../snapshot/schema.js';
import { instanceSpec } from '../../catalog/index.js';
import type { MetricRequest } from './batch.js';
import type { DiscoveredMetric } from './discover.js';
import { dimension } from './discover.js';
import { assign, type SummaryOptions } from './ec2.js';
import { summarize, type Series } from './summarize.js';

/** EBS I/O operations per volume; a volume with no reads or writes over the window is unused. */
export function ebsRequests(volumes: readonly EbsVolume[], summary: SummaryOptions): MetricRequest[] {
  return volumes
    .filter((v) => v.state !== 'deleted' && v.state !== 'deleting')
    .flatMap((v) => {
      const dims = [{ Name: 'VolumeId', Value: v.id }];
      const opts = { counter: true, windowHours: summary.windowHours };
      return [
        {
          namespace: 'AWS/EBS',
          metricName: 'VolumeReadOps',
          dimensions: dims,
          stat: 'Sum' as const,
          onResult: (s: Series) => {
            assign(v.metrics, 'readOps', summarize(s, summary.periodSeconds, opts));
          },
        },
        {
          namespace: 'AWS/EBS',
          metricName: 'VolumeWriteOps',
          dimensions: dims,
          stat: 'Sum' as const,
          onResult: (s: Series) => {
            assign(v.metrics, 'writeOps', summarize(s, summary.periodSeconds, opts));
          },
        },
      ];
    });
}

/**
 * S3 publishes BucketSizeBytes once a day per StorageType and NumberOfObjects for
 * AllStorageTypes; only buckets and types that hold data have series, hence ListMetrics first
 * (and the query reuses the listed dimensions). The latest day wins.
 */
export function s3Requests(buckets: readonly S3Bucket[], listed: readonly DiscoveredMetric[]): MetricRequest[] {
  const byName = new Map(buckets.map((b) => [b.name, b]));
  const requests: MetricRequest[] = [];
  for (const m of listed) {
    const bucket = byName.get(dimension(m, 'BucketName') ?? '');
    const storageType = dimension(m, 'StorageType');
    if (!bucket || !storageType) continue;
    const apply =
      m.metricName === 'NumberOfObjects' ? (v: number) => (bucket.objectCount = Math.round(v)) : (v: number) => (bucket.bytesByStorageType[storageType] = v);
    requests.push({
      namespace: 'AWS/S3',
      metricName: m.metricName,
      dimensions: m.dimensions,
      stat: 'Average',
      periodSeconds: 86400,
      onResult: (s) => {
        const v = latest(s);
        if (v !== undefined) apply(v);
      },
    });
  }
  return requests;
}

/** The newest finite value of a series: daily metrics are read by their latest day. */
export function latest(s: Series): number | undefined {
  let t = -Infinity;
  let v: number | undefined;
  s.timestamps.forEach((ts, i) => {
    const value = s.values[i];
    if (ts > t && value !== undefined && Number.isFinite(value)) [t, v] = [ts, value];
  });
  return v;
}

/**
 * Invocations per variant, and the endpoint instances' utilisation. SageMaker reports CPU and
 * GPU utilisation as 0–100 × cores (4 GPUs: 0–400%), so values are divided by the count here
 * and the Snapshot always holds 0–100.
 */
export function sagemakerRequests(endpoints: readonly SageMakerEndpoint[], summary: SummaryOptions): MetricRequest[] {
  const requests: MetricRequest[] = [];
  for (const ep of endpoints) {
    for (const variant of ep.variants) {
      const dims = [
        { Name: 'EndpointName', Value: ep.name },
        { Name: 'VariantName', Value: variant.name },
      ];
      const m = variant.metrics;
      const opts = (counter: boolean) => ({ counter, windowHours: summary.windowHours });
      requests.push({
        namespace: 'AWS/SageMaker',
        metricName: 'Invocations',
        dimensions: dims,
        stat: 'Sum',
        onResult: (s) => {
          // By hour of week: low-traffic-gpu-endpoint counts the hours a day that see any traffic.
          assign(m, 'invocations', summarize(s, summary.periodSeconds, { ...opts(true), hourOfWeek: true }));
        },
      });
      if (variant.serverless || !variant.instanceType) continue;
      const spec = instanceSpec(variant.instanceType.replace(/^ml\./, ''));
      const scaled = (s: Series, by: number | undefined): Series => ({ timestamps: s.timestamps, values: s.values.map((v) => v / (by && by > 0 ? by : 1)) });
      const util = (metricName: string, key: 'cpu' | 'gpu' | 'gpuMemory', by: number | undefined) =>
        requests.push({
          namespace: '/aws/sagemaker/Endpoints',
          metricName,
          dimensions: dims,
          stat: 'Average',
          onResult: (s) => {
            assign(m, key, summarize(scaled(s, by), summary.periodSeconds, opts(false)));
          },
        });
      if (spec) util('CPUUtilization', 'cpu', spec.vcpu);
      if (spec?.gpu) {
        util('GPUUtilization', 'gpu', spec.gpu.count);
        util('GPUMemoryUtilization', 'gpuMemory', spec.gpu.count);
      }
    }
  }
  return requests;
}
