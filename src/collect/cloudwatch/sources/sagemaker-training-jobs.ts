import { instanceSpec } from '../../../catalog/index.js';
import type { MetricSummary, SageMakerTrainingJob } from '../../../snapshot/schema.js';
import { sagemakerTrainingJobsCollector } from '../../sagemaker-training-jobs.js';
import type { MetricRequest } from '../batch.js';
import type { SummaryOptions } from '../ec2.js';
import { defineMetricSource } from '../source.js';
import { summarize, type Series } from '../summarize.js';

/** A job with more hosts than this is read on its first hosts only: a sample, and a bound on queries. */
const MAX_HOSTS_PER_JOB = 16;

export const sagemakerTrainingJobMetrics = defineMetricSource({
  what: 'SageMaker training job metrics',
  collector: sagemakerTrainingJobsCollector,
  requests: (jobs, _ctx, _client, summary) => trainingJobRequests(jobs, summary),
});

/**
 * Instance metrics of training jobs: namespace /aws/sagemaker/TrainingJobs, one series per host
 * with dimension Host = "<job name>/algo-<n>", n from 1 (AWS: "SageMaker AI job metrics",
 * docs.aws.amazon.com/sagemaker/latest/dg/monitoring-cloudwatch.html#cloudwatch-metrics-jobs).
 * GPU figures come as 0-100 x GPUs and CPU as 0-100 x cores, so they are divided here. The job
 * keeps its busiest host's summary (highest p95): a job is only as idle as its busiest host.
 */
export function trainingJobRequests(jobs: readonly SageMakerTrainingJob[], summary: SummaryOptions): MetricRequest[] {
  const requests: MetricRequest[] = [];
  for (const job of jobs) {
    const spec = instanceSpec(job.instanceType.replace(/^ml\./, ''));
    if (!spec || job.instanceCount <= 0) continue;
    const metrics: { key: keyof SageMakerTrainingJob['metrics']; name: string; by: number }[] = [
      { key: 'cpu', name: 'CPUUtilization', by: spec.vcpu },
      { key: 'memory', name: 'MemoryUtilization', by: 1 },
    ];
    if (spec.gpu)
      metrics.push({ key: 'gpu', name: 'GPUUtilization', by: spec.gpu.count }, { key: 'gpuMemory', name: 'GPUMemoryUtilization', by: spec.gpu.count });
    for (let host = 1; host <= Math.min(job.instanceCount, MAX_HOSTS_PER_JOB); host++) {
      for (const m of metrics) {
        requests.push({
          namespace: '/aws/sagemaker/TrainingJobs',
          metricName: m.name,
          dimensions: [{ Name: 'Host', Value: `${job.name}/algo-${host}` }],
          stat: 'Average',
          onResult: (s: Series) => {
            const scaled = { timestamps: s.timestamps, values: s.values.map((v) => v / m.by) };
            keepBusiest(job.metrics, m.key, summarize(scaled, summary.periodSeconds, { counter: false, windowHours: summary.windowHours }));
          },
        });
      }
    }
  }
  return requests;
}

function keepBusiest(target: SageMakerTrainingJob['metrics'], key: keyof SageMakerTrainingJob['metrics'], s: MetricSummary | undefined): void {
  const current = target[key];
  if (s && (!current || s.p95 > current.p95)) target[key] = s;
}
