import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { listenOnLoopback, type Listening } from '../helpers/loopback.js';

/**
 * `collect` and a live `audit` check that --out can be written before the first AWS call: an
 * endpoint that counts requests must see none when the path is bad, and some when it is good.
 */
const tmp = mkdtempSync(join(tmpdir(), 'mlcost-out-first-'));
const readOnly = join(tmp, 'read-only');
let requests = 0;
let endpoint: Listening;
let mounted = false;

beforeAll(async () => {
  endpoint = await listenOnLoopback(
    createServer((req, res) => {
      requests++;
      req.resume();
      res.writeHead(403, { 'content-type': 'text/xml' });
      res.end('<ErrorResponse><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code><Message>denied</Message></Error></ErrorResponse>');
    }),
  );
  mkdirSync(readOnly);
  // As root a mode bit stops nothing, so root gets a read-only mount; anyone else a directory without write permission.
  if (process.getuid?.() === 0) {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=64k', 'tmpfs', readOnly]);
    mounted = true;
  } else chmodSync(readOnly, 0o555);
});

afterAll(async () => {
  if (mounted) execFileSync('umount', [readOnly]);
  await endpoint.stop();
});

const live = (command: string, out: string) =>
  runCli([command, '--region', 'us-east-1', '--prices', 'embedded', '--endpoint-url', endpoint.url, '--out', out], {
    env: { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' },
  });

describe('--out is checked before any AWS call (built CLI)', () => {
  it('a directory that does not exist, a read-only directory, a directory as the file: one line each, exit 2, no AWS call', async () => {
    const missing = join(tmp, 'no-such-dir', 'snapshot.json');
    const [noDir, notWritable, isDir] = await Promise.all([live('collect', missing), live('audit', join(readOnly, 'audit.txt')), live('collect', tmp)]);
    expect(noDir.code).toBe(2);
    expect(noDir.stderr).toBe(`mlcost: --out ${missing}: the directory ${join(tmp, 'no-such-dir')} does not exist\n`);
    expect(notWritable.code).toBe(2);
    expect(notWritable.stderr).toMatch(
      new RegExp(`^mlcost: --out ${join(readOnly, 'audit.txt')}: cannot write in ${readOnly} \\((EROFS|EACCES)[^\\n]*\\)\\n$`),
    );
    expect(isDir.code).toBe(2);
    expect(isDir.stderr).toBe(`mlcost: --out ${tmp}: is a directory; give a file name\n`);
    expect(requests).toBe(0);
  });

  it('a writable --out lets the run reach AWS (the endpoint does count calls)', async () => {
    await live('collect', join(tmp, 'snapshot.json'));
    expect(requests).toBeGreaterThan(0);
  });
});
