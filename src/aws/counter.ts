/**
 * Counts the AWS calls one collection makes, per "service:Operation" (IAM-style names), and the
 * CloudWatch metrics it requested: GetMetricData is billed per metric, not per call, so the
 * audit's own cost needs both.
 */
export class ApiCallCounter {
  private readonly calls = new Map<string, number>();
  private metrics = 0;

  add(key: string): void {
    this.calls.set(key, (this.calls.get(key) ?? 0) + 1);
  }

  addMetricsRequested(count: number): void {
    this.metrics += count;
  }

  get metricsRequested(): number {
    return this.metrics;
  }

  count(key: string): number {
    return this.calls.get(key) ?? 0;
  }

  /** Sorted by key so Snapshots diff cleanly. */
  toRecord(): Record<string, number> {
    return Object.fromEntries([...this.calls.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }
}
