import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, expectOneLineError, runCli } from '../helpers/cli.js';

/**
 * A user rule that fails at run time on a key the load-time check cannot see
 * (a tag no resource has): on some resources a warning on stderr in every output format,
 * on every resource the run's one-line error, exit 2.
 */
function ruleDir(when: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlcost-rule-errors-'));
  const idle = readFileSync(join(ROOT, 'rules', 'idle-instance.yaml'), 'utf8');
  writeFileSync(join(dir, 'broken.yaml'), idle.replace(/^id: .*$/m, 'id: my-broken').replace(/^when: [\s\S]*?(?=^problem:)/m, `when: ${when}\n`));
  return dir;
}

describe('rules that fail at run time (built CLI)', () => {
  it.each(['json', 'csv', 'markdown', 'table'])(
    'fails on some resources: a warning naming the rule on stderr with -o %s, the output intact, exit 0',
    async (format) => {
      const dir = ruleDir(`resource.state == 'stopped' || resource.tags.nosuchtagkey == 'x'`);
      const r = await runCli(['audit', '--demo', '--rules', dir, '-o', format]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/^mlcost: warning: rule my-broken could not be evaluated on \d+ resource\(s\); first: .*nosuchtagkey/m);
      if (format === 'json') expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
    },
  );

  it('fails on every resource it applies to: one line naming the rule and the first error, exit 2', async () => {
    const r = await runCli(['audit', '--demo', '--rules', ruleDir(`resource.tags.nosuchtagkey == 'x'`), '-o', 'json']);
    expect(r.code).toBe(2);
    expectOneLineError(r.stderr, /^mlcost: rule my-broken failed on every resource it applies to \(\d+\); first error: .*nosuchtagkey/);
    expect(r.stdout).toBe('');
  });
});
