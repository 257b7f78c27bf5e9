import type { Writable } from 'node:stream';
import { ExitCode, UserError } from '../errors.js';
import { writeChunks } from '../write-chunks.js';

let readerGone = false;

/**
 * oclif listens for stdout 'error' events and rethrows all but EPIPE, which makes a full disk
 * (`> /dev/full`) an uncaught exception: a stack trace and exit 1, the "gate failed" code. Every
 * write mlcost makes to stdout goes through writeStdout, which handles the failure at the write
 * itself; the event then needs a listener that does not throw.
 */
export function handleStdoutErrorsAtTheWrite(stream: Writable = process.stdout): void {
  stream.removeAllListeners('error');
  stream.on('error', () => undefined);
}

/**
 * Writes the requested output to stdout in pieces, each write waiting until stdout has taken the
 * last. When the reader has closed the pipe (`mlcost audit -o json | head -1`) it has what it
 * wanted: output stops quietly and the command goes on to its exit code. Any other failure (a
 * full disk, a closed descriptor) is the user's one-line error, exit 2.
 */
export async function writeStdout(chunks: Iterable<string>, stream: Writable = process.stdout): Promise<void> {
  if (readerGone) return;
  try {
    await writeChunks(stream, chunks);
  } catch (err) {
    const { code, message } = err as { code?: unknown; message?: unknown };
    if (code === 'EPIPE') {
      readerGone = true;
      return;
    }
    throw new UserError(`cannot write the output to stdout (${typeof message === 'string' ? message : String(code)})`, ExitCode.usage);
  }
}
