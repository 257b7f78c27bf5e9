import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * A module of the built CLI (dist/), typed by its source: `built<typeof import('../src/x.js')>('x.js')`.
 * Benchmarks time what `mlcost` runs, not esbuild's transform of src/ under tsx (which, for one,
 * wraps named function expressions in `__name` calls).
 */
export async function built<T>(path: string): Promise<T> {
  const file = join(ROOT, 'dist', path);
  if (!existsSync(file) || statSync(file).mtimeMs < newestSource(join(ROOT, 'src'))) {
    throw new Error(`${file} is missing or older than src/: run npm run build first`);
  }
  return (await import(pathToFileURL(file).href)) as T;
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}
