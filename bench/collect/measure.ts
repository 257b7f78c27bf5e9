import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { dirname, join } from 'node:path';

export interface Measured<T> {
  value: T;
  /** Wall time. */
  ms: number;
  /** This process's CPU time (user + sys) while `run` ran: the reader's own work (and the in-process proxy's). */
  cpuMs: number;
  peakRssMiB: number;
}

/** Wall time, CPU time and peak RSS (sampled every 20 ms) while `run` executes. */
export async function measured<T>(run: () => Promise<T>): Promise<Measured<T>> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  try {
    const value = await run();
    const used = process.cpuUsage(cpu);
    return {
      value,
      ms: Math.round(performance.now() - t0),
      cpuMs: Math.round((used.user + used.system) / 1000),
      peakRssMiB: Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20),
    };
  } finally {
    clearInterval(timer);
  }
}

/**
 * CPU time (user + sys, ms) of a process from /proc: the emulator's work, which on a loaded machine
 * says more than the wall time (both runs share moto_server, which is one Python process).
 */
export function cpuMsOf(pid: number | undefined): number {
  if (pid === undefined) return 0;
  // Fields after the command name: state is field 3, utime and stime are fields 14 and 15, in clock ticks (100 a second on Linux).
  const fields =
    readFileSync(`/proc/${String(pid)}/stat`, 'utf8')
      .split(') ')[1]
      ?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** BENCH_CPU_PROFILE=1: a V8 CPU profile of mlcost's run alone (not the seeding, not the baseline), for DevTools. */
export async function startProfiler(): Promise<{ stop(name: string): Promise<string> }> {
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
