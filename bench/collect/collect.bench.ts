/**
 * Collect benchmark: a fleet in moto_server (indexed CloudWatch store, see test/helpers/moto_indexed.py)
 * behind a loopback proxy that adds 30 ms per call and counts calls per operation. Compares
 * mlcost's collector (GetMetricData, 500 queries per call) with the Cloud Custodian `metrics`
 * filter pattern (one GetMetricStatistics per resource per metric).
 *
 *   npx tsx bench/collect/collect.bench.ts [N ...]      default: 100 1000 5000
 */
import { CloudWatchClient, GetMetricStatisticsCommand } from '@aws-sdk/client-cloudwatch';
import { EC2Client, paginateDescribeInstances } from '@aws-sdk/client-ec2';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { dirname, join } from 'node:path';
import { mapLimit } from '../../src/aws/limiter.js';
import { collectWithUsage } from '../../src/collect/run.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { startMoto } from '../../test/helpers/moto.js';
import { startProxy, type TracedCall } from './proxy.js';
import { daily, launch, putSeries, seedClients, TEST_CREDENTIALS, type SeriesSpec } from './seed.js';

const REGION = 'us-east-1';
const LATENCY_MS = 30;
const GPU_SERIES = 8;

async function seed(endpoint: string, n: number): Promise<void> {
  const { ec2, cw } = seedClients(endpoint, REGION);
  const gpuCount = Math.round(n / 10);
  const chunks = (count: number, type: string) => Array.from({ length: Math.ceil(count / 100) }, (_, i) => ({ type, count: Math.min(100, count - i * 100) }));
  const fleet = (await mapLimit([...chunks(n - gpuCount, 'm5.2xlarge'), ...chunks(gpuCount, 'p4d.24xlarge')], 4, (c) => launch(ec2, c.type, c.count))).flat();
  const now = new Date();
  const series: SeriesSpec[] = fleet.flatMap((inst, i) => {
    const dims = { InstanceId: inst.id };
    const base: SeriesSpec[] = [
      { namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions: dims, points: daily(now, 14, (d) => (i + d) % 60) },
      { namespace: 'AWS/EC2', metricName: 'NetworkIn', dimensions: dims, points: daily(now, 14, () => 1e6 * (i % 7)) },
      { namespace: 'AWS/EC2', metricName: 'NetworkOut', dimensions: dims, points: daily(now, 14, () => 1e6 * (i % 5)) },
    ];
    if (i < n - gpuCount) return base;
    const gpus = Array.from({ length: GPU_SERIES }, (_, g): SeriesSpec => ({
      namespace: 'CWAgent',
      metricName: 'nvidia_smi_utilization_gpu',
      dimensions: { InstanceId: inst.id, index: String(g), name: 'NVIDIA A100-SXM4-40GB' },
      points: daily(now, 14, () => (g === 0 ? 70 : 0)),
    }));
    return [...base, ...gpus];
  });
  for (let i = 0; i < series.length; i += 300) await putSeries(cw, series.slice(i, i + 300));
}

/** Peak RSS while `run` executes, sampled every 20 ms. */
async function measured<T>(run: () => Promise<T>): Promise<{ value: T; ms: number; peakRssMiB: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  try {
    const value = await run();
    return { value, ms: Math.round(performance.now() - t0), peakRssMiB: Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20) };
  } finally {
    clearInterval(timer);
  }
}

