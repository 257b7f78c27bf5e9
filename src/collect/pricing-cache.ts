import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { CollectedPriceSchema, type CollectedPrice } from '../snapshot/schema.js';

const Entry = z.object({ fetchedAt: z.string(), prices: z.array(CollectedPriceSchema) });

export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'mlcost');
}

/**
 * Pricing API answers cached on disk per query, for `ttlHours`: list prices change a few times
 * a year and a large fleet asks hundreds of questions. A corrupt or unreadable entry is a miss.
 */
export class PriceCache {
  constructor(
    private readonly dir: string,
    private readonly ttlHours: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async get(query: unknown): Promise<CollectedPrice[] | undefined> {
    try {
      const entry = Entry.parse(JSON.parse(await readFile(this.file(query), 'utf8')));
      const age = this.now().getTime() - new Date(entry.fetchedAt).getTime();
      return age >= 0 && age < this.ttlHours * 3_600_000 ? entry.prices : undefined;
    } catch {
      return undefined;
    }
  }

  /** Best effort: a read-only home directory must not fail an audit. */
  async set(query: unknown, prices: CollectedPrice[]): Promise<void> {
    try {
      await mkdir(join(this.dir, 'pricing'), { recursive: true });
      const file = this.file(query);
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, JSON.stringify({ fetchedAt: this.now().toISOString(), prices }));
      await rename(tmp, file);
    } catch {
      // caching is an optimisation
    }
  }

  private file(query: unknown): string {
    return join(this.dir, 'pricing', `${createHash('sha256').update(JSON.stringify(query)).digest('hex').slice(0, 32)}.json`);
  }
}
