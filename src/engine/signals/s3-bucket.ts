import type { S3Bucket } from '../../snapshot/schema.js';
import { roundCents } from '../../money.js';
import { ladderCost } from '../../catalog/index.js';
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
  /** Versioning is on or suspended: either way, overwritten and deleted objects may be kept as noncurrent versions. */
  versioned: boolean;
  /** The lifecycle configuration was read (an unreadable one leaves both lifecycle signals false and the hygiene rules silent). */
  lifecycleKnown: boolean;
  expiresNoncurrentVersions: boolean;
  abortsIncompleteUploads: boolean;
  /** S3 Storage Lens publishes this bucket's noncurrent-version bytes to CloudWatch. */
  noncurrentBytesKnown: boolean;
  noncurrentGiB: number;
  /** Incomplete multipart uploads on ListMultipartUploads' first page (up to 1,000). */
  incompleteUploads: number;
  /** Days since the oldest listed incomplete upload started (0 when none). */
  oldestIncompleteUploadDays: number;
  incompleteUploadBytesKnown: boolean;
  incompleteUploadGiB: number;
  /** The noncurrent bytes in words, or that they are unknown (never a guessed figure). */
  noncurrentText: string;
  /** The incomplete uploads in words: how many, how old, and their bytes when known. */
  incompleteUploadText: string;
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
  versioned: { type: 'bool', doc: 'Versioning is Enabled or Suspended (noncurrent versions may exist).' },
  lifecycleKnown: { type: 'bool', doc: 'The lifecycle configuration was read (absent counts as read, with no rules).' },
  expiresNoncurrentVersions: { type: 'bool', doc: 'An enabled lifecycle rule has NoncurrentVersionExpiration.' },
  abortsIncompleteUploads: { type: 'bool', doc: 'An enabled lifecycle rule has AbortIncompleteMultipartUpload.' },
  noncurrentBytesKnown: { type: 'bool', doc: 'S3 Storage Lens publishes NonCurrentVersionStorageBytes for the bucket to CloudWatch.' },
  noncurrentGiB: { type: 'number', doc: 'GiB in noncurrent versions (0 when unknown: check noncurrentBytesKnown).' },
  incompleteUploads: { type: 'number', doc: 'Incomplete multipart uploads listed (first page, up to 1,000).' },
  oldestIncompleteUploadDays: { type: 'number', doc: 'Days since the oldest listed incomplete multipart upload started (0 when none).' },
  incompleteUploadBytesKnown: { type: 'bool', doc: 'S3 Storage Lens publishes IncompleteMultipartUploadStorageBytes for the bucket.' },
  incompleteUploadGiB: { type: 'number', doc: 'GiB in incomplete multipart uploads (0 when unknown: check incompleteUploadBytesKnown).' },
  noncurrentText: { type: 'string', doc: 'The noncurrent-version bytes in words, or that they are unknown.' },
  incompleteUploadText: { type: 'string', doc: 'The incomplete multipart uploads in words (count, oldest, bytes when known).' },
} as const satisfies SignalKeys<S3BucketSignals>;

export function s3BucketSignals(b: S3Bucket, ctx: SignalContext): { signals: S3BucketSignals; cost: ResourceCost } {
  const bytes = b.bytesByStorageType;
  const standardBytes = STANDARD_TYPES.reduce((s, t) => s + (bytes[t] ?? 0), 0);
  const totalBytes = Object.values(bytes).reduce((s, v) => s + v, 0);
  const objects = b.objectCount ?? 0;
  const gets = b.requests?.getRequests;
  const downloaded = b.requests?.bytesDownloaded;
  const observedHours = requestObservedHours(b, ctx.asOf);
  const hasRequestMetrics = observedHours >= ctx.minObservedHours;
  const days = hasRequestMetrics ? observedHours / 24 : 0;
  const getsSum = gets?.sum ?? (gets ? gets.avg * gets.datapoints : 0);
  const downloadedSum = downloaded?.sum ?? (downloaded ? downloaded.avg * downloaded.datapoints : 0);
  const standardGiB = standardBytes / GiB;
  // AWS bills S3 storage in GB-months of 2^30 bytes, on the class's price ladder (first 50 TB, next 450 TB, over 500 TB).
  const storage = ladderCost(ctx.prices.s3Ladder('STANDARD', b.region), standardGiB);
  const getRequestsPerDay = days > 0 ? round(getsSum / days) : 0;
  const monthlyReadFraction = days > 0 && standardGiB > 0 ? round(((downloadedSum / GiB) * (30 / days)) / standardGiB, 4) : 0;
  const cost: ResourceCost = storage.known
    ? {
        monthly: roundCents(storage.usd),
        prices: storage.rungs.map((r) => ({ item: s3RungItem('S3 Standard GB-month', r.label, storage.rungs.length), price: r.price })),
        unknown: [],
      }
    : { monthly: null, prices: [], unknown: [storage.reason] };
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
      ...hygieneSignals(b, ctx.asOf),
    },
    cost,
  };
}

