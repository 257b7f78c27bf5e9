/**
 * Collect benchmark: a fleet seeded into moto_server (indexed CloudWatch store, see test/helpers/moto_indexed.py),
 * read by mlcost's collector (GetMetricData, 500 queries per call) and by Cloud Custodian's access pattern
 * (custodian.ts: one GetMetricStatistics per resource per metric, 3 in flight), each behind a loopback proxy
 * that adds 30 ms per call and counts calls.
 *
 * Two modes, one line (sizes after --moto run in moto mode):
 *   npx tsx bench/collect/collect.bench.ts [N ...] [--moto N ...]      default: 300 5000 --moto 300
 * - replay (the measure of the target): both readers read moto once through a recording proxy, moto is
 *   stopped, and the timed runs are served from the record (replay.ts): each side pays 30 ms a call, the
 *   pages AWS would send, and its own CPU, not moto's. A check fails the benchmark unless the replayed
 *   runs collected what the recorded (live-moto) runs did.
 * - moto (the reference): both readers timed against moto_server itself, one single-threaded Python
 *   process whose CPU per call is the floor of both wall times.
 * Env: BENCH_TRACE=1 prints every call of mlcost's timed run, BENCH_CPU_PROFILE=1 writes a CPU profile of
 * it to bench/out/, BENCH_NO_BASELINE=1 leaves the baseline out.
 */
import { collectWithUsage } from '../../src/collect/run.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { mapLimit } from '../../src/aws/limiter.js';
import { startMoto } from '../../test/helpers/moto.js';
import { baselineMismatch, snapshotMismatch } from './check.js';
import { custodianBaseline, type BaselineResult, type GpuSeries } from './custodian.js';
import { cpuMsOf, measured, startProfiler, type Measured } from './measure.js';
import { startProxy, type Proxy } from './proxy.js';
import { Recording } from './replay.js';
import { daily, launch, putSeries, seedClients, TEST_CREDENTIALS, type SeriesSpec } from './seed.js';
import { phaseSummary, printTrace } from './trace.js';

const REGION = 'us-east-1';
const LATENCY_MS = 30;
const GPU: GpuSeries = { instanceType: 'p4d.24xlarge', count: 8, name: 'NVIDIA A100-SXM4-40GB' };
const NO_BASELINE = Boolean(process.env['BENCH_NO_BASELINE']);

async function seed(endpoint: string, n: number): Promise<void> {
  const { ec2, cw } = seedClients(endpoint, REGION);
  const gpuCount = Math.round(n / 10);
  const chunks = (count: number, type: string) => Array.from({ length: Math.ceil(count / 100) }, (_, i) => ({ type, count: Math.min(100, count - i * 100) }));
  const fleet = (await mapLimit([...chunks(n - gpuCount, 'm5.2xlarge'), ...chunks(gpuCount, GPU.instanceType)], 4, (c) => launch(ec2, c.type, c.count))).flat();
  const now = new Date();
  const series: SeriesSpec[] = fleet.flatMap((inst, i) => {
    const dims = { InstanceId: inst.id };
    const base: SeriesSpec[] = [
      { namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions: dims, points: daily(now, 14, (d) => (i + d) % 60) },
      { namespace: 'AWS/EC2', metricName: 'NetworkIn', dimensions: dims, points: daily(now, 14, () => 1e6 * (i % 7)) },
      { namespace: 'AWS/EC2', metricName: 'NetworkOut', dimensions: dims, points: daily(now, 14, () => 1e6 * (i % 5)) },
    ];
    if (i < n - gpuCount) return base;
    const gpus = Array.from({ length: GPU.count }, (_, g): SeriesSpec => ({
      namespace: 'CWAgent',
      metricName: 'nvidia_smi_utilization_gpu',
      dimensions: { InstanceId: inst.id, index: String(g), name: GPU.name },
      points: daily(now, 14, () => (g === 0 ? 70 : 0)),
    }));
    return [...base, ...gpus];
  });
  for (let i = 0; i < series.length; i += 300) await putSeries(cw, series.slice(i, i + 300));
  ec2.destroy();
  cw.destroy();
}

