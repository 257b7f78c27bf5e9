/**
 * S3 hygiene in the demo Snapshot: a versioned checkpoint bucket whose training jobs overwrite
 * checkpoints every epoch with no noncurrent-version expiration, and a dataset bucket holding
 * the parts of uploads that died weeks ago. The account publishes S3 Storage Lens to CloudWatch,
 * so both carry the bytes a live collect would read and both findings are priced.
 */
import type { S3Bucket } from '../../src/snapshot/schema.js';
import type { Window } from '../synthetic.js';

const GiB = 1024 ** 3;
const ago = (w: Window, days: number) => new Date(w.end.getTime() - days * 86_400_000).toISOString();

/** Where a demo bucket is, whose, how old, and its Standard bytes and objects: what every demo bucket has. */
interface BucketBasics {
  name: string;
  accountId: string;
  region: string;
  ageDays: number;
  team: string;
  standardGiB: number;
  objects: number;
}

/** One demo bucket; `more` adds what its story needs (lifecycle, versioning, request metrics …). */
export function bucket(w: Window, b: BucketBasics, more: Partial<S3Bucket> = {}): S3Bucket {
  return {
    name: b.name,
    accountId: b.accountId,
    region: b.region,
    creationDate: ago(w, b.ageDays),
    tags: { team: b.team },
    bytesByStorageType: { StandardStorage: b.standardGiB * GiB },
    objectCount: b.objects,
    ...more,
  };
}

export function demoS3Hygiene(w: Window, a: { research: string; prod: string }): S3Bucket[] {
  return [
    bucket(
      w,
      { name: 'acme-llm-finetune-checkpoints', accountId: a.research, region: 'us-east-1', ageDays: 240, team: 'nlp', standardGiB: 9_600, objects: 4_800 },
      {
        lifecycleRules: 0,
        lifecycle: { expiresNoncurrentVersions: false, abortsIncompleteUploads: false },
        versioning: 'Enabled',
        // BucketSizeBytes counts every version: 1,200 GiB current, 8,400 GiB of overwritten checkpoints.
        noncurrentBytes: 8_400 * GiB,
        multipartUploads: { listed: 0, truncated: false },
      },
    ),
    bucket(
      w,
      { name: 'acme-ml-video-ingest', accountId: a.prod, region: 'us-west-2', ageDays: 400, team: 'vision', standardGiB: 2_300, objects: 90_000 },
      {
        lifecycleRules: 1,
        lifecycle: { expiresNoncurrentVersions: false, abortsIncompleteUploads: false },
        versioning: 'Off',
        incompleteUploadBytes: 640 * GiB,
        multipartUploads: { listed: 37, oldestInitiated: ago(w, 52), truncated: false },
      },
    ),
  ];
}
