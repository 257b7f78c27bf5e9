import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/**
 * A real AWS API emulator for integration tests: moto_server on a loopback port this process
 * picks. Missing moto_server is a hard failure, never a skip (CI must not pass without it).
 */
export interface Moto {
  endpoint: string;
  port: number;
  /** The emulator's process id (the collect benchmark reads its CPU time). */
  pid: number | undefined;
  /** Clears every resource and metric, so tests in one file don't see each other's data. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export const TEST_CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' } as const;

export function requireMotoServer(): void {
  const probe = spawnSync('moto_server', ['--help'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) {
    throw new Error('moto_server is not installed or not on PATH: integration tests need it (pip install "moto[server]")');
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => {
        resolve(port);
      });
    });
  });
}

export interface MotoOptions {
  /**
   * Serve CloudWatch from moto_indexed.py: stock moto scans every stored datapoint for every period
   * of every GetMetricData query, so hourly data for a fleet takes minutes to read back.
   */
  indexedCloudWatch?: boolean;
  /** With indexedCloudWatch: moto's clock runs this many days behind, so what the test creates is that old to the CLI. */
  clockLagDays?: number;
}

const INDEXED = new URL('./moto_indexed.py', import.meta.url).pathname;

export async function startMoto(options: MotoOptions = {}): Promise<Moto> {
  requireMotoServer();
  const port = await freePort();
  const [command, args] = options.indexedCloudWatch === true ? ['python3', [INDEXED, String(port)]] : ['moto_server', ['-H', '127.0.0.1', '-p', String(port)]];
  const env = { ...process.env, MOTO_CLOCK_LAG_DAYS: String(options.clockLagDays ?? 0) };
  const child: ChildProcess = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const endpoint = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`moto_server exited early (${child.exitCode}): ${stderr}`);
    try {
      const res = await fetch(`${endpoint}/moto-api/`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`moto_server did not start on ${endpoint} within 30 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    endpoint,
    port,
    pid: child.pid,
    async reset() {
      await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the child may have exited during the wait above
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