function collect(endpointUrl: string, now: Date) {
  const config = ConfigSchema.parse({});
  return collectWithUsage({ config, regions: [REGION], allRegions: false, endpointUrl, lookbackDays: 14, org: false, prices: 'embedded', now });
}

type Collected = Awaited<ReturnType<typeof collect>>;

interface Timed {
  ours: Measured<Collected>;
  ourCalls: Map<string, number>;
  phases: string;
  base?: Measured<BaselineResult>;
  baseCalls: number;
  /** moto_server's CPU (ms) serving each side, in moto mode. */
  motoCpu?: { ours: number; base: number };
}

/** Both readers against `proxy`, one after the other, with the same `now`. */
async function timedRuns(n: number, proxy: Proxy, now: Date, motoPid?: number): Promise<Timed> {
  const runStart = performance.now();
  const traceStart = proxy.trace.length;
  const profiler = process.env['BENCH_CPU_PROFILE'] ? await startProfiler() : undefined;
  const motoBefore = cpuMsOf(motoPid);
  const ours = await measured(() => collect(proxy.url, now));
  const motoOurs = cpuMsOf(motoPid) - motoBefore;
  if (profiler) process.stderr.write(`N=${String(n)}: CPU profile in ${await profiler.stop(`collect-${String(n)}`)}\n`);
  const trace = proxy.trace.slice(traceStart);
  if (process.env['BENCH_TRACE']) printTrace(trace, runStart, ours.ms);
  const ourCalls = new Map(proxy.calls);
  proxy.calls.clear();
  const motoBeforeBase = cpuMsOf(motoPid);
  const base = NO_BASELINE ? undefined : await measured(() => custodianBaseline(proxy.url, REGION, now, GPU));
  const baseCalls = [...proxy.calls.values()].reduce((a, b) => a + b, 0);
  return {
    ours,
    ourCalls,
    phases: phaseSummary(trace, runStart),
    ...(base ? { base } : {}),
    baseCalls,
    ...(motoPid !== undefined ? { motoCpu: { ours: motoOurs, base: cpuMsOf(motoPid) - motoBeforeBase } } : {}),
  };
}

/** Replay mode: record both readers against moto, stop moto, then time both against the record. */
async function replayed(n: number, endpoint: string, stopMoto: () => Promise<void>, now: Date): Promise<{ timed: Timed; check: string[] }> {
  const recording = new Recording();
  const recorder = await startProxy(endpoint, { record: recording });
  const tRecord = performance.now();
  const recorded = await collect(recorder.url, now);
  const recordedBase = NO_BASELINE ? undefined : await custodianBaseline(recorder.url, REGION, now, GPU);
  await recorder.stop();
  await stopMoto();
  process.stderr.write(
    `N=${String(n)}: recorded ${String(recording.responses.size)} answers and ${String(recording.metricResults.size)} metric results from moto in ${String(Math.round((performance.now() - tRecord) / 1000))} s; moto stopped\n`,
  );
  const proxy = await startProxy('http://127.0.0.1:9', { replay: recording, latencyMs: LATENCY_MS });
  try {
    const timed = await timedRuns(n, proxy, now);
    const check = [
      ...snapshotMismatch(recorded.snapshot, timed.ours.value.snapshot),
      ...(recordedBase && timed.base ? baselineMismatch(recordedBase, timed.base.value) : []),
      ...(recording.misses ? [`${String(recording.misses)} requests were not in the record`] : []),
    ];
    return { timed, check };
  } finally {
    await proxy.stop();
  }
}

