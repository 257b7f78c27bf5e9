import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ROOT } from '../helpers/cli.js';

/**
 * One AWS SDK tree: every client shares one @aws-sdk/core and one copy of each @smithy package.
 * AWS does not publish every client at every release, so clients differ in version; what must not
 * differ is the shared core they resolve to (two copies break instanceof checks and double the bundle).
 */
const Lockfile = z.object({ packages: z.record(z.string(), z.object({ version: z.string().optional() })) });
const Manifest = z.object({ dependencies: z.record(z.string(), z.string()), devDependencies: z.record(z.string(), z.string()).optional() });

const SDK_PACKAGE = /(?:^|\/)node_modules\/(@(?:aws-sdk|smithy)\/[^/]+)$/;
const EXACT_VERSION = /^\d+\.\d+\.\d+$/;

/** package name → the versions the lockfile installs it at. */
function sdkVersions(lockText: string): Map<string, Set<string>> {
  const versions = new Map<string, Set<string>>();
  for (const [path, entry] of Object.entries(Lockfile.parse(JSON.parse(lockText)).packages)) {
    const name = SDK_PACKAGE.exec(path)?.[1];
    if (name === undefined || entry.version === undefined) continue;
    const seen = versions.get(name) ?? new Set<string>();
    versions.set(name, seen.add(entry.version));
  }
  return versions;
}

/** "name: v1, v2" for each package installed at more than one version. */
function duplicated(versions: Map<string, Set<string>>): string[] {
  return [...versions].filter(([, v]) => v.size > 1).map(([name, v]) => `${name}: ${[...v].sort().join(', ')}`);
}

/** "name@range" for each @aws-sdk/* or @smithy/* dependency not pinned to one exact version. */
function unpinned(manifestText: string): string[] {
  const m = Manifest.parse(JSON.parse(manifestText));
  return Object.entries({ ...m.dependencies, ...m.devDependencies })
    .filter(([name, range]) => /^@(aws-sdk|smithy)\//.test(name) && !EXACT_VERSION.test(range))
    .map(([name, range]) => `${name}@${range}`);
}

const lockText = readFileSync(join(ROOT, 'package-lock.json'), 'utf8');
const manifestText = readFileSync(join(ROOT, 'package.json'), 'utf8');

describe('one AWS SDK tree', () => {
  it('package-lock.json installs each @aws-sdk/* and @smithy/* package at one version', () => {
    const versions = sdkVersions(lockText);
    expect(versions.get('@aws-sdk/core')?.size).toBe(1);
    expect(versions.get('@smithy/core')?.size).toBe(1);
    expect(duplicated(versions)).toEqual([]);
  });

  it('package.json pins every @aws-sdk/* client exactly', () => {
    expect(unpinned(manifestText)).toEqual([]);
  });

  it('the checks fail on a second copy of a package, however deep, and on a range', () => {
    const lock = JSON.stringify({
      packages: {
        '': {},
        'node_modules/@aws-sdk/core': { version: '3.981.2' },
        'node_modules/@aws-sdk/client-pricing/node_modules/@aws-sdk/core': { version: '3.974.23' },
        'node_modules/@smithy/core': { version: '3.41.1' },
        'node_modules/@smithy/types': { version: '4.20.0' },
        'node_modules/zod': { version: '4.6.7' },
      },
    });
    expect(duplicated(sdkVersions(lock))).toEqual(['@aws-sdk/core: 3.974.23, 3.981.2']);
    const manifest = JSON.stringify({ dependencies: { '@aws-sdk/client-ec2': '^3.1178.0', '@aws-sdk/client-s3': '3.1178.0', zod: '^4.0.0' } });
    expect(unpinned(manifest)).toEqual(['@aws-sdk/client-ec2@^3.1178.0']);
  });
});
