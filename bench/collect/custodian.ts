import { CloudWatchClient, GetMetricStatisticsCommand, type Dimension } from '@aws-sdk/client-cloudwatch';
import { DescribeTagsCommand, EC2Client, paginateDescribeInstances, type Instance } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mapLimit } from '../../src/aws/limiter.js';
import { TEST_CREDENTIALS } from './seed.js';

/**
 * Cloud Custodian's access pattern, call for call, as read in cloud-custodian/cloud-custodian at commit
 * df800e9e94d0860e0d8fbfebd9bc5b9b2d50367d (2026-08-22):
 * - c7n/resources/aws.py `_default_account_id`: one sts:GetCallerIdentity per run;
 * - c7n/query.py `ResourceQuery._invoke_client_enum`: DescribeInstances through botocore's paginator with no
 *   PageSize, so no MaxResults: AWS answers such an unpaginated call with every instance; the resource cache
 *   (`--cache-period`, 15 minutes by default) serves the other policies of the run from that one listing;
 * - c7n/resources/ec2.py `DescribeEC2.augment`: one sampled instance without a `Tags` key (AWS leaves tagSet
 *   out for an untagged instance) triggers one DescribeTags for resource-type instance, not paginated;
 * - c7n/filters/metrics.py `MetricsFilter.process`: per metrics filter, the resources in chunks of 50 on a
 *   thread pool of 3 (`max_workers=3`), one GetMetricStatistics per resource inside a chunk, one after the
 *   other, one statistic (Average by default) per call, Period = the whole window (`days`, 14 by default),
 *   window end = the next whole minute (windows of up to 15 days); filters of an `or` block run one after
 *   the other (c7n/filters/core.py `Or.process_set`), each over every resource.
 * The policies that read what mlcost reads: `ec2` with `or` of three metrics filters (CPUUtilization,
 * NetworkIn, NetworkOut); and one policy per GPU index (the per-resource annotation cache is keyed by
 * namespace, metric, statistic and days, not dimensions, so eight GPU filters in one policy would read GPU 0
 * eight times), each filtering on the GPU instance type, then metrics `nvidia_smi_utilization_gpu` in CWAgent
 * with `dimensions: {index, name}`.
 */
const CHUNK = 50;
const WORKERS = 3;
const DAYS = 14;

export interface GpuSeries {
  instanceType: string;
  count: number;
  name: string;
}

/** What the baseline read: calls by kind, and series that came back with datapoints (the replay's check). */
export interface BaselineResult {
  metricCalls: number;
  seriesWithData: number;
  datapoints: number;
}

export async function custodianBaseline(endpoint: string, region: string, now: Date, gpu: GpuSeries): Promise<BaselineResult> {
  const common = { region, endpoint, credentials: TEST_CREDENTIALS, maxAttempts: 6 };
  const sts = new STSClient(common);
  const ec2 = new EC2Client(common);
  const cw = new CloudWatchClient(common);
  try {
    await sts.send(new GetCallerIdentityCommand({}));
    const instances: Instance[] = [];
    for await (const page of paginateDescribeInstances({ client: ec2 }, {})) for (const r of page.Reservations ?? []) instances.push(...(r.Instances ?? []));
    await augmentTags(ec2, instances);

    const end = new Date(Math.floor(now.getTime() / 60_000) * 60_000 + 60_000);
    const window = { StartTime: new Date(end.getTime() - DAYS * 86_400_000), EndTime: end, Period: DAYS * 86_400, Statistics: ['Average' as const] };
    const result: BaselineResult = { metricCalls: 0, seriesWithData: 0, datapoints: 0 };
    const metricsFilter = async (resources: readonly Instance[], namespace: string, metricName: string, userDims: Dimension[]) => {
      const chunks = Array.from({ length: Math.ceil(resources.length / CHUNK) }, (_, i) => resources.slice(i * CHUNK, (i + 1) * CHUNK));
      await mapLimit(chunks, WORKERS, async (chunk) => {
        for (const r of chunk) {
          const out = await cw.send(
            new GetMetricStatisticsCommand({
              Namespace: namespace,
              MetricName: metricName,
              Dimensions: [{ Name: 'InstanceId', Value: r.InstanceId }, ...userDims],
              ...window,
            }),
          );
          const points = out.Datapoints?.length ?? 0;
          result.metricCalls += 1;
          result.datapoints += points;
          if (points > 0) result.seriesWithData += 1;
        }
      });
    };
    for (const metric of ['CPUUtilization', 'NetworkIn', 'NetworkOut']) await metricsFilter(instances, 'AWS/EC2', metric, []);
    const gpuInstances = instances.filter((i) => i.InstanceType === gpu.instanceType);
    for (let index = 0; index < gpu.count; index++) {
      const dims = [
        { Name: 'index', Value: String(index) },
        { Name: 'name', Value: gpu.name },
      ];
      await metricsFilter(gpuInstances, 'CWAgent', 'nvidia_smi_utilization_gpu', dims);
    }
    return result;
  } finally {
    sts.destroy();
    ec2.destroy();
    cw.destroy();
  }
}

/** `DescribeEC2.augment`: Custodian samples one instance (min(int(n % 0.05) + 1, 5) is 1 for whole n) and fetches tags when it has none. */
async function augmentTags(ec2: EC2Client, instances: Instance[]): Promise<void> {
  if (instances.length === 0) return;
  const sampled = instances[Math.floor(Math.random() * instances.length)]!;
  if (sampled.Tags !== undefined) return;
  await ec2.send(new DescribeTagsCommand({ Filters: [{ Name: 'resource-type', Values: ['instance'] }] }));
}
