import type { S3Bucket } from '../../snapshot/schema.js';
import { roundCents } from '../../money.js';
import { hoursBetween, round } from './metrics.js';
import type { ResourceCost, SignalContext, SignalKeys } from './types.js';

const GiB = 1024 ** 3;

/** CloudWatch StorageType names whose bytes bill at the S3 Standard rate. */
const STANDARD_TYPES = ['StandardStorage'];

export interface S3BucketSignals {
  standardGiB: number;
  totalGiB: number;
  objectCount: number;
  /** Mean object size over all storage types; objects under 128 KB bill as 128 KB in IA classes. */
  avgObjectKB: number;
  ageDays: number;
  hasLifecycleRules: boolean;
  /** Request metrics exist only when the bucket has a request-metrics configuration. */
  hasRequestMetrics: boolean;
  getRequestsPerDay: number;
  /** GiB downloaded per month divided by GiB stored in Standard: how much of the data is read back. */
  monthlyReadFraction: number;
  /** The reads in words: measured GETs and read-back share, or that reads were not measured (never "0 GETs"). */
  readActivity: string;
  monthlyCost: number;
  priced: boolean;
}

export const S3_BUCKET_SIGNAL_KEYS = {
  standardGiB: { type: 'number', doc: 'GiB stored in S3 Standard.' },
  totalGiB: { type: 'number', doc: 'GiB stored over all storage classes.' },
  objectCount: { type: 'number', doc: 'Objects in the bucket.' },
  avgObjectKB: { type: 'number', doc: 'Mean object size, KB; objects under 128 KB bill as 128 KB in IA classes.' },
  ageDays: { type: 'number', doc: 'Days since the bucket was created (0 when unknown).' },
  hasLifecycleRules: { type: 'bool', doc: 'The bucket has lifecycle rules.' },
  hasRequestMetrics: { type: 'bool', doc: 'Request metrics were collected for at least minObservedHours.' },
  getRequestsPerDay: { type: 'number', doc: 'GET requests per day (0 when not measured).' },
  monthlyReadFraction: { type: 'number', doc: 'GiB downloaded per month divided by GiB stored in Standard.' },
  readActivity: { type: 'string', doc: 'The reads in words, or that they were not measured.' },
  monthlyCost: { type: 'number', doc: 'S3 Standard storage cost per month, USD (0 when unpriced).' },
  priced: { type: 'bool', doc: 'monthlyCost comes from a known price.' },
} as const satisfies SignalKeys<S3BucketSignals>;

export function s3BucketSignals(b: S3Bucket, ctx: SignalContext): { signals: S3BucketSignals; cost: ResourceCost } {
  const bytes = b.bytesByStorageType;
  const standardBytes = STANDARD_TYPES.reduce((s, t) => s + (bytes[t] ?? 0), 0);
  const totalBytes = Object.values(bytes).reduce((s, v) => s + v, 0);
  const objects = b.objectCount ?? 0;
  const gets = b.requests?.getRequests;
  const downloaded = b.requests?.bytesDownloaded;
  const hasRequestMetrics = (gets?.datapoints ?? 0) > 0 && gets!.observedHours >= ctx.minObservedHours;
  const days = hasRequestMetrics ? gets!.observedHours / 24 : 0;
  const getsSum = gets?.sum ?? (gets ? gets.avg * gets.datapoints : 0);
  const downloadedSum = downloaded?.sum ?? (downloaded ? downloaded.avg * downloaded.datapoints : 0);
  const lookup = ctx.prices.s3GbMonth('STANDARD', b.region);
  const standardGiB = standardBytes / GiB;
  const getRequestsPerDay = days > 0 ? round(getsSum / days) : 0;
  const monthlyReadFraction = days > 0 && standardGiB > 0 ? round(((downloadedSum / GiB) * (30 / days)) / standardGiB, 4) : 0;
  const cost: ResourceCost = lookup.known
    ? { monthly: roundCents(lookup.price.usd * standardGiB), prices: [{ item: 'S3 Standard GB-month', price: lookup.price }], unknown: [] }
    : { monthly: null, prices: [], unknown: [lookup.reason] };
  return {
    signals: {
      standardGiB: round(standardGiB, 2),
      totalGiB: round(totalBytes / GiB, 2),
      objectCount: objects,
      avgObjectKB: objects > 0 ? round(totalBytes / objects / 1024) : 0,
      ageDays: b.creationDate ? round(hoursBetween(b.creationDate, ctx.asOf) / 24) : 0,
      hasLifecycleRules: (b.lifecycleRules ?? 0) > 0,
      hasRequestMetrics,
      getRequestsPerDay,
      monthlyReadFraction,
      readActivity: hasRequestMetrics
        ? `${getRequestsPerDay} GETs/day, ${monthlyReadFraction} of the data read back a month`
        : 'reads not measured (no request-metrics configuration on the bucket)',
      monthlyCost: cost.monthly ?? 0,
      priced: cost.monthly !== null,
    },
    cost,
  };
}
