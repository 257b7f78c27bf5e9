import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, open, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { errorMessage, UserError } from '../errors.js';

/**
 * Checks that `--out FILE` can be written before the command does its work: a live read takes
 * minutes of AWS calls, and an unwritable path found at the end would throw all of it away. The
 * directory must exist and take a new file (probed by creating and removing one, which is what
 * writing the output does; a permission bit alone misses read-only mounts and root), and an
 * existing FILE must be a writable file.
 */
export async function checkOutWritable(file: string, flag = '--out'): Promise<void> {
  const dir = dirname(resolve(file));
  const where = `${flag} ${file}`;
  const dirStat = await stat(dir).catch((err: unknown) => {
    throw new UserError(
      `${where}: ${codeOf(err) === 'ENOENT' ? `the directory ${dir} does not exist` : `cannot use the directory ${dir} (${errorMessage(err)})`}`,
    );
  });
  if (!dirStat.isDirectory()) throw new UserError(`${where}: ${dir} is not a directory`);
  const target = await stat(file).catch((err: unknown) => {
    if (codeOf(err) === 'ENOENT') return undefined;
    throw new UserError(`${where}: cannot be written (${errorMessage(err)})`);
  });
  if (target?.isDirectory()) throw new UserError(`${where}: is a directory; give a file name`);
  if (target)
    await access(file, constants.W_OK).catch((err: unknown) => {
      throw new UserError(`${where}: cannot be written (${errorMessage(err)})`);
    });
  const probe = join(dir, `.mlcost-write-check-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await (await open(probe, 'wx')).close();
  } catch (err) {
    throw new UserError(`${where}: cannot write in ${dir} (${errorMessage(err)})`);
  }
  await unlink(probe);
}

function codeOf(err: unknown): unknown {
  return (err as { code?: unknown } | null)?.code;
}