/** Cloud Custodian's `metrics` filter: list resources, then one GetMetricStatistics per resource per metric. */
async function custodianBaseline(endpoint: string): Promise<number> {
  const common = { region: REGION, endpoint, credentials: TEST_CREDENTIALS, maxAttempts: 6 };
  const ec2 = new EC2Client(common);
  const cw = new CloudWatchClient(common);
  const ids: { id: string; gpu: boolean }[] = [];
  for await (const page of paginateDescribeInstances({ client: ec2, pageSize: 1000 }, {})) {
    for (const r of page.Reservations ?? []) for (const i of r.Instances ?? []) ids.push({ id: i.InstanceId!, gpu: i.InstanceType === 'p4d.24xlarge' });
  }
  const end = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
  const start = new Date(end.getTime() - 14 * 86_400_000);
  const jobs = ids.flatMap(({ id, gpu }) => [
    ...['CPUUtilization', 'NetworkIn', 'NetworkOut'].map((m) => ({ ns: 'AWS/EC2', m, dims: [{ Name: 'InstanceId', Value: id }] })),
    ...(gpu
      ? Array.from({ length: GPU_SERIES }, (_, g) => ({
          ns: 'CWAgent',
          m: 'nvidia_smi_utilization_gpu',
          dims: [
            { Name: 'InstanceId', Value: id },
            { Name: 'index', Value: String(g) },
            { Name: 'name', Value: 'NVIDIA A100-SXM4-40GB' },
          ],
        }))
      : []),
  ]);
  // Custodian runs metric lookups on a small thread pool; 8 in flight matches mlcost's CloudWatch limit.
  await mapLimit(jobs, 8, (j) =>
    cw.send(
      new GetMetricStatisticsCommand({
        Namespace: j.ns,
        MetricName: j.m,
        Dimensions: j.dims,
        StartTime: start,
        EndTime: end,
        Period: 86400,
        Statistics: ['Average'],
      }),
    ),
  );
  ec2.destroy();
  cw.destroy();
  return jobs.length;
}

/**
 * CPU time (user + sys, ms) of a process from /proc: the emulator's work, which on a loaded machine
 * says more than the wall time (both runs share moto_server, which is one Python process).
 */
function cpuMsOf(pid: number | undefined): number {
  if (pid === undefined) return 0;
  // Fields after the command name: state is field 3, utime and stime are fields 14 and 15, in clock ticks (100 a second on Linux).
  const fields =
    readFileSync(`/proc/${String(pid)}/stat`, 'utf8')
      .split(') ')[1]
      ?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** BENCH_CPU_PROFILE=1: a V8 CPU profile of mlcost's run alone (not the seeding, not the baseline), for DevTools. */
async function startProfiler(): Promise<{ stop(name: string): Promise<string> }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  return {
    async stop(name) {
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      const file = join(import.meta.dirname, '..', 'out', `${name}.cpuprofile`);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(profile));
      return file;
    },
  };
}

/**
 * BENCH_TRACE=1: every call of mlcost's run with its start and end in ms from the run's start, and
 * per operation the first start and last end, to see what the run waits for (its critical path).
 */
function printTrace(trace: readonly TracedCall[], runStart: number, runMs: number): void {
  const at = (t: number) => Math.round(t - runStart).toString();
  const lines = trace.map((c) => `${at(c.start).padStart(6)} ${at(c.end).padStart(6)}  ${String(c.status)} ${c.region} ${c.key}`);
  const spans = new Map<string, { first: number; last: number; calls: number }>();
  for (const c of trace) {
    const s = spans.get(c.key) ?? { first: c.start, last: c.end, calls: 0 };
    spans.set(c.key, { first: Math.min(s.first, c.start), last: Math.max(s.last, c.end), calls: s.calls + 1 });
  }
  const byOp = [...spans.entries()]
    .sort((a, b) => a[1].first - b[1].first)
    .map(([k, s]) => `${at(s.first).padStart(6)} ${at(s.last).padStart(6)}  ${String(s.calls).padStart(4)}x ${k}`);
  process.stderr.write(
    `  start    end  status region call (ms from the run's start; run ${String(runMs)} ms)\n${lines.join('\n')}\n\n  first   last  calls operation\n${byOp.join('\n')}\n`,
  );
}

