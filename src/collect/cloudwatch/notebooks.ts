import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { SageMakerNotebook } from '../../snapshot/schema.js';
import type { MetricRequest } from './batch.js';
import { dimension, listSeries, type DiscoveredMetric } from './discover.js';
import { assign, type SummaryOptions } from './ec2.js';
import { summarize, type Series } from './summarize.js';

/**
 * SageMaker publishes no CloudWatch metrics for notebook instances (only endpoints, jobs and
 * pipelines have them), and the notebook's EC2 instance lives in a SageMaker-owned account, so
 * there is no AWS/EC2 CPUUtilization either. CPU is known only when the team runs the CloudWatch
 * agent on the notebook (from its lifecycle script) with a per-plugin append_dimensions of
 * NotebookInstanceName; this dimension name is the convention the rule docs tell users to set.
 */
export const NOTEBOOK_DIMENSION = 'NotebookInstanceName';
const ACTIVE = 'cpu_usage_active';
const IDLE = 'cpu_usage_idle';

export async function notebookAgentRequests(
  client: CloudWatchClient,
  namespace: string,
  notebooks: readonly SageMakerNotebook[],
  summary: SummaryOptions,
): Promise<MetricRequest[]> {
  if (!notebooks.length) return [];
  const [active, idle] = await Promise.all([listSeries(client, namespace, ACTIVE), listSeries(client, namespace, IDLE)]);
  return notebookCpuRequests(namespace, notebooks, [...active, ...idle], summary);
}

/**
 * One CPU series per notebook: the whole-machine series (no `cpu` dimension, or cpu-total), never a
 * per-core one; cpu_usage_active when published, else 100 - cpu_usage_idle (the agent's default set).
 */
export function notebookCpuRequests(
  namespace: string,
  notebooks: readonly SageMakerNotebook[],
  listed: readonly DiscoveredMetric[],
  summary: SummaryOptions,
): MetricRequest[] {
  const byName = new Map(notebooks.map((n) => [n.name, n]));
  const chosen = new Map<SageMakerNotebook, DiscoveredMetric>();
  for (const m of listed) {
    const nb = byName.get(dimension(m, NOTEBOOK_DIMENSION) ?? '');
    const core = dimension(m, 'cpu');
    if (!nb || (core !== undefined && core !== 'cpu-total')) continue;
    const current = chosen.get(nb);
    if (!current || (current.metricName === IDLE && m.metricName === ACTIVE)) chosen.set(nb, m);
  }
  return [...chosen].map(([nb, m]) => ({
    namespace,
    metricName: m.metricName,
    dimensions: m.dimensions,
    stat: 'Average' as const,
    onResult: (s: Series) => {
      const busy = m.metricName === IDLE ? { timestamps: s.timestamps, values: s.values.map((v) => 100 - v) } : s;
      // Per day: the auto-stop saving is the share of days the notebook sat idle.
      assign(nb.metrics, 'cpu', summarize(busy, summary.periodSeconds, { counter: false, windowHours: summary.windowHours, daily: true }));
    },
  }));
}
