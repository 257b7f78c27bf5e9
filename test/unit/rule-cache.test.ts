import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ruleEnvironment } from '../../src/engine/cel.js';
import { contentHash, type RuleCache } from '../../src/engine/rules/builtin-cache.js';
import { checkedRule } from '../../src/engine/rules/check-rule.js';
import { BUILTIN_RULES_DIR, loadRules } from '../../src/engine/rules/load.js';
import { loadRuleSpecs } from '../../src/engine/rules/specs.js';

const dir = mkdtempSync(join(tmpdir(), 'mlcost-rule-cache-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const NAME = 'gp2-to-gp3.yaml';
const text = readFileSync(join(BUILTIN_RULES_DIR, NAME), 'utf8');
const spec = checkedRule(text, join(BUILTIN_RULES_DIR, NAME), ruleEnvironment());

/** A cache file holding one entry for NAME: its spec with a marked title, under the given hash. */
function cacheWith(sha256: string): string {
  const file = join(dir, `${sha256.slice(0, 8)}.json`);
  const cache: RuleCache = { rules: { [NAME]: { sha256, spec: { ...spec, title: 'served from the cache' } } } };
  writeFileSync(file, JSON.stringify(cache));
  return file;
}

const titleOf = async (ruleCacheFile: string) => (await loadRules({ ruleCacheFile })).find((r) => r.spec.id === spec.id)?.spec.title;

describe('the built-in rule cache', () => {
  it('serves a rule whose file is byte for byte what the build checked', async () => {
    expect(await titleOf(cacheWith(contentHash(text)))).toBe('served from the cache');
  });

  it('never serves a rule edited since the build: its file is read and checked in full', async () => {
    expect(await titleOf(cacheWith(contentHash(`${text}\n# edited`)))).toBe(spec.title);
  });

  it('a missing or unreadable cache means every rule is checked', async () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"rules": ');
    expect(await titleOf(broken)).toBe(spec.title);
    expect(await titleOf(join(dir, 'missing.json'))).toBe(spec.title);
  });

  it('only rules of the built-in directory are taken from it, never a user rule with the same file name', async () => {
    const userDir = mkdtempSync(join(dir, 'user-'));
    writeFileSync(join(userDir, NAME), text.replace(/^id: .*$/m, 'id: my-gp2-rule'));
    const rules = await loadRules({ directories: [userDir], ruleCacheFile: cacheWith(contentHash(text)) });
    const titles = new Map(rules.map((r) => [r.spec.id, r.spec.title]));
    expect(titles.get(spec.id)).toBe('served from the cache');
    expect(titles.get('my-gp2-rule')).toBe(spec.title);
  });
});

describe('what rules list reads (loadRuleSpecs)', () => {
  const GPU = 'gpu-underused.yaml';
  const gpuText = readFileSync(join(BUILTIN_RULES_DIR, GPU), 'utf8');
  const gpuSpec = checkedRule(gpuText, join(BUILTIN_RULES_DIR, GPU), ruleEnvironment());
  // A cached spec whose own bound lets 150 through, so only the action's check (downsize: headroom under 100) can refuse it.
  const loose: RuleCache = {
    rules: {
      [GPU]: {
        sha256: contentHash(gpuText),
        spec: { ...gpuSpec, params: { ...gpuSpec.params, headroomPct: { ...gpuSpec.params['headroomPct']!, max: 150 } } },
      },
    },
  };
  const looseFile = join(dir, 'loose.json');
  writeFileSync(looseFile, JSON.stringify(loose));

  it('gives the same specs and params as loadRules', async () => {
    const specs = await loadRuleSpecs({ params: { [gpuSpec.id]: { headroomPct: 30 } } });
    const loaded = await loadRules({ params: { [gpuSpec.id]: { headroomPct: 30 } } });
    expect(specs).toEqual(loaded.map(({ file, spec, params }) => ({ file, spec, params })));
    expect(specs.find((r) => r.spec.id === gpuSpec.id)?.params['headroomPct']).toBe(30);
  });

  it("still puts a cached rule's param override through its action's check", async () => {
    await expect(loadRuleSpecs({ ruleCacheFile: looseFile, params: { [gpuSpec.id]: { headroomPct: 150 } } })).rejects.toThrow(
      new RegExp(`^config: rule ${gpuSpec.id}: action "downsize" param headroomPct: `),
    );
    expect((await loadRuleSpecs({ ruleCacheFile: looseFile })).find((r) => r.spec.id === gpuSpec.id)?.params['headroomPct']).toBe(20);
  });
});
