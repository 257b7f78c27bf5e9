import { describe, expect, it } from 'vitest';
import { notebookCpuRequests } from '../../src/collect/cloudwatch/notebooks.js';
import type { SageMakerNotebook } from '../../src/snapshot/schema.js';

const H = 3_600_000;
const summary = { periodSeconds: 3600, windowHours: 336 };
const nb = (name: string): SageMakerNotebook => ({
  name,
  accountId: '1',
  region: 'us-east-1',
  status: 'InService',
  instanceType: 'ml.t3.xlarge',
  creationTime: '2026-01-01T00:00:00.000Z',
  tags: {},
  metrics: {},
});
const metric = (metricName: string, dims: Record<string, string>) => ({
  metricName,
  dimensions: Object.entries(dims).map(([Name, Value]) => ({ Name, Value })),
});
const series = (values: number[]) => ({ timestamps: values.map((_, i) => Date.UTC(2026, 5, 1) + i * H), values });

describe('notebook CPU from the CloudWatch agent', () => {
  it('reads 100 - cpu_usage_idle of the whole machine, matched by NotebookInstanceName', () => {
    const a = nb('a');
    const reqs = notebookCpuRequests('CWAgent', [a], [metric('cpu_usage_idle', { NotebookInstanceName: 'a', cpu: 'cpu-total' })], summary);
    expect(reqs).toHaveLength(1);
    expect(reqs[0]).toMatchObject({
      namespace: 'CWAgent',
      metricName: 'cpu_usage_idle',
      stat: 'Average',
      dimensions: [
        { Name: 'NotebookInstanceName', Value: 'a' },
        { Name: 'cpu', Value: 'cpu-total' },
      ],
    });
    reqs[0]!.onResult(series([98, 97, 90]));
    expect(a.metrics.cpu).toMatchObject({ avg: 5, max: 10, datapoints: 3, observedHours: 3 });
  });

  it('prefers cpu_usage_active over idle, and never takes a per-core series or another notebook', () => {
    const a = nb('a');
    const listed = [
      metric('cpu_usage_idle', { NotebookInstanceName: 'a', cpu: 'cpu-total' }),
      metric('cpu_usage_active', { NotebookInstanceName: 'a', cpu: 'cpu0' }),
      metric('cpu_usage_active', { NotebookInstanceName: 'a' }),
      metric('cpu_usage_active', { NotebookInstanceName: 'someone-else' }),
      metric('cpu_usage_active', { InstanceId: 'i-1' }),
    ];
    const reqs = notebookCpuRequests('CWAgent', [a], listed, summary);
    expect(reqs.map((r) => [r.metricName, r.dimensions])).toEqual([['cpu_usage_active', [{ Name: 'NotebookInstanceName', Value: 'a' }]]]);
    reqs[0]!.onResult(series([4, 6]));
    expect(a.metrics.cpu?.max).toBe(6);
  });

  it('no agent series: no request, and no CPU summary (absent is not idle)', () => {
    const a = nb('a');
    expect(notebookCpuRequests('CWAgent', [a], [], summary)).toEqual([]);
    expect(a.metrics.cpu).toBeUndefined();
  });
});
