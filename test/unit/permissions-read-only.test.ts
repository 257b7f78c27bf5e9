import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EC2Client, TerminateInstancesCommand } from '@aws-sdk/client-ec2';
import { DeleteBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { isReadOnlyOperation, readOnlyClient } from '../../src/aws/read-only.js';
import { AwsSession } from '../../src/aws/session.js';
import { minimalPolicy } from '../../src/collect/permissions.js';

const SRC = join(import.meta.dirname, '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every AWS operation src/ can send: imported `XCommand` classes and `paginateX` helpers, per SDK package. */
function operationsUsed(): { file: string; pkg: string; operation: string }[] {
  const out: { file: string; pkg: string; operation: string }[] = [];
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    const imports = [
      ...text.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'@aws-sdk\/client-([a-z0-9-]+)'/g),
      // const { XClient, YCommand } = await import('@aws-sdk/client-x')
      ...text.matchAll(/\{([^}]*)\}\s*=\s*await\s+import\('@aws-sdk\/client-([a-z0-9-]+)'\)/g),
    ];
    for (const m of imports) {
      for (const raw of m[1]!.split(',')) {
        const name = raw
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)[0]!;
        const cmd = /^(\w+)Command$/.exec(name)?.[1];
        const pag = /^paginate(\w+)$/.exec(name)?.[1];
        if (cmd || pag) out.push({ file: file.slice(SRC.length + 1), pkg: m[2]!, operation: (cmd ?? pag)! });
      }
    }
    // A command sent without a named import (e.g. a namespace import) would dodge the scan above.
    expect(text, `${file}: import AWS SDK clients by name`).not.toMatch(/import\s+\*\s+as\s+\w+\s+from\s+'@aws-sdk\/client-/);
  }
  return out;
}

/**
 * Non-read calls other features make, each a deliberate product decision outside the audit of
 * the account: they change none of its resources. Anything new fails this test until reviewed.
 */
const REVIEWED_EXCEPTIONS = new Set([
  // Billing over Athena (`--engine athena`): runs a SELECT on the CUR table; Athena writes the result set to its output location.
  'athena:StartQueryExecution@billing/athena-engine.ts',
  // Mailing a report (`report --mail` via SES).
  'sesv2:SendEmail@email/send.ts',
]);

/** IAM action names that differ from "<service>:<Operation>". */
const IAM_NAME: Record<string, string | null> = {
  's3:ListBuckets': 's3:ListAllMyBuckets',
  's3:GetBucketLifecycleConfiguration': 's3:GetLifecycleConfiguration',
  's3:ListMultipartUploads': 's3:ListBucketMultipartUploads',
  // Always allowed: needs no policy statement.
  'sts:GetCallerIdentity': null,
};

describe('mlcost is read-only', () => {
  const used = operationsUsed();

  it('finds the AWS operations src/ uses (the scan itself works)', () => {
    expect(used.map((u) => u.operation)).toEqual(
      expect.arrayContaining(['DescribeInstances', 'GetMetricData', 'ListMetrics', 'AssumeRole', 'GetProducts', 'DescribeSavingsPlans']),
    );
  });

  it('sends nothing but Describe*, List*, Get* and STS AssumeRole', () => {
    const writes = used.filter(
      (u) =>
        (!isReadOnlyOperation(u.operation) || (u.operation === 'AssumeRole' && u.pkg !== 'sts')) &&
        !REVIEWED_EXCEPTIONS.has(`${u.pkg}:${u.operation}@${u.file}`),
    );
    expect(writes).toEqual([]);
    expect(isReadOnlyOperation('TerminateInstances')).toBe(false);
    expect(isReadOnlyOperation('PutMetricData')).toBe(false);
    expect(isReadOnlyOperation('Getaway')).toBe(false);
  });

  it('refuses a write at runtime, before anything is sent', async () => {
    const session = new AwsSession({ endpointUrl: 'http://127.0.0.1:9' });
    const ec2 = session.client('ec2', 'us-east-1', { accountId: '1', credentials: () => Promise.resolve({ accessKeyId: 'a', secretAccessKey: 'b' }) });
    expect(ec2).toBeInstanceOf(EC2Client);
    await expect(ec2.send(new TerminateInstancesCommand({ InstanceIds: ['i-1'] }))).rejects.toThrow(
      'mlcost is read-only: refusing to send ec2:TerminateInstances',
    );
    expect(session.counter.toRecord()).toEqual({});
    session.destroy();
  });

  it('the printed policy covers every operation the collectors use and contains only read actions', () => {
    const policy = minimalPolicy();
    const allowed = new Set(policy.Statement.flatMap((s) => s.Action));
    const prefix: Record<string, string> = { 'cost-explorer': 'ce' };
    const collectors = used.filter((u) => u.file.startsWith('collect/') || u.file.startsWith('aws/') || u.file === 'billing/costexplorer.ts');
    expect(collectors.length).toBeGreaterThan(15);
    const needed = collectors.flatMap((u) => {
      const key = `${prefix[u.pkg] ?? u.pkg}:${u.operation}`;
      const iam = key in IAM_NAME ? IAM_NAME[key] : key;
      return iam ? [iam] : [];
    });
    expect([...new Set(needed)].filter((a) => !allowed.has(a))).toEqual([]);
    expect([...allowed].filter((a) => !isReadOnlyOperation(a.split(':')[1]!))).toEqual([]);
    for (const s of policy.Statement) expect(s).toMatchObject({ Effect: 'Allow', Resource: '*' });
  });

  it('every AWS client in src/ is made behind the read-only guard: by AwsSession (aws/services.ts) or wrapped in readOnlyClient', () => {
    const made: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const rel = file.slice(SRC.length + 1);
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        // `new XClient(` or, loaded lazily, `new (sdk(...) as typeof X).XClient(`.
        if (!/\bnew\b.*\.?\b\w+Client\(/.test(line)) continue;
        made.push(rel);
        if (rel !== 'aws/services.ts') expect(line, `${rel}: an AWS client outside the guard`).toMatch(/readOnlyClient\(new \w+Client\(/);
      }
    }
    expect(new Set(made)).toEqual(new Set(['aws/services.ts', 'billing/aws-clients.ts', 'email/send.ts']));
  });

  it('a client made outside AwsSession refuses a write before anything is sent, and allows only the operations named', async () => {
    const s3 = readOnlyClient(
      new S3Client({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } }),
      's3',
      ['PutObject'],
    );
    await expect(s3.send(new DeleteBucketCommand({ Bucket: 'b' }))).rejects.toThrow('mlcost is read-only: refusing to send s3:DeleteBucket');
    // The named exception passes the guard and fails only on the closed port.
    await expect(s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: 'x' }))).rejects.not.toThrow(/read-only/);
    s3.destroy();
  });
});
