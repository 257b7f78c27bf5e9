import type { z } from 'zod';
import { RESOURCE_LIST_SCHEMAS, SnapshotSchema, type Snapshot, type SnapshotInput, type SnapshotWarning } from '../snapshot/schema.js';
import type { WarningSink } from './context.js';

/**
 * The Snapshot contract is checked resource by resource: one odd API answer drops that resource
 * with a warning naming it, instead of failing a collection that took minutes.
 */
export function validated(input: SnapshotInput, warnings: WarningSink): Snapshot {
  const checked: Record<string, unknown[]> = {};
  for (const [kind, schema] of Object.entries(RESOURCE_LIST_SCHEMAS) as [keyof typeof RESOURCE_LIST_SCHEMAS, z.ZodType][]) {
    const list = (input.resources[kind] ?? []) as unknown[];
    const kept: unknown[] = [];
    for (const item of list) {
      const r = schema.safeParse(item);
      if (r.success) {
        kept.push(r.data);
        continue;
      }
      const rec = item as { id?: string; name?: string; allocationId?: string; accountId?: string; region?: string };
      const id = rec.id ?? rec.name ?? rec.allocationId ?? '?';
      const issue = r.error.issues[0];
      warnings.add({
        code: 'invalid-response',
        message: `${rec.accountId ?? '?'}/${rec.region ?? '?'}: dropped ${kind} ${id}: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`,
        ...(rec.accountId ? { accountId: rec.accountId } : {}),
        ...(rec.region ? { region: rec.region } : {}),
        resourceId: id,
      });
    }
    checked[kind] = kept;
  }
  // Collectors run concurrently, so warnings arrive in any order; sorted, the same account reads the same every run.
  // The resource lists were parsed entry by entry above: the rest is parsed here with empty lists (parsing a large
  // fleet's entries twice was a tenth of a live collection's CPU), then the parsed entries go back in the schema's order.
  const snapshot = SnapshotSchema.parse({ ...input, resources: {}, warnings: [...warnings.list].sort(byScope) });
  const resources = snapshot.resources as Record<string, unknown[]>;
  for (const kind of Object.keys(resources)) resources[kind] = checked[kind] ?? [];
  return snapshot;
}

function byScope(a: SnapshotWarning, b: SnapshotWarning): number {
  const key = (w: SnapshotWarning) => [w.accountId ?? '', w.region ?? '', w.service ?? '', w.message];
  const [ka, kb] = [key(a), key(b)];
  for (let i = 0; i < ka.length; i++) {
    const c = ka[i]!.localeCompare(kb[i]!);
    if (c !== 0) return c;
  }
  return 0;
}
