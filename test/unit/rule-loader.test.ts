import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { loadRules } from '../../src/engine/rules/load.js';
import { loadConfig } from '../../src/config/load.js';

const GOOD = `id: custom-big-box
title: Big box
resource: ec2-instance
category: idle
severity: low
params:
  minVcpu:
    type: integer
    default: 64
    min: 1
    description: Boxes with at least this many vCPU.
when: signals.running && signals.vcpu >= params.minVcpu && signals.dataSufficient && signals.cpuMaxPct < 1.0
problem: "{signals.vcpu} vCPU doing nothing"
action:
  kind: stop
docs:
  summary: s
  evidence: e
  risk: r
  fix: f
`;

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlcost-rules-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

async function loadError(files: Record<string, string>): Promise<string> {
  const dir = dirWith(files);
  try {
    await loadRules({ directories: [dir], includeBuiltin: false });
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return (err as Error).message.replaceAll(dir, '<dir>');
  }
  throw new Error('expected the rules to fail to load');
}

describe('rule loading', () => {
  it('loads a user rule directory next to the built-in rules', async () => {
    const rules = await loadRules({ directories: [dirWith({ 'big.yaml': GOOD })] });
    expect(rules.map((r) => r.spec.id)).toContain('custom-big-box');
    expect(rules.map((r) => r.spec.id)).toContain('idle-gpu-instance');
  });

  it('names file, line and column for invalid CEL', async () => {
    const msg = await loadError({ 'bad.yaml': GOOD.replace('signals.cpuMaxPct < 1.0', 'signals.cpuMaxPct <') });
    expect(msg).toMatch(/^<dir>\/bad\.yaml:12:7: invalid CEL in "when": /);
  });

  it('rejects a when that is not a boolean', async () => {
    const msg = await loadError({ 'bad.yaml': GOOD.replace(/^when: .*$/m, 'when: signals.vcpu + 1') });
    expect(msg).toContain('bad.yaml:12:7: invalid CEL in "when": expression must be a bool, not int');
  });

  it('rejects unknown variables in CEL', async () => {
    const msg = await loadError({ 'bad.yaml': GOOD.replace(/^when: .*$/m, 'when: instance.vcpu > 3') });
    expect(msg).toContain('Unknown variable: instance');
  });

  it('names the line of a schema error', async () => {
    const msg = await loadError({ 'bad.yaml': GOOD.replace('severity: low', 'severity: urgent') });
    expect(msg).toMatch(/^<dir>\/bad\.yaml:5:11: invalid rule: severity: /);
  });

  it('rejects a param default outside its bounds', async () => {
    const msg = await loadError({ 'bad.yaml': GOOD.replace('default: 64', 'default: 0') });
    expect(msg).toBe('<dir>/bad.yaml:9:14: param minVcpu: 0 is below the minimum 1');
  });

  it('rejects YAML syntax errors with the line', async () => {
    const msg = await loadError({ 'bad.yaml': 'id: x\ntitle: [unclosed\n' });
    expect(msg).toMatch(/^<dir>\/bad\.yaml:\d+:\d+: invalid YAML: /);
  });

  it('rejects an action that does not apply to the resource', async () => {
    const msg = await loadError({ 'bad.yaml': GOOD.replace('resource: ec2-instance', 'resource: elastic-ip') });
    expect(msg).toContain('bad.yaml:15:9: action "stop" does not apply to elastic-ip');
  });

  it('rejects an action whose params are missing', async () => {
    const msg = await loadError({ 'bad.yaml': GOOD.replace('kind: stop', 'kind: downsize') });
    expect(msg).toContain('action "downsize" needs param "headroomPct"');
  });

  it('rejects duplicate ids', async () => {
    const msg = await loadError({ 'a.yaml': GOOD, 'b.yaml': GOOD });
    expect(msg).toBe('<dir>/b.yaml: duplicate rule id "custom-big-box" (also defined in <dir>/a.yaml)');
  });

  it('applies param overrides and rejects invalid ones', async () => {
    const dir = dirWith({ 'big.yaml': GOOD });
    const [rule] = await loadRules({ directories: [dir], includeBuiltin: false, params: { 'custom-big-box': { minVcpu: 96 } } });
    expect(rule?.params['minVcpu']).toBe(96);
    await expect(loadRules({ directories: [dir], includeBuiltin: false, params: { 'custom-big-box': { minVcpu: 'lots' } } })).rejects.toThrow(
      'config: rule custom-big-box param minVcpu: expected a integer, got "lots"',
    );
    await expect(loadRules({ directories: [dir], includeBuiltin: false, params: { 'custom-big-box': { nope: 1 } } })).rejects.toThrow('has no param "nope"');
  });

  it('rejects a misspelt signal with file:line:col and the nearest signal (exit 2)', async () => {
    const dir = dirWith({ 'typo.yaml': GOOD.replace('signals.vcpu >= params.minVcpu', 'signals.gpuCuont > 1') });
    const err = await loadRules({ directories: [dir], includeBuiltin: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).exitCode).toBe(2);
    expect((err as Error).message.replaceAll(dir, '<dir>')).toBe(
      '<dir>/typo.yaml:12:26: unknown signals.gpuCuont in "when": ec2-instance has no such signal (see `mlcost rules explain` or docs/rules.md, "Signal reference") (did you mean gpuCount?)',
    );
  });

  it('places a misspelt signal on its own line of a folded multi-line condition', async () => {
    const folded = GOOD.replace(/^when: .*$/m, 'when: >-\n  signals.running\n  && signals.cpuMaxPct < 1.0\n  && signals.dataSufficent');
    const msg = await loadError({ 'folded.yaml': folded });
    expect(msg).toMatch(/^<dir>\/folded\.yaml:15:6: unknown signals\.dataSufficent in "when": .*\(did you mean dataSufficient\?\)$/);
  });

  it('rejects an unknown resource field and an undeclared param, each with a suggestion', async () => {
    expect(await loadError({ 'r.yaml': GOOD.replace('signals.running &&', 'resource.lifecycel == "spot" &&') })).toMatch(
      /^<dir>\/r\.yaml:12:7: unknown resource\.lifecycel in "when": a ec2-instance in the Snapshot has no such field \(did you mean lifecycle\?\)$/,
    );
    expect(await loadError({ 'p.yaml': GOOD.replace('params.minVcpu', 'params.minVcpus') })).toMatch(
      /^<dir>\/p\.yaml:12:42: unknown params\.minVcpus in "when": .*\(did you mean minVcpu\?\)$/,
    );
  });

  it('checks the placeholders of the problem line too, and lists the keys when nothing is close', async () => {
    const msg = await loadError({ 'pr.yaml': GOOD.replace('"{signals.vcpu} vCPU doing nothing"', '"{signals.zzzzzzzz} vCPU doing nothing"') });
    expect(msg).toMatch(/^<dir>\/pr\.yaml:13:12: unknown signals\.zzzzzzzz in "problem": .*\(known: running, ageHours, /);
  });

  it('accepts every documented signal, resource field and param, and nested reads the schema has', async () => {
    const ok = GOOD.replace(
      /^when: .*$/m,
      'when: signals.gpus.exists(g, g.utilP95Pct > 1.0) && has(resource.metrics.cpu) && resource.metrics.cpu.p95 >= 0.0 && resource.tags.anyKey == "x" && signals.vcpu >= params.minVcpu',
    );
    const rules = await loadRules({ directories: [dirWith({ 'ok.yaml': ok })], includeBuiltin: false });
    expect(rules).toHaveLength(1);
  });

  it('rejects a misspelt nested resource field in a condition and in the problem line, naming the path', async () => {
    expect(await loadError({ 'n.yaml': GOOD.replace('signals.running &&', 'resource.metrics.cpu.p95x > 5.0 &&') })).toMatch(
      /^<dir>\/n\.yaml:12:7: unknown resource\.metrics\.cpu\.p95x in "when": a ec2-instance in the Snapshot has no such field \(did you mean p95\?\)$/,
    );
    expect(await loadError({ 'np.yaml': GOOD.replace('"{signals.vcpu} vCPU doing nothing"', '"{resource.metrics.cpuu.p95} vCPU doing nothing"') })).toMatch(
      /^<dir>\/np\.yaml:13:12: unknown resource\.metrics\.cpuu in "problem": .*\(did you mean cpu\?\)$/,
    );
  });

  it('disables rules by id and rejects unknown ids', async () => {
    const rules = await loadRules({ disable: ['idle-instance'] });
    expect(rules.map((r) => r.spec.id)).not.toContain('idle-instance');
    await expect(loadRules({ disable: ['no-such-rule'] })).rejects.toThrow('unknown rule id "no-such-rule"');
  });

  it('rejects a problem placeholder outside resource, signals and params with its line (it would print "?")', async () => {
    for (const placeholder of ['{foo}', '{signals}']) {
      const dir = dirWith({ 'stray.yaml': GOOD.replace('problem: "{signals.vcpu} vCPU doing nothing"', `problem: "${placeholder} on {signals.vcpu} vCPU"`) });
      await expect(loadRules({ directories: [dir], includeBuiltin: false })).rejects.toThrow(
        `${join(dir, 'stray.yaml')}:13:11: unknown placeholder ${placeholder} in "problem"`,
      );
    }
  });

  it('names the config file and line of a bad rules.disable or rules.params entry', async () => {
    const configError = async (yaml: string): Promise<string> => {
      const file = join(dirWith({}), 'mlcost.config.yaml');
      writeFileSync(file, yaml);
      const { config, at } = await loadConfig(file);
      const err: unknown = await loadRules({ disable: config.rules.disable, params: config.rules.params, configAt: at }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UserError);
      return (err as Error).message.replace(file, 'FILE');
    };
    expect(await configError('rules:\n  disable:\n    - idle-instance\n    - idle-instanse\n')).toBe(
      'FILE:4:7: unknown rule id "idle-instanse" (did you mean idle-instance?) (see `mlcost rules list`)',
    );
    expect(await configError('rules:\n  params:\n    idle-gpu-instance:\n      maxGpuUtil: 3\n')).toMatch(
      /^FILE:4:\d+: rule idle-gpu-instance has no param "maxGpuUtil" \(did you mean maxGpuUtilPct\?\)/,
    );
    expect(await configError('rules:\n  params:\n    idle-gpu-instance:\n      maxGpuUtilPct: 300\n')).toMatch(
      /^FILE:4:\d+: rule idle-gpu-instance param maxGpuUtilPct: /,
    );
  });
});

describe('CEL helper functions', () => {
  it('idleDays and activeGpus count like the filter() macro does', async () => {
    const { compileCel, ruleEnvironment } = await import('../../src/engine/cel.js');
    const env = ruleEnvironment();
    const days = [
      { cpuAvgPct: 1, networkMB: 1 },
      { cpuAvgPct: 50, networkMB: 1 },
      { cpuAvgPct: 2, networkMB: 900 },
    ];
    const gpus = [
      { utilP95Pct: 80, memUsedMaxPct: 50 },
      { utilP95Pct: 0, memUsedMaxPct: 12 },
      { utilP95Pct: 0, memUsedMaxPct: 1 },
    ];
    const ctx = { resource: {}, signals: { days, gpus }, params: {} };
    for (const [native, macro] of [
      ['idleDays(signals.days, 10, 5) == 1', 'signals.days.filter(d, d.cpuAvgPct <= 10.0 && d.networkMB <= 5.0).size() == 1'],
      ['activeGpus(signals.gpus, 5, 10) == 2', 'signals.gpus.filter(g, g.utilP95Pct >= 5.0 || g.memUsedMaxPct >= 10.0).size() == 2'],
    ] as const) {
      expect(compileCel(env, native)(ctx)).toBe(true);
      expect(compileCel(env, macro)(ctx)).toBe(true);
    }
  });
});
