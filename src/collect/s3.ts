import {
  GetBucketLifecycleConfigurationCommand,
  GetBucketLocationCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  ListMultipartUploadsCommand,
  paginateListBuckets,
  type LifecycleRule,
  type S3Client,
} from '@aws-sdk/client-s3';
import { mapLimit } from '../aws/limiter.js';
import type { S3Bucket } from '../snapshot/schema.js';
import { defineCollector } from './collector.js';
import { clientFor, warnFailure, type RegionContext } from './context.js';

/** Account-wide: listed once per account, kept when in an audited region; their metrics are read in that region. */
export const s3BucketsCollector = defineCollector({
  id: 's3',
  service: 's3',
  scope: 'account',
  iamActions: [
    's3:ListAllMyBuckets',
    's3:GetBucketLocation',
    's3:GetBucketTagging',
    's3:GetLifecycleConfiguration',
    's3:GetBucketVersioning',
    's3:ListBucketMultipartUploads',
  ],
  resourceType: 's3-bucket',
  step: 's3',
  what: 'S3 buckets',
  collect: (ctx) => collectBuckets(ctx, ctx.regions),
  toSnapshot: (s3Buckets) => ({ resources: { s3Buckets } }),
  count: (list) => list.length,
});

/** Errors S3 uses for "this bucket simply has none", which are answers, not failures. */
const ABSENT = new Set(['NoSuchTagSet', 'NoSuchLifecycleConfiguration', 'NoSuchTagSetError']);

/**
 * Buckets are global: listed once per account (from `ctx.region`), then kept when they live in a
 * region being audited; their storage metrics are read later in that region. Tags and lifecycle
 * rules are read from the bucket's own region.
 */
export async function collectBuckets(ctx: RegionContext, regions: ReadonlySet<string>): Promise<S3Bucket[]> {
  const client = clientFor(ctx, 's3');
  const listed: { name: string; region?: string; created?: Date }[] = [];
  for await (const page of paginateListBuckets({ client, pageSize: 1000 }, {})) {
    for (const b of page.Buckets ?? []) {
      if (b.Name) listed.push({ name: b.Name, ...(b.BucketRegion ? { region: b.BucketRegion } : {}), ...(b.CreationDate ? { created: b.CreationDate } : {}) });
    }
  }
  const located = await mapLimit(listed, 16, async (b) => ({ ...b, region: b.region ?? (await bucketRegion(client, b.name)) }));
  const outside = located.filter((b) => !regions.has(b.region));
  if (outside.length) {
    ctx.warnings.add({
      code: 'out-of-scope',
      message: `${ctx.account.accountId}: ${outside.length} S3 bucket(s) live in regions not audited (${[...new Set(outside.map((b) => b.region))].sort().join(', ')}); add them with --regions to include them`,
      accountId: ctx.account.accountId,
      service: 's3',
    });
  }
  return mapLimit(
    located.filter((b) => regions.has(b.region)),
    16,
    async (b): Promise<S3Bucket> => {
      const regional: RegionContext = { ...ctx, region: b.region };
      const s3 = clientFor(regional, 's3');
      const tags = await optional(regional, b.name, 'tags', () => s3.send(new GetBucketTaggingCommand({ Bucket: b.name })));
      const lifecycle = await optional(regional, b.name, 'lifecycle configuration', () =>
        s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: b.name })),
      );
      const versioning = await optional(regional, b.name, 'versioning', () => s3.send(new GetBucketVersioningCommand({ Bucket: b.name })));
      // The first page (up to 1,000 uploads) is enough to know whether abandoned uploads exist.
      const uploads = await optional(regional, b.name, 'multipart uploads', () =>
        s3.send(new ListMultipartUploadsCommand({ Bucket: b.name, MaxUploads: 1000 })),
      );
      return {
        name: b.name,
        accountId: ctx.account.accountId,
        region: b.region,
        ...(b.created ? { creationDate: b.created.toISOString() } : {}),
        tags: Object.fromEntries((tags?.TagSet ?? []).flatMap((t) => (t.Key !== undefined ? [[t.Key, t.Value ?? '']] : []))),
        bytesByStorageType: {},
        ...(lifecycle !== undefined ? { lifecycleRules: lifecycle?.Rules?.length ?? 0, lifecycle: lifecycleFacts(lifecycle?.Rules ?? []) } : {}),
        ...(versioning !== undefined ? { versioning: versioning?.Status ?? 'Off' } : {}),
        ...(uploads !== undefined ? { multipartUploads: uploadFacts(uploads?.Uploads ?? [], uploads?.IsTruncated === true) } : {}),
      };
    },
  );
}

/** What the hygiene rules need from the lifecycle rules: only enabled rules count. */
function lifecycleFacts(rules: readonly LifecycleRule[]): NonNullable<S3Bucket['lifecycle']> {
  const enabled = rules.filter((r) => r.Status === 'Enabled');
  return {
    expiresNoncurrentVersions: enabled.some((r) => r.NoncurrentVersionExpiration !== undefined),
    abortsIncompleteUploads: enabled.some((r) => r.AbortIncompleteMultipartUpload !== undefined),
  };
}

function uploadFacts(uploads: readonly { Initiated?: Date | undefined }[], truncated: boolean): NonNullable<S3Bucket['multipartUploads']> {
  const started = uploads.flatMap((u) => (u.Initiated ? [u.Initiated.getTime()] : []));
  return {
    listed: uploads.length,
    ...(started.length ? { oldestInitiated: new Date(Math.min(...started)).toISOString() } : {}),
    truncated,
  };
}

/** GetBucketLocation answers null for us-east-1 and "EU" for the oldest eu-west-1 buckets. */
async function bucketRegion(client: S3Client, bucket: string): Promise<string> {
  const out = await client.send(new GetBucketLocationCommand({ Bucket: bucket }));
  const loc = out.LocationConstraint as string | undefined;
  if (!loc) return 'us-east-1';
  return loc === 'EU' ? 'eu-west-1' : loc;
}

/** A per-bucket detail: absent is null, a failure is a warning and undefined (the bucket is kept). */
async function optional<T>(ctx: RegionContext, bucket: string, what: string, read: () => Promise<T>): Promise<T | null | undefined> {
  try {
    return await read();
  } catch (err) {
    if (ABSENT.has((err as { name?: string }).name ?? '')) return null;
    warnFailure(ctx, 's3', `${what} of bucket ${bucket}`, err);
    return undefined;
  }
}
