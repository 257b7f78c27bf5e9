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

export function demoS3Hygiene(w: Window, a: { research: string; prod: string }): S3Bucket[] {
  return [
    {
      name: 'acme-llm-finetune-checkpoints',
      accountId: a.research,
      region: 'us-east-1',
      creationDate: ago(w, 240),
      tags: { team: 'nlp' },
      bytesByStorageType: { StandardStorage: 9_600 * GiB },
      objectCount: 4_800,
      lifecycleRules: 0,
      lifecycle: { expiresNoncurrentVersions: false, abortsIncompleteUploads: false },
      versioning: 'Enabled',
      // BucketSizeBytes counts every version: 1,200 GiB current, 8,400 GiB of overwritten checkpoints.
      noncurrentBytes: 8_400 * GiB,
      multipartUploads: { listed: 0, truncated: false },
    },
    {
      name: 'acme-ml-video-ingest',
      accountId: a.prod,
      region: 'us-west-2',
      creationDate: ago(w, 400),
      tags: { team: 'vision' },
      bytesByStorageType: { StandardStorage: 2_300 * GiB },
      objectCount: 90_000,
      lifecycleRules: 1,
      lifecycle: { expiresNoncurrentVersions: false, abortsIncompleteUploads: false },
      versioning: 'Off',
      incompleteUploadBytes: 640 * GiB,
      multipartUploads: { listed: 37, oldestInitiated: ago(w, 52), truncated: false },
    },
  ];
}