async function benchOne(n: number, mode: 'replay' | 'moto'): Promise<{ row: string; failed: boolean }> {
  const moto = await startMoto({ indexedCloudWatch: true });
  let stopped = false;
  const stopMoto = async () => {
    if (!stopped) await moto.stop();
    stopped = true;
  };
  try {
    const tSeed = performance.now();
    await seed(moto.endpoint, n);
    process.stderr.write(`N=${String(n)}: seeded in ${String(Math.round((performance.now() - tSeed) / 1000))} s\n`);
    const now = new Date();
    let timed: Timed;
    let check: string[] = [];
    if (mode === 'replay') ({ timed, check } = await replayed(n, moto.endpoint, stopMoto, now));
    else {
      const proxy = await startProxy(moto.endpoint, { latencyMs: LATENCY_MS });
      timed = await timedRuns(n, proxy, now, moto.pid);
      await proxy.stop();
    }
    for (const problem of check) process.stderr.write(`N=${String(n)}: REPLAY CHECK FAILED: ${problem}\n`);
    return { row: row(n, mode, timed, check), failed: check.length > 0 };
  } finally {
    await stopMoto();
  }
}

function row(n: number, mode: string, t: Timed, check: readonly string[]): string {
  const queries = t.ours.value.usage.cloudwatchMetricsRequested;
  const gmd = t.ourCalls.get('monitoring:GetMetricData') ?? 0;
  const ourTotal = [...t.ourCalls.values()].reduce((a, b) => a + b, 0);
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const moto = t.motoCpu ? `${s(t.motoCpu.ours)} / ${s(t.motoCpu.base)}` : '–';
  const base = t.base;
  const verdict = mode === 'moto' ? 'live' : check.length ? `FAILED (${String(check.length)})` : 'same Snapshot';
  process.stderr.write(`N=${String(n)} ${mode}: mlcost ${s(t.ours.ms)} (${t.phases}); baseline ${base ? s(base.ms) : '–'} (${String(t.baseCalls)} calls)\n`);
  return [
    mode,
    n,
    queries,
    `${String(gmd)} (${String(Math.ceil(queries / 500))})`,
    ourTotal,
    t.phases,
    s(t.ours.ms),
    s(t.ours.cpuMs),
    `${String(t.ours.peakRssMiB)} MiB`,
    base ? base.value.metricCalls : '–',
    base ? t.baseCalls : '–',
    base ? s(base.ms) : '–',
    base ? s(base.cpuMs) : '–',
    moto,
    base ? `${(base.ms / t.ours.ms).toFixed(1)}x` : '–',
    verdict,
  ].join(' | ');
}

function plan(args: readonly string[]): { n: number; mode: 'replay' | 'moto' }[] {
  if (args.length === 0)
    return [
      { n: 300, mode: 'replay' },
      { n: 5000, mode: 'replay' },
      { n: 300, mode: 'moto' },
    ];
  let mode: 'replay' | 'moto' = 'replay';
  const runs: { n: number; mode: 'replay' | 'moto' }[] = [];
  for (const a of args) {
    if (a === '--moto' || a === '--replay') mode = a === '--moto' ? 'moto' : 'replay';
    else if (Number(a) > 0) runs.push({ n: Number(a), mode });
    else throw new Error(`collect.bench: "${a}" is neither a fleet size nor --moto/--replay`);
  }
  return runs;
}

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
process.env['AWS_ACCESS_KEY_ID'] = TEST_CREDENTIALS.accessKeyId;
process.env['AWS_SECRET_ACCESS_KEY'] = TEST_CREDENTIALS.secretAccessKey;
const rows: string[] = [];
let failed = false;
for (const { n, mode } of plan(process.argv.slice(2))) {
  const result = await benchOne(n, mode);
  rows.push(`| ${result.row} |`);
  failed ||= result.failed;
}
console.log(
  '| mode | N | metrics requested | GetMetricData calls (ceil/500) | all mlcost calls | mlcost calls by phase (first start–last end) | mlcost wall | mlcost CPU | mlcost peak RSS | baseline GetMetricStatistics | all baseline calls | baseline wall | baseline CPU | moto CPU (mlcost / baseline) | faster | replay check |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
if (failed) process.exitCode = 1;
