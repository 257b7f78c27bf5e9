import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { minimalPolicy, type IamPolicy } from '../../src/collect/permissions.js';
import { ROOT } from '../helpers/cli.js';

/** The policy printed in docs/live-account.md is hand-laid-out; it must name exactly what `mlcost permissions` prints. */
describe('the IAM policy in docs/live-account.md', () => {
  it('lists the same actions, statement by statement, as minimalPolicy()', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'live-account.md'), 'utf8');
    const block = /`mlcost permissions` prints the policy[^\n]*\n\n```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(block, 'the json block after "`mlcost permissions` prints the policy"').toBeDefined();
    const documented = JSON.parse(block ?? '{}') as IamPolicy;
    const actions = (p: IamPolicy) => p.Statement.map((s) => [s.Sid, [...s.Action].sort()]);
    expect(actions(documented)).toEqual(actions(minimalPolicy()));
  });
});
