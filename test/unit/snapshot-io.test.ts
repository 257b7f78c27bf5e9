import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSnapshot, writeSnapshot } from '../../src/snapshot/io.js';
import { instance, snapshotOf } from '../helpers/builders.js';

const dir = mkdtempSync(join(tmpdir(), 'mlcost-snap-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('snapshot read/write', () => {
  it('round-trips a snapshot', async () => {
    const snap = snapshotOf({ ec2Instances: [instance({ type: 'm5.large', cpu: [1, 2, 3] })] });
    const p = join(dir, 'ok.json');
    await writeSnapshot(p, snap);
    expect(await readSnapshot(p)).toEqual(snap);
  });

  it('reports a missing file', async () => {
    await expect(readSnapshot(join(dir, 'nope.json'))).rejects.toThrow(/nope\.json: cannot read snapshot \(ENOENT/);
  });

  it('reports the line and column of broken JSON', async () => {
    const p = file('broken.json', '{\n  "schemaVersion": 1,\n  "collectedAt": oops\n}');
    await expect(readSnapshot(p)).rejects.toThrow(`${p}:3:18: not valid JSON`);
  });

  it('refuses an unknown schemaVersion and says what to do', async () => {
    const p = file('v9.json', '{"schemaVersion": 9}');
    await expect(readSnapshot(p)).rejects.toThrow(`${p}: unsupported snapshot schemaVersion 9 (this mlcost reads version 1); re-collect it with \`mlcost collect\``);
  });

  it('names the first invalid field', async () => {
    const snap = snapshotOf({ ec2Instances: [instance({ type: 'm5.large' })] });
    const raw = JSON.parse(JSON.stringify(snap));
    raw.resources.ec2Instances[0].state = 'sleeping';
    const p = file('bad-field.json', JSON.stringify(raw));
    await expect(readSnapshot(p)).rejects.toThrow(`${p}: invalid snapshot: resources.ec2Instances[0].state: `);
  });
});