async function benchOne(n: number): Promise<string> {
  const moto = await startMoto({ indexedCloudWatch: true });
  try {
    const tSeed = performance.now();
    await seed(moto.endpoint, n);
    process.stderr.write(`N=${n}: seeded in ${Math.round((performance.now() - tSeed) / 1000)} s\n`);
    const proxy = await startProxy(moto.endpoint, { latencyMs: LATENCY_MS });
    const runStart = performance.now();
    const traceStart = proxy.trace.length;
    const profiler = process.env['BENCH_CPU_PROFILE'] ? await startProfiler() : undefined;
    const cpuBefore = process.cpuUsage();
    const motoBefore = cpuMsOf(moto.pid);
    const ours = await measured(() =>
      collectWithUsage({
        config: ConfigSchema.parse({}),
        regions: [REGION],
        allRegions: false,
        endpointUrl: proxy.url,
        lookbackDays: 14,
        org: false,
        prices: 'embedded',
      }),
    );
    const cpu = process.cpuUsage(cpuBefore);
    const motoCpu = cpuMsOf(moto.pid) - motoBefore;
    process.stderr.write(
      `N=${String(n)}: mlcost's own CPU ${String(Math.round((cpu.user + cpu.system) / 1000))} ms, moto_server's ${String(motoCpu)} ms (user + sys) in ${String(ours.ms)} ms\n`,
    );
    if (profiler) process.stderr.write(`N=${String(n)}: CPU profile in ${await profiler.stop(`collect-${String(n)}`)}\n`);
    const ourCalls = new Map(proxy.calls);
    if (process.env['BENCH_TRACE']) printTrace(proxy.trace.slice(traceStart), runStart, ours.ms);
    const queries = ours.value.usage.cloudwatchMetricsRequested;
    const gmd = ourCalls.get('monitoring:GetMetricData') ?? 0;
    proxy.calls.clear();
    // BENCH_NO_BASELINE=1 (while tracing mlcost's own run) leaves the baseline out: its columns read 0.
    const motoBeforeBase = cpuMsOf(moto.pid);
    const cpuBeforeBase = process.cpuUsage();
    const base = process.env['BENCH_NO_BASELINE'] ? { value: 0, ms: 0, peakRssMiB: 0 } : await measured(() => custodianBaseline(proxy.url));
    const baseCpu = process.cpuUsage(cpuBeforeBase);
    process.stderr.write(
      `N=${String(n)}: baseline's own CPU ${String(Math.round((baseCpu.user + baseCpu.system) / 1000))} ms, moto_server's ${String(cpuMsOf(moto.pid) - motoBeforeBase)} ms in ${String(base.ms)} ms\n`,
    );
    const gms = proxy.calls.get('monitoring:GetMetricStatistics') ?? 0;
    const baseTotal = [...proxy.calls.values()].reduce((a, b) => a + b, 0);
    const ourTotal = [...ourCalls.values()].reduce((a, b) => a + b, 0);
    await proxy.stop();
    const ourCw = gmd + (ourCalls.get('monitoring:ListMetrics') ?? 0);
    const perOp = [...ourCalls.entries()]
      .sort()
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    process.stderr.write(`N=${n}: mlcost ${ours.ms} ms (${perOp}); baseline ${base.ms} ms (${gms} GetMetricStatistics)\n`);
    return `| ${n} | ${queries} | ${gmd} (ceil/500 = ${Math.ceil(queries / 500)}) | ${ourCw} | ${ourTotal} | ${(ours.ms / 1000).toFixed(1)} s | ${ours.peakRssMiB} MiB | $${ours.value.usage.apiCostUsd.toFixed(4)} | ${gms} | ${baseTotal} | ${(base.ms / 1000).toFixed(1)} s | ${base.peakRssMiB} MiB | ${(gms / Math.max(1, ourCw)).toFixed(0)}x / ${(base.ms / ours.ms).toFixed(1)}x |`;
  } finally {
    await moto.stop();
  }
}

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
process.env['AWS_ACCESS_KEY_ID'] = TEST_CREDENTIALS.accessKeyId;
process.env['AWS_SECRET_ACCESS_KEY'] = TEST_CREDENTIALS.secretAccessKey;
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const rows: string[] = [];
for (const n of sizes.length ? sizes : [100, 1000, 5000]) rows.push(await benchOne(n));
console.log(
  '| N | metrics requested | GetMetricData calls | CloudWatch calls (incl. ListMetrics) | all mlcost calls | mlcost wall | mlcost peak RSS | est. AWS charge | baseline GetMetricStatistics | all baseline calls | baseline wall | baseline peak RSS | fewer CW calls / faster |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
