import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, seedClients, TEST_CREDENTIALS } from '../../bench/collect/seed.js';
import { runCli } from '../helpers/cli.js';
import { fullDirectory } from '../helpers/full-disk.js';
import { startMoto, type Moto } from '../helpers/moto.js';

/** Minutes of reading AWS are not thrown away because the last step, writing --out, failed. */
let moto: Moto;
beforeAll(async () => {
  moto = await startMoto();
  await launch(seedClients(moto.endpoint, 'us-east-1').ec2, 'm5.large', 2);
}, 120_000);
afterAll(async () => moto.stop());

describe('collect --out onto a disk that cannot take it', () => {
  it('keeps last week’s Snapshot, saves this one in the temp folder and says where, in one line', async () => {
    const full = fullDirectory({ 'snap.json': 'last week\n' });
    const tmp = mkdtempSync(join(tmpdir(), 'mlcost-fallback-'));
    try {
      const out = join(full.dir, 'snap.json');
      const r = await runCli(['collect', '--out', out, '--region', 'us-east-1', '--prices', 'embedded'], {
        cwd: tmp,
        env: {
          HOME: tmp,
          TMPDIR: tmp,
          AWS_EC2_METADATA_DISABLED: 'true',
          AWS_ENDPOINT_URL: moto.endpoint,
          AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
          AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
        },
      });
      expect(r.code).toBe(2);
      const line = r.stderr.split('\n').find((l) => l.includes('cannot write snapshot')) ?? '';
      expect(r.stderr.match(/cannot write snapshot/g)).toHaveLength(1);
      const saved = new RegExp(`^mlcost: ${out}: cannot write snapshot \\((ENOSPC|EACCES): [^()]*\\); saved it to (${tmp}/\\S+) instead$`).exec(line);
      expect(saved, r.stderr).not.toBeNull();
      const snapshot = JSON.parse(readFileSync(saved![2]!, 'utf8')) as { resources: { ec2Instances: unknown[] } };
      expect(snapshot.resources.ec2Instances).toHaveLength(2);
      expect(readFileSync(out, 'utf8')).toBe('last week\n');
    } finally {
      full.release();
    }
  });
});
