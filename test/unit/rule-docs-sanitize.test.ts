import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleListText } from '../../src/engine/rules/docs.js';
import { ruleExplainText } from '../../src/engine/rules/explain-text.js';
import { loadRules } from '../../src/engine/rules/load.js';

// A rule from a user's directory whose title and docs carry a window-title escape, a workflow command and bidi.
const hostile = `id: custom-hostile
title: "Quiet box \\e]0;owned\\a\\u202e"
resource: ec2-instance
category: idle
severity: low
when: signals.running
problem: "idle"
action:
  kind: stop
docs:
  summary: "line one\\n::error title=x::injected"
  evidence: e
  risk: r
  fix: f
`;

describe('rules list and explain print user rule text as inert lines', () => {
  it('no control or bidi characters and no line a CI runner reads as a command', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlcost-rule-docs-'));
    writeFileSync(join(dir, 'hostile.yaml'), hostile);
    const rules = await loadRules({ directories: [dir], includeBuiltin: false });
    for (const text of [ruleListText(rules), ruleExplainText(rules[0]!)]) {
      expect(text).toContain('Quiet box');
      // eslint-disable-next-line no-control-regex -- looking for control characters is the point
      expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
      expect(text).not.toMatch(/^\s*::/m);
    }
  });
});
