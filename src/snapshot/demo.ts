import { readFile } from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentHash, readKeyedCache } from '../build-cache.js';
import type { Snapshot } from './schema.js';

/**
 * The demo Snapshot that ships with mlcost (`mlcost audit --demo`). Validating it is most of what reading
 * it costs, and its text only changes with a release: the build validates it once and caches the result
 * next to this module, keyed by the file's SHA-256 (scripts/write-startup-caches.ts). A demo file that
 * differs from what the build read, or no cache (run from src/), is read and validated in full.
 */

export const DEMO_SNAPSHOT = fileURLToPath(new URL('../../fixtures/demo/snapshot.json', import.meta.url));
export const DEMO_CACHE_NAME = 'demo-snapshot.cache.json';

export async function readDemoSnapshot(cacheFile = join(dirname(fileURLToPath(import.meta.url)), DEMO_CACHE_NAME)): Promise<Snapshot> {
  const text = await readFile(DEMO_SNAPSHOT, 'utf8').catch(() => undefined);
  const cached = text === undefined ? undefined : await readKeyedCache(cacheFile, contentHash(text));
  // The build stored what readSnapshot returned for this very text (demoSnapshotCache below).
  if (cached !== undefined) return cached as Snapshot;
  return (await import('./io.js')).readSnapshot(DEMO_SNAPSHOT);
}

/** What the build caches: the key of the demo file's text and the Snapshot readSnapshot makes of it. */
export async function demoSnapshotCache(): Promise<{ key: string; value: Snapshot }> {
  const text = await readFile(DEMO_SNAPSHOT, 'utf8');
  const value = await (await import('./io.js')).readSnapshot(DEMO_SNAPSHOT);
  // A cache is JSON: a value that does not survive JSON (a Date, a typed array) would come back different.
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(value)), value))
    throw new Error(`${DEMO_SNAPSHOT}: the validated Snapshot does not survive a JSON round trip`);
  return { key: contentHash(text), value };
}
