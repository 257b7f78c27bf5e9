import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, open, realpath, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { UserError, errorMessage } from './errors.js';

/**
 * Pieces are joined into writes of about this many characters. Small enough that each write's text
 * and bytes die young instead of piling up in V8's large-object space until a full GC (streaming
 * a 100,000-resource audit peaked ~35 MiB lower than with 1 MiB writes), big enough that system
 * calls cost nothing measurable.
 */
export const WRITE_SIZE = 1 << 16;

/**
 * Writes text given in pieces to a stream, one write of about 64 KiB at a time, each waiting until
 * the stream has taken the previous one: a large document never sits in memory whole, and a slow
 * reader (a pipe, a disk) holds the writer back. Rejects with the first failed write's error.
 * The caller owns the stream and listens for its 'error' events.
 */
export async function writeChunks(out: Writable, chunks: Iterable<string>): Promise<void> {
  let pending = '';
  for (const chunk of chunks) {
    pending += chunk;
    if (pending.length < WRITE_SIZE) continue;
    await writeOnce(out, pending);
    pending = '';
  }
  if (pending !== '') await writeOnce(out, pending);
}

function writeOnce(out: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    out.write(text, 'utf8', (err) => {
      if (err) reject(err);
      else resolve();
    });
  });
}

/**
 * Writes text given in pieces to a file, created or replaced whole: the text goes to a temporary
 * file beside the target, which is renamed over it only once every byte is on disk. A write that
 * fails part-way (disk full) leaves the old file as it was. Devices and pipes (`/dev/stdout`, a
 * FIFO) are written in place: they cannot be renamed over. Rejects with the file system's error.
 */
export async function writeFileChunks(file: string, chunks: Iterable<string>): Promise<void> {
  const target = await realTarget(file);
  if (target.special) {
    await streamToFile(target.path, chunks, 'w', false);
    return;
  }
  const tmp = join(dirname(target.path), `.${basename(target.path)}.${String(process.pid)}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await streamToFile(tmp, chunks, 'wx', true);
    await rename(tmp, target.path);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    // The user named the target, not the temporary file: say the target in the error.
    if (err instanceof Error) err.message = err.message.replaceAll(tmp, target.path);
    throw err;
  }
}

/**
 * Writes a file the user asked for, and when that fails saves the same text in the temp folder
 * instead, so output that took minutes to collect is never lost; the one-line error says where it went.
 * `chunks` is called again for the second attempt (a generator is spent by the first).
 */
export async function writeFileOrFallback(file: string, chunks: () => Iterable<string>, what: string): Promise<void> {
  try {
    await writeFileChunks(file, chunks());
  } catch (err) {
    const cause = errorMessage(err);
    let fallback: string;
    try {
      fallback = join(await mkdtemp(join(tmpdir(), 'mlcost-saved-')), basename(file) || 'output');
      await writeFileChunks(fallback, chunks());
    } catch (err2) {
      throw new UserError(`${file}: cannot write ${what} (${cause}); saving it in ${tmpdir()} failed too (${errorMessage(err2)})`);
    }
    throw new UserError(`${file}: cannot write ${what} (${cause}); saved it to ${fallback} instead`);
  }
}

/** Follows a symlink so the link stays a link; says whether the target is a device or pipe. */
async function realTarget(file: string): Promise<{ path: string; special: boolean }> {
  try {
    const path = await realpath(file);
    return { path, special: !(await stat(path)).isFile() };
  } catch {
    return { path: file, special: false };
  }
}

/** Streams the text into a file; a regular file is synced too, so a full disk fails here, not after the rename. */
async function streamToFile(file: string, chunks: Iterable<string>, flags: 'w' | 'wx', sync: boolean): Promise<void> {
  const out = createWriteStream(file, { encoding: 'utf8', flags });
  // The failed write reports the error (and out.errored keeps it); unheard, the 'error' event would crash the process.
  out.on('error', () => {
    // Heard here only so that it does not crash the process; the failed write rejects with it.
  });
  try {
    await writeChunks(out, chunks);
    out.end();
    await finished(out);
  } catch (err) {
    out.destroy();
    // A file that cannot be opened fails the first write with "stream destroyed"; the cause is out.errored.
    throw out.errored ?? err;
  }
  if (!sync) return;
  // fsync through a second descriptor: the stream has closed its own, and syncing any descriptor flushes the file.
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
