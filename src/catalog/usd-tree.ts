import { z } from 'zod';

/*
 * Schemas for large tables of prices, checked by one loop. zod's record-of-record walk costs about
 * 20 µs a figure: a quarter of a second at start-up for the regional rate files. The check is the
 * same: every leaf a finite, non-negative number of USD under an allowed key; the first bad one is
 * reported with its path.
 */

/** key -> USD. */
export function usdRecord(): z.ZodType<Record<string, number>> {
  return tree<Record<string, number>>(1, undefined);
}

/** key -> key -> one of `leafKeys` -> USD (e.g. instance type -> region -> RI term -> rate). */
export function usdTable<K extends string>(leafKeys: readonly K[]): z.ZodType<Record<string, Record<string, Partial<Record<K, number>>>>> {
  return tree(3, new Set<string>(leafKeys));
}

function tree<T>(depth: number, allowed: ReadonlySet<string> | undefined): z.ZodType<T> {
  return z
    .custom<T>(() => true)
    .superRefine((v, ctx) => {
      const p = firstProblem(v, depth, allowed, []);
      if (p) ctx.addIssue({ code: 'custom', message: p.message, path: p.path });
    });
}

function firstProblem(
  v: unknown,
  depth: number,
  allowed: ReadonlySet<string> | undefined,
  path: readonly string[],
): { path: string[]; message: string } | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return { path: [...path], message: 'expected an object' };
  const o = v as Record<string, unknown>;
  // for...in over plain JSON objects: no per-entry allocation, so ten thousand figures take about a millisecond.
  for (const key in o) {
    const child = o[key];
    if (depth > 1) {
      if (typeof child === 'object' && child !== null && !Array.isArray(child) && depth === 2 && leavesOk(child as Record<string, unknown>, allowed)) continue;
      const p = firstProblem(child, depth - 1, allowed, [...path, key]);
      if (p) return p;
    } else if (allowed && !allowed.has(key)) {
      return { path: [...path, key], message: `unknown key (expected one of ${[...allowed].join(', ')})` };
    } else if (typeof child !== 'number' || !Number.isFinite(child) || child < 0) {
      return { path: [...path, key], message: 'expected a non-negative number of USD' };
    }
  }
  return undefined;
}

function leavesOk(o: Record<string, unknown>, allowed: ReadonlySet<string> | undefined): boolean {
  for (const key in o) {
    const n = o[key];
    if ((allowed && !allowed.has(key)) || typeof n !== 'number' || !Number.isFinite(n) || n < 0) return false;
  }
  return true;
}
