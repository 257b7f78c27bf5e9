import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const ruleIds = readdirSync(join(ROOT, 'rules'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''));

describe('mlcost rules list / explain', () => {
  it('lists every built-in rule, one per line, exit 0', async () => {
    const r = await runCli(['rules', 'list']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    for (const id of ruleIds) expect(r.stdout).toMatch(new RegExp(`^${id}\\s`, 'm'));
  });

  it('lists as JSON with params and a user rule directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlcost-rules-'));
    writeFileSync(join(dir, 'team-eip.yaml'), readRule('unassociated-eip').replace('id: unassociated-eip', 'id: team-eip'));
    const r = await runCli(['rules', 'list', '--output', 'json', '--rules', dir]);
    expect(r.code).toBe(0);
    const listed = JSON.parse(r.stdout) as { id: string; params: Record<string, { default: unknown }> }[];
    expect(listed.map((x) => x.id)).toContain('team-eip');
    expect(listed.find((x) => x.id === 'use-spot')?.params['toleranceTags']?.default).toEqual(['workload=batch', 'workload=training', 'spot-ok=true']);
  });

  it('explains a rule: docs, params with defaults and the config value', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlcost-cfg-'));
    writeFileSync(join(dir, 'mlcost.config.yaml'), 'rules:\n  params:\n    old-snapshot: {minAgeDays: 365}\n');
    const r = await runCli(['rules', 'explain', 'old-snapshot', '--config', join(dir, 'mlcost.config.yaml')]);
    expect(r.code).toBe(0);
    for (const heading of ['Why', 'Evidence', 'Risk', 'How to act', 'Params']) expect(r.stdout).toContain(heading);
    expect(r.stdout).toContain('minAgeDays (number, >= 1) default 180, set to 365');
    expect(r.stdout).toContain('Signals it reads');
    expect(r.stdout).toContain('  backsAmi (bool): A registered AMI references it');
    expect(r.stdout).not.toContain('  tier (string)');
  });

  it('a user rule with a misspelt signal exits 2 with one line: file:line:col and the nearest signal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlcost-rules-'));
    writeFileSync(join(dir, 'typo.yaml'), readRule('old-snapshot').replace('id: old-snapshot', 'id: typo').replace('!signals.backsAmi', '!signals.backsAim'));
    const r = await runCli(['rules', 'list', '--rules', dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`${join(dir, 'typo.yaml')}:17:44: unknown signals.backsAim in "when"`);
    expect(r.stderr).toContain('(did you mean backsAmi?)');
  });

  it('an unknown id is a usage error: one line, exit 2, with suggestions', async () => {
    const r = await runCli(['rules', 'explain', 'idle']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/unknown rule "idle" \(did you mean [^)]*idle-gpu-instance/);
  });
});

function readRule(id: string): string {
  return readFileSync(join(ROOT, 'rules', `${id}.yaml`), 'utf8');
}
