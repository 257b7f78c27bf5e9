import { CloudWatchClient, PutMetricDataCommand, type MetricDatum } from '@aws-sdk/client-cloudwatch';
import { EC2Client, RunInstancesCommand, type _InstanceType, type Tag } from '@aws-sdk/client-ec2';

/**
 * Creates resources and metric data through the real SDK, for integration tests and the
 * benchmark. Seeding writes, so it lives here and never in src/ (which is read-only by test).
 */
export const TEST_CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' } as const;

export function seedClients(endpoint: string, region: string): { ec2: EC2Client; cw: CloudWatchClient } {
  const common = { region, endpoint, credentials: TEST_CREDENTIALS, maxAttempts: 2 };
  // moto cannot read the gzip bodies the SDK sends for large PutMetricData.
  return { ec2: new EC2Client(common), cw: new CloudWatchClient({ ...common, disableRequestCompression: true }) };
}

export interface Launched {
  id: string;
  privateDns: string;
}

export async function launch(ec2: EC2Client, type: string, count = 1, tags: Record<string, string> = {}): Promise<Launched[]> {
  const Tags: Tag[] = Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
  const out = await ec2.send(
    new RunInstancesCommand({
      ImageId: 'ami-12c6146b',
      InstanceType: type as _InstanceType,
      MinCount: count,
      MaxCount: count,
      ...(Tags.length ? { TagSpecifications: [{ ResourceType: 'instance', Tags }] } : {}),
    }),
  );
  return (out.Instances ?? []).map((i) => ({ id: i.InstanceId!, privateDns: i.PrivateDnsName ?? '' }));
}

export interface Point {
  t: Date;
  v: number;
}

/** One datapoint a day at 12:00 UTC for the `days` whole days before `end`: sparse, so moto stays fast. */
export function daily(end: Date, days: number, value: (day: number) => number): Point[] {
  const midnight = Math.floor(end.getTime() / 86_400_000) * 86_400_000;
  return Array.from({ length: days }, (_, d) => ({ t: new Date(midnight - (d + 1) * 86_400_000 + 12 * 3_600_000), v: value(d) }));
}

export interface SeriesSpec {
  namespace: string;
  metricName: string;
  dimensions: Record<string, string>;
  points: Point[];
}

/** PutMetricData takes up to 1,000 datapoints per call and one namespace per call. */
export async function putSeries(cw: CloudWatchClient, series: readonly SeriesSpec[]): Promise<void> {
  const byNamespace = new Map<string, MetricDatum[]>();
  for (const s of series) {
    const Dimensions = Object.entries(s.dimensions).map(([Name, Value]) => ({ Name, Value }));
    const data = byNamespace.get(s.namespace) ?? [];
    for (const p of s.points) data.push({ MetricName: s.metricName, Dimensions, Timestamp: p.t, Value: p.v });
    byNamespace.set(s.namespace, data);
  }
  for (const [Namespace, data] of byNamespace) {
    for (let i = 0; i < data.length; i += 1000) await cw.send(new PutMetricDataCommand({ Namespace, MetricData: data.slice(i, i + 1000) }));
  }
}
