import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';

/**
 * What `npm run build` works out once so a command does not at every start (scripts/write-startup-caches.ts):
 * a value stored with the key of what it was made from (a file's SHA-256). A value whose key no longer
 * matches is never served: the caller makes it again the slow way. A missing or unreadable cache is a miss.
 */

export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The cached value when the file holds one under `key`; undefined otherwise (the caller computes it). */
export async function readKeyedCache(file: string, key: string): Promise<unknown> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as { key?: unknown; value?: unknown } | null;
    return parsed?.key === key ? parsed.value : undefined;
  } catch {
    return undefined;
  }
}

export async function writeKeyedCache(file: string, key: string, value: unknown): Promise<void> {
  await writeFile(file, `${JSON.stringify({ key, value })}\n`);
}
