import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface FullDirectory {
  dir: string;
  /** `tmpfs`: a 64 KiB file system filled to the last byte (writes fail ENOSPC); `read-only`: a 0555 directory (EACCES). */
  kind: 'tmpfs' | 'read-only';
  release(): void;
}

/**
 * A directory holding `files` where nothing more can be written. As root (CI containers) it is a
 * tiny tmpfs filled up, the disk-full case itself; elsewhere mount is not allowed and a read-only
 * directory fails the same writes one step earlier. Neither case is skipped.
 */
export function fullDirectory(files: Record<string, string>): FullDirectory {
  const dir = mkdtempSync(join(tmpdir(), 'mlcost-full-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' }).status === 0;
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  if (mounted) {
    try {
      writeFileSync(join(dir, 'filler'), Buffer.alloc(128 * 1024, 1));
    } catch {
      // ENOSPC is the point: the filler took every free block.
    }
  } else {
    chmodSync(dir, 0o555);
  }
  return {
    dir,
    kind: mounted ? 'tmpfs' : 'read-only',
    release() {
      if (mounted) spawnSync('umount', [dir], { stdio: 'ignore' });
      else chmodSync(dir, 0o755);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