/**
 * Hours the whole-bucket request-metrics filter has been counting: from its first datapoint of any
 * request metric to the audit's end (a never-read bucket has no GetRequests datapoints, yet its
 * filter counted). Snapshots without `observedSince` fall back to the GET series' own hours.
 */
function requestObservedHours(b: S3Bucket, asOf: Date): number {
  const r = b.requests;
  if (r?.observedSince !== undefined) return Math.max(0, hoursBetween(r.observedSince, asOf));
  return (r?.getRequests?.datapoints ?? 0) > 0 ? r!.getRequests!.observedHours : 0;
}

type HygieneSignals = Pick<
  S3BucketSignals,
  | 'versioned'
  | 'lifecycleKnown'
  | 'expiresNoncurrentVersions'
  | 'abortsIncompleteUploads'
  | 'noncurrentBytesKnown'
  | 'noncurrentGiB'
  | 'incompleteUploads'
  | 'oldestIncompleteUploadDays'
  | 'incompleteUploadBytesKnown'
  | 'incompleteUploadGiB'
  | 'noncurrentText'
  | 'incompleteUploadText'
>;

function hygieneSignals(b: S3Bucket, asOf: Date): HygieneSignals {
  const oldest = b.multipartUploads?.oldestInitiated;
  const uploads = b.multipartUploads;
  const oldestDays = oldest !== undefined ? round(Math.max(0, hoursBetween(oldest, asOf)) / 24) : 0;
  const gib = (bytes: number) => round(bytes / GiB, 2);
  return {
    versioned: b.versioning === 'Enabled' || b.versioning === 'Suspended',
    lifecycleKnown: b.lifecycle !== undefined,
    expiresNoncurrentVersions: b.lifecycle?.expiresNoncurrentVersions ?? false,
    abortsIncompleteUploads: b.lifecycle?.abortsIncompleteUploads ?? false,
    noncurrentBytesKnown: b.noncurrentBytes !== undefined,
    noncurrentGiB: round((b.noncurrentBytes ?? 0) / GiB, 2),
    incompleteUploads: b.multipartUploads?.listed ?? 0,
    oldestIncompleteUploadDays: oldestDays,
    incompleteUploadBytesKnown: b.incompleteUploadBytes !== undefined,
    incompleteUploadGiB: round((b.incompleteUploadBytes ?? 0) / GiB, 2),
    noncurrentText:
      b.noncurrentBytes !== undefined
        ? `${gib(b.noncurrentBytes)} GiB in noncurrent versions (S3 Storage Lens)`
        : 'noncurrent-version bytes unknown (S3 Storage Lens does not publish this bucket to CloudWatch)',
    incompleteUploadText: `${uploads?.listed ?? 0}${uploads?.truncated === true ? '+' : ''} incomplete multipart upload(s), the oldest started ${oldestDays} days ago, ${
      b.incompleteUploadBytes !== undefined ? `${gib(b.incompleteUploadBytes)} GiB of parts (S3 Storage Lens)` : 'bytes of parts unknown'
    }`,
  };
}

/** A price line for one rung of a ladder: named by its rung only when the bucket reached more than one. */
export function s3RungItem(item: string, rungLabel: string, rungsUsed: number): string {
  return rungsUsed > 1 && rungLabel !== '' ? `${item}, ${rungLabel}` : item;
}
