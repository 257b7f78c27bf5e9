import { z } from 'zod';
import { ladderSaving } from '../../catalog/index.js';
import { roundCents } from '../../money.js';
import { s3RungItem, type S3BucketSignals as Signals } from '../signals/s3-bucket.js';
import { defineAction, priceEntry, type ActionKindDefinition } from './types.js';

/** The S3 lifecycle actions a hygiene rule can ask for, with what each removes and how its bytes are known. */
const LIFECYCLE_RULES = {
  NoncurrentVersionExpiration: {
    removes: 'noncurrent versions',
    gib: (s: Signals) => (s.noncurrentBytesKnown ? s.noncurrentGiB : undefined),
    unknown:
      'noncurrent-version bytes: S3 Storage Lens does not publish NonCurrentVersionStorageBytes to CloudWatch for this bucket, and BucketSizeBytes counts current and noncurrent versions together',
    xml: (days: number) => `<NoncurrentVersionExpiration><NoncurrentDays>${days}</NoncurrentDays></NoncurrentVersionExpiration>`,
  },
  AbortIncompleteMultipartUpload: {
    removes: 'parts of incomplete multipart uploads',
    gib: (s: Signals) => (s.incompleteUploadBytesKnown ? s.incompleteUploadGiB : undefined),
    unknown:
      'incomplete-upload bytes: S3 Storage Lens does not publish IncompleteMultipartUploadStorageBytes to CloudWatch for this bucket, and ListMultipartUploads gives no sizes',
    xml: (days: number) => `<AbortIncompleteMultipartUpload><DaysAfterInitiation>${days}</DaysAfterInitiation></AbortIncompleteMultipartUpload>`,
  },
} as const;

/**
 * Add a lifecycle rule that deletes what nobody will read again: noncurrent versions some days
 * after they are replaced, or the parts of uploads abandoned some days after they started. The
 * saving is the bytes removed at the S3 Standard rate (what the parts and a training job's
 * overwritten checkpoints are written in); without Storage Lens the bytes, and so the saving,
 * are unknown and the fix is still worth making.
 */
const addBucketLifecycleRule = defineAction({
  resource: 's3-bucket',
  params: z.object({ lifecycleRule: z.enum(['NoncurrentVersionExpiration', 'AbortIncompleteMultipartUpload']), afterDays: z.number() }),
  price({ resource: b, signals: s, params, env }) {
    const rule = LIFECYCLE_RULES[params.lifecycleRule];
    const gib = rule.gib(s);
    // The removed GB come off the top of the bucket's Standard price ladder (first 50 TB, next 450 TB, over 500 TB).
    const total = Math.max(s.standardGiB, gib ?? 0);
    const standard = ladderSaving(env.prices.s3Ladder('STANDARD', b.region), total, gib ?? 0);
    const unknown = [...(gib === undefined ? [rule.unknown] : []), ...(standard.known ? [] : [standard.reason])];
    const saving = gib !== undefined && standard.known ? roundCents(standard.usd) : null;
    return {
      to: params.lifecycleRule,
      description: `Add a lifecycle rule to s3://${b.name}: ${rule.xml(params.afterDays)}`,
      monthlySavings: saving,
      pricing: {
        method: `saving = GiB of ${rule.removes} (S3 Storage Lens) x S3 Standard $/GB-month, on the price tiers they leave`,
        prices: standard.known ? standard.rungs.map((r) => priceEntry(s3RungItem('S3 Standard GB-month', r.label, standard.rungs.length), r.price)) : [],
        ...(unknown.length ? { unknown } : {}),
      },
      confidence: gib !== undefined ? 'high' : 'medium',
      evidence: {
        versioning: b.versioning ?? null,
        lifecycleRules: b.lifecycleRules ?? 0,
        ...(params.lifecycleRule === 'NoncurrentVersionExpiration'
          ? { noncurrentGiB: gib ?? null }
          : {
              incompleteUploads: s.incompleteUploads,
              moreUploads: b.multipartUploads?.truncated ?? false,
              oldestUploadDays: s.oldestIncompleteUploadDays,
              incompleteUploadGiB: gib ?? null,
            }),
      },
      tradeoff: {
        performanceRisk: 'low',
        summary:
          params.lifecycleRule === 'NoncurrentVersionExpiration'
            ? `versions replaced more than ${params.afterDays} days ago can no longer be restored; the current version of every object is untouched`
            : `an upload still running after ${params.afterDays} days is aborted and must start again`,
      },
    };
  },
});

export const addLifecycleRule: ActionKindDefinition = { kind: 'add-lifecycle-rule', definitions: [addBucketLifecycleRule] };
