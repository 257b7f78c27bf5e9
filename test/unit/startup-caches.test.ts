import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentHash, readKeyedCache, writeKeyedCache } from '../../src/build-cache.js';
import { configDefaultsKey, defaultConfig } from '../../src/config/defaults.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { DEMO_SNAPSHOT, readDemoSnapshot } from '../../src/snapshot/demo.js';
import { readSnapshot } from '../../src/snapshot/io.js';

const dir = mkdtempSync(join(tmpdir(), 'mlcost-startup-caches-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const demoText = readFileSync(DEMO_SNAPSHOT, 'utf8');
const validated = await readSnapshot(DEMO_SNAPSHOT);

describe('keyed build caches', () => {
  it('give back the value only under the key it was stored with', async () => {
    const file = join(dir, 'keyed.json');
    await writeKeyedCache(file, 'k1', { a: 1 });
    expect(await readKeyedCache(file, 'k1')).toEqual({ a: 1 });
    expect(await readKeyedCache(file, 'k2')).toBeUndefined();
  });

  it('treat a missing or damaged cache as a miss', async () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"key": "k1", "value": ');
    expect(await readKeyedCache(broken, 'k1')).toBeUndefined();
    expect(await readKeyedCache(join(dir, 'missing.json'), 'k1')).toBeUndefined();
    writeFileSync(broken, 'null');
    expect(await readKeyedCache(broken, 'k1')).toBeUndefined();
  });
});

describe('the demo Snapshot cache', () => {
  it('serves the cached Snapshot when the demo file is byte for byte what the build read', async () => {
    const file = join(dir, 'demo-marked.json');
    await writeKeyedCache(file, contentHash(demoText), { ...validated, collectedAt: 'served from the cache' });
    expect((await readDemoSnapshot(file)).collectedAt).toBe('served from the cache');
  });

  it('never serves it for a demo file that changed since the build: the file is read and validated in full', async () => {
    const file = join(dir, 'demo-stale.json');
    await writeKeyedCache(file, contentHash(`${demoText} `), { ...validated, collectedAt: 'stale' });
    expect(await readDemoSnapshot(file)).toEqual(validated);
    expect(await readDemoSnapshot(join(dir, 'missing.json'))).toEqual(validated);
  });
});

describe('the config defaults cache', () => {
  it('is keyed by the modules the defaults are written in', async () => {
    const other = join(dir, 'config-src');
    mkdirSync(other);
    writeFileSync(join(other, 'schema.js'), 'a');
    writeFileSync(join(other, 'neuron.js'), 'b');
    const key = await configDefaultsKey(other, '.js');
    writeFileSync(join(other, 'neuron.js'), 'b2');
    expect(await configDefaultsKey(other, '.js')).not.toBe(key);
  });

  it('serves the cached defaults under the current key, and otherwise what the schema makes', async () => {
    const file = join(dir, 'config.json');
    await writeKeyedCache(file, await configDefaultsKey(), { ...ConfigSchema.parse({}), lookbackDays: 99 });
    expect((await defaultConfig(file)).lookbackDays).toBe(99);
    await writeKeyedCache(file, 'written from other schema modules', { ...ConfigSchema.parse({}), lookbackDays: 99 });
    expect(await defaultConfig(file)).toEqual(ConfigSchema.parse({}));
    expect(await defaultConfig(join(dir, 'missing.json'))).toEqual(ConfigSchema.parse({}));
  });
});
