import { paginateListMetrics, type CloudWatchClient } from '@aws-sdk/client-cloudwatch';

export interface DiscoveredMetric {
  metricName: string;
  dimensions: { Name: string; Value: string }[];
}

/**
 * Lists the series of one metric in a namespace, whatever dimensions the publisher attached
 * (the CloudWatch agent appends ImageId, InstanceType, AutoScalingGroupName or host as
 * configured); a query must name all of them to match. ListMetrics only returns series with data
 * in the last two weeks, which bounds what a longer lookback can discover.
 */
export async function listSeries(client: CloudWatchClient, namespace: string, metricName: string): Promise<DiscoveredMetric[]> {
  const out: DiscoveredMetric[] = [];
  for await (const page of paginateListMetrics({ client }, { Namespace: namespace, MetricName: metricName })) {
    for (const m of page.Metrics ?? []) {
      const dimensions = (m.Dimensions ?? []).flatMap((d) => (d.Name !== undefined && d.Value !== undefined ? [{ Name: d.Name, Value: d.Value }] : []));
      out.push({ metricName: m.MetricName ?? metricName, dimensions });
    }
  }
  return out;
}

export function dimension(metric: DiscoveredMetric, name: string): string | undefined {
  return metric.dimensions.find((d) => d.Name === name)?.Value;
}
