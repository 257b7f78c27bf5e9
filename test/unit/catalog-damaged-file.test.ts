import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from '../helpers/cli.js';

/**
 * The built CLI with one embedded price file damaged, as a bad edit or a broken install would leave it:
 * a copy of the package (bin, dist, rules, templates, demo fixture) sharing node_modules, so the real build stays intact.
 */
const copies: string[] = [];
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

function packageWithDamagedPrices(file: string, damage: (data: Record<string, unknown>) => void): string {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'mlcost-damaged-catalog-'));
  copies.push(dir);
  for (const part of ['bin', 'dist', 'rules', 'templates', 'package.json']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  mkdirSync(join(dir, 'fixtures'));
  cpSync(join(ROOT, 'fixtures', 'demo'), join(dir, 'fixtures', 'demo'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  const path = join(dir, 'dist', 'catalog', 'data', file);
  const data = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  damage(data);
  writeFileSync(path, JSON.stringify(data));
  return dir;
}

describe('a damaged embedded price file (built CLI)', () => {
  it('stops audit with one line naming the file and field, exit 2, and no output', () => {
    const dir = packageWithDamagedPrices('sagemaker-prices.json', (d) => {
      (d['prices'] as Record<string, number>)['ml.g4dn.2xlarge'] = -0.94;
    });
    const r = spawnSync(process.execPath, [join(dir, 'bin', 'run.js'), 'audit', '--demo'], {
      cwd: dir,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', NO_COLOR: '1' },
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^mlcost: src\/catalog\/data\/sagemaker-prices\.json: prices\.ml\.g4dn\.2xlarge: .*the embedded price catalog is damaged/);
  });
});
