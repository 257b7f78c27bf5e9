import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { WRITE_SIZE, writeChunks, writeFileChunks } from '../../src/write-chunks.js';

const dir = mkdtempSync(join(tmpdir(), 'mlcost-chunks-'));
/** Lines of 1 KiB; WRITE_SIZE is a multiple of it. */
const lines = (n: number) => Array.from({ length: n }, (_, i) => `${String(i).padStart(1023, '.')}\n`);
const linesPerWrite = WRITE_SIZE / 1024;

/** A stream that takes each write a tick later and remembers the most text it ever held unwritten. */
function slowSink() {
  const writes: string[] = [];
  let mostHeld = 0;
  const stream: Writable = new Writable({
    decodeStrings: false,
    write(chunk: string, _encoding, done) {
      mostHeld = Math.max(mostHeld, stream.writableLength);
      setImmediate(() => {
        writes.push(chunk);
        done();
      });
    },
  });
  return { stream, writes, mostHeld: () => mostHeld };
}

describe('writing text in pieces', () => {
  it('writes every byte in order, WRITE_SIZE a write, waiting for the stream to take each one', async () => {
    const chunks = lines(2.5 * linesPerWrite);
    const sink = slowSink();
    await writeChunks(sink.stream, chunks);
    expect(sink.writes.join('')).toBe(chunks.join(''));
    expect(sink.writes.map((w) => w.length)).toEqual([WRITE_SIZE, WRITE_SIZE, WRITE_SIZE / 2]);
    expect(sink.mostHeld()).toBe(WRITE_SIZE);
  });

  it('stops at the first failed write and rejects with its error', async () => {
    let pulled = 0;
    const failing = new Writable({
      write: (_chunk, _encoding, done) => {
        done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    failing.on('error', () => {
      // The rejected write carries the error; this only keeps it from crashing the process.
    });
    const chunks = (function* () {
      for (const line of lines(100 * linesPerWrite)) {
        pulled++;
        yield line;
      }
    })();
    await expect(writeChunks(failing, chunks)).rejects.toMatchObject({ code: 'EPIPE' });
    expect(pulled).toBe(linesPerWrite);
  });

  it('writes a file, and reports one it cannot open with the file system error', async () => {
    const file = join(dir, 'out.txt');
    await writeFileChunks(file, lines(3 * linesPerWrite + 7));
    expect(readFileSync(file, 'utf8')).toBe(lines(3 * linesPerWrite + 7).join(''));
    await expect(writeFileChunks(join(dir, 'no-such-dir', 'out.txt'), ['x'])).rejects.toThrow(/^ENOENT: no such file or directory, open /);
  });
});
