import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { GetObjectCommand, paginateListObjectsV2, type S3Client } from '@aws-sdk/client-s3';
import { UserError } from '../errors.js';
import { awsErrorLine } from './aws-error.js';
import { formatOf } from './inputs.js';

/**
 * Fetches billing files under s3:// prefixes into a temp directory. DuckDB could read s3://
 * itself only through its httpfs extension, which it downloads at runtime; mlcost must work
 * offline from the internet but not from S3, so the SDK does the fetching (and honours
 * --endpoint-url, profiles and SSO like every other call).
 */
export interface FetchedFiles {
  dir: string;
  files: string[];
  bytes: number;
  cleanup: () => Promise<void>;
}

export function parseS3Url(url: string): { bucket: string; prefix: string } {
  const m = /^s3:\/\/([^/]+)\/?(.*)$/.exec(url);
  if (!m?.[1]) throw new UserError(`${url}: not an s3:// URL (expected s3://bucket/prefix/)`);
  return { bucket: m[1], prefix: m[2] ?? '' };
}

export async function fetchS3Prefixes(client: S3Client, urls: readonly string[]): Promise<FetchedFiles> {
  const dir = await mkdtemp(join(tmpdir(), 'mlcost-billing-'));
  const cleanup = (): Promise<void> => rm(dir, { recursive: true, force: true });
  try {
    const files: string[] = [];
    let bytes = 0;
    for (const url of urls) {
      const { bucket, prefix } = parseS3Url(url);
      const keys = await listKeys(client, bucket, prefix, url);
      if (keys.length === 0) throw new UserError(`${url}: no .parquet, .csv or .csv.gz objects under this prefix`);
      for (const key of keys) {
        const local = join(dir, bucket, key);
        await mkdir(dirname(local), { recursive: true });
        const body = await getObject(client, bucket, key);
        await writeFile(local, body);
        bytes += body.length;
        files.push(local);
      }
    }
    return { dir, files, bytes, cleanup };
  } catch (err) {
    await cleanup();
    throw err;
  }
}

async function listKeys(client: S3Client, bucket: string, prefix: string, url: string): Promise<string[]> {
  const keys: string[] = [];
  try {
    for await (const page of paginateListObjectsV2({ client }, { Bucket: bucket, Prefix: prefix })) {
      for (const o of page.Contents ?? []) if (o.Key !== undefined && formatOf(o.Key) !== undefined) keys.push(o.Key);
    }
  } catch (err) {
    throw awsUserError(url, 'list', err);
  }
  return keys.sort();
}

async function getObject(client: S3Client, bucket: string, key: string): Promise<Uint8Array> {
  try {
    const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    if (!out.Body) throw new Error('empty response body');
    return await out.Body.transformToByteArray();
  } catch (err) {
    throw awsUserError(`s3://${bucket}/${key}`, 'download', err);
  }
}

function awsUserError(where: string, verb: string, err: unknown): UserError {
  return new UserError(`${where}: cannot ${verb} (${awsErrorLine(err)})`);
}
