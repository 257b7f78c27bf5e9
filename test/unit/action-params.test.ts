import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { precedenceOf, validateActionParams } from '../../src/engine/actions/index.js';
import { loadRules } from '../../src/engine/rules/load.js';
import { UserError } from '../../src/errors.js';

// A rule whose action reads params: downsize on an instance needs a numeric headroomPct below 100.
const rule = (headroom: string) => `id: custom-shrink
title: Shrink
resource: ec2-instance
category: rightsize
severity: low
params:
  headroomPct:
${headroom}
    description: Spare capacity.
when: signals.running
problem: "too big"
action:
  kind: downsize
docs:
  summary: s
  evidence: e
  risk: r
  fix: f
`;

async function loadError(text: string, params?: Record<string, Record<string, unknown>>): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'mlcost-action-params-'));
  writeFileSync(join(dir, 'shrink.yaml'), text);
  try {
    await loadRules({ directories: [dir], includeBuiltin: false, ...(params ? { params } : {}) });
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return (err as Error).message.replaceAll(dir, '<dir>');
  }
  throw new Error('expected the rule to fail to load');
}

describe('action params are checked against the action schema at load', () => {
  it('accepts params that fit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlcost-action-params-'));
    writeFileSync(join(dir, 'shrink.yaml'), rule('    type: number\n    default: 20'));
    const [loaded] = await loadRules({ directories: [dir], includeBuiltin: false });
    expect(loaded?.params).toEqual({ headroomPct: 20 });
  });

  it('rejects a param of the wrong type with the line of its default', async () => {
    const msg = await loadError(rule("    type: string\n    default: 'lots'"));
    expect(msg).toMatch(/^<dir>\/shrink\.yaml:9:14: action "downsize" param headroomPct: .*expected number/);
  });

  it('rejects a default outside what the action can use', async () => {
    const msg = await loadError(rule('    type: number\n    default: 100'));
    expect(msg).toMatch(/^<dir>\/shrink\.yaml:9:14: action "downsize" param headroomPct: .*100/);
  });

  it('rejects a config override outside what the action can use', async () => {
    const msg = await loadError(rule('    type: number\n    default: 20'), { 'custom-shrink': { headroomPct: 150 } });
    expect(msg).toMatch(/^config: rule custom-shrink: action "downsize" param headroomPct: /);
  });

  it('names the action that does not apply', () => {
    expect(validateActionParams('stop', 'elastic-ip', {})).toEqual({ message: 'action "stop" does not apply to elastic-ip' });
  });
});

describe('precedence is one ordered list', () => {
  it('stops before resizing, resizes before modernising, spot and commitments last', () => {
    const order = ['snapshot-and-delete', 'delete', 'stop', 'schedule', 'downsize', 'change-instance-type', 'use-spot', 'buy-commitment'] as const;
    const ranks = order.map(precedenceOf);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    expect(new Set(ranks).size).toBe(ranks.length);
  });

  it('puts a kind without a pricing function after every priced one', () => {
    expect(precedenceOf('terminate')).toBeGreaterThan(precedenceOf('buy-commitment'));
  });
});
