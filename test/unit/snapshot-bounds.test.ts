import { closeSync, mkdtempSync, openSync, writeSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAuditResult } from '../../src/engine/result-io.js';
import { readSnapshot } from '../../src/snapshot/io.js';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'mlcost-bounds-'));
/** A 600 MB file with one line (sparse: the disk holds only its first bytes). */
function hugeOneLine(name: string, start: string): string {
  const p = join(dir, name);
  const fd = openSync(p, 'w');
  writeSync(fd, start);
  ftruncateSync(fd, 600 * 2 ** 20);
  closeSync(fd);
  return p;
}

describe('reading is bounded (docs/data-contracts.md "Limits")', () => {
  it('/dev/zero is not JSON, said at once rather than read until memory runs out', async () => {
    await expect(readSnapshot('/dev/zero')).rejects.toThrow(/^\/dev\/zero:1:1: not valid JSON \(a Snapshot starts with '\{', this file with "\\u0000/);
  });

  it('a 600 MB one-line Snapshot is refused by size, not a RangeError', async () => {
    const p = hugeOneLine('huge.json', '{"schemaVersion": 3, "x": "');
    await expect(readSnapshot(p)).rejects.toThrow(
      `${p}: larger than 256 MiB, the most mlcost reads of a Snapshot in any layout but the one \`mlcost collect\` writes (one resource per line) (see docs/data-contracts.md "Limits")`,
    );
  });

  it('a line of the collect layout longer than the bound names its line', async () => {
    const p = hugeOneLine('long-line.json', '{\n  "schemaVersion": 3,\n  "resources": {\n    "ec2Instances": [\n      {"id": "');
    await expect(readSnapshot(p)).rejects.toThrow(`${p}:5: line longer than 32 MiB: not a Snapshot (see docs/data-contracts.md "Limits")`);
  });

  it('an audit result over the bound is refused by size', async () => {
    const p = hugeOneLine('result.json', '{"schemaVersion": 1, "x": "');
    await expect(readAuditResult(p)).rejects.toThrow(
      `${p}: larger than 256 MiB, the most mlcost reads of an audit result (see docs/data-contracts.md "Limits")`,
    );
  });

  it('mlcost audit --snapshot /dev/zero: one line, exit 2', async () => {
    const r = await runCli(['audit', '--snapshot', '/dev/zero']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^mlcost: \/dev\/zero:1:1: not valid JSON .*\n$/);
  });
});
