/**
 * What a Snapshot's schema cannot say, checked the same way after zod and after the in-place Ajv
 * validator (which lets JSON's 1e999, read as Infinity, through as a number): every number finite
 * and plausible, utilisation percentages within 0–100, and each resource listed once.
 */

/** Fields whose value is money or a size that money is computed from: bounded by what AWS sells. */
const FIELD_BOUNDS: Readonly<Record<string, { max: number; why: string }>> = {
  sizeGiB: { max: 65_536, why: 'the largest EBS volume is 64 TiB' },
  iops: { max: 256_000, why: 'the most an io2 Block Express volume provisions' },
  throughputMiBps: { max: 4_000, why: 'the most an EBS volume provisions' },
  usdPerHour: { max: 10_000, why: 'no instance costs that much an hour' },
  usd: { max: 10_000, why: 'no unit price in the catalog comes near it' },
  commitmentPerHour: { max: 10_000_000, why: 'larger than any Savings Plan commitment' },
};
/** Any other number: no count, byte total or duration mlcost reads comes near this. */
const ANY_MAX = 1e21;
/** Metrics measured in percent: their value fields lie in 0–100. */
const PERCENT_METRICS = new Set(['cpu', 'memory', 'utilization', 'gpu', 'gpuMemory', 'gpuUtilHourOfWeek']);
const PERCENT_FIELDS = new Set(['avg', 'p50', 'p95', 'max', 'mean']);

interface Fault {
  path: (string | number)[];
  message: string;
}

/** The first value that is not plausible, as `path: message`; undefined when all are. */
export function implausibleValue(value: unknown): string | undefined {
  const fault = walk(value, '', false);
  if (!fault) return undefined;
  const path = fault.path
    .map((p) => (typeof p === 'number' ? `[${String(p)}]` : `.${p}`))
    .join('')
    .replace(/^\./, '');
  return `${path || '(root)'}: ${fault.message}`;
}

function walk(value: unknown, key: string, percent: boolean): Fault | undefined {
  if (typeof value === 'number') return checkNumber(value, key, percent);
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const fault = walk(value[i], key, percent);
      if (fault) return (fault.path.unshift(i), fault);
    }
    return undefined;
  }
  if (key === 'tags') return checkTags(value as Record<string, unknown>);
  for (const k in value) {
    const fault = walk((value as Record<string, unknown>)[k], k, percent || PERCENT_METRICS.has(k));
    if (fault) return (fault.path.unshift(k), fault);
  }
  return undefined;
}

function checkNumber(n: number, key: string, percent: boolean): Fault | undefined {
  if (!Number.isFinite(n)) return { path: [], message: `${String(n)} is not a finite number` };
  if (percent && PERCENT_FIELDS.has(key) && (n < 0 || n > 100)) return { path: [], message: `${String(n)} is not a percentage (0 to 100)` };
  const bound = FIELD_BOUNDS[key];
  if (bound && n > bound.max) return { path: [], message: `${String(n)} is implausible (more than ${String(bound.max)}: ${bound.why})` };
  if (Math.abs(n) > ANY_MAX) return { path: [], message: `${String(n)} is implausibly large` };
  return undefined;
}

/** AWS's own limits on a tag (docs/data-contracts.md "Limits"): longer text did not come from AWS. */
const TAG_KEY_MAX = 128;
const TAG_VALUE_MAX = 256;

function checkTags(tags: Record<string, unknown>): Fault | undefined {
  for (const k in tags) {
    const v = tags[k];
    if (codePoints(k) > TAG_KEY_MAX) return { path: [], message: `a tag key of ${String(codePoints(k))} characters (AWS allows ${String(TAG_KEY_MAX)})` };
    if (typeof v === 'string' && codePoints(v) > TAG_VALUE_MAX)
      return { path: [k], message: `a tag value of ${String(codePoints(v))} characters (AWS allows ${String(TAG_VALUE_MAX)})` };
  }
  return undefined;
}

function codePoints(s: string): number {
  // AWS counts characters, not UTF-16 units: a surrogate pair is one.
  return s.length <= TAG_KEY_MAX ? s.length : s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '_').length;
}

/** The identity a resource must not share with another in its list: account, region and id. */
function identityOf(resource: unknown): string | undefined {
  if (typeof resource !== 'object' || resource === null) return undefined;
  const r = resource as Record<string, unknown>;
  const id = r['id'] ?? r['allocationId'] ?? r['name'];
  return typeof id === 'string' ? id : undefined;
}

/** Remembers the resources seen so far, list by list; says when one comes back. */
export class UniqueResources {
  private readonly seen = new Map<string, string>();

  /** Undefined for a resource not seen before; else the message naming the id and where it was first. */
  duplicate(list: string, resource: unknown, where: string): string | undefined {
    const id = identityOf(resource);
    if (id === undefined) return undefined;
    const r = resource as { accountId?: unknown; region?: unknown };
    const key = `${list}\u0000${String(r.accountId)}\u0000${typeof r.region === 'string' ? r.region : ''}\u0000${id}`;
    const first = this.seen.get(key);
    if (first === undefined) {
      this.seen.set(key, where);
      return undefined;
    }
    const scope = `account ${String(r.accountId)}${typeof r.region === 'string' ? `, region ${r.region}` : ''}`;
    return `duplicate resource id ${JSON.stringify(id)} in resources.${list} (${scope}), first at ${first}: each resource must be listed once, or its cost is counted twice`;
  }
}

/**
 * The whole-Snapshot check (after its schema): the first implausible value or repeated resource,
 * as a message; `unique` carries the resources a streaming reader has already seen.
 */
export function snapshotProblem(snapshot: { resources: Record<string, unknown[]> }, unique = new UniqueResources()): string | undefined {
  const bad = implausibleValue(snapshot);
  if (bad !== undefined) return bad;
  for (const [list, items] of Object.entries(snapshot.resources)) {
    for (let i = 0; i < items.length; i++) {
      const dup = unique.duplicate(list, items[i], `resources.${list}[${String(i)}]`);
      if (dup !== undefined) return dup;
    }
  }
  return undefined;
}
