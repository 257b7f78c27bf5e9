import { lstatSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { WRITE_SIZE, writeChunks, writeFileChunks, writeFileOrFallback } from '../../src/write-chunks.js';
import { fullDirectory, type FullDirectory } from '../helpers/full-disk.js';

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

describe('files replaced whole or not at all', () => {
  const OLD = '{"last":"week"}\n';
  const big = () => lines(4 * linesPerWrite); // 256 KiB: more than the full disk could ever take
  let full: FullDirectory;
  beforeEach(() => {
    full = fullDirectory({ 'snap.json': OLD });
  });
  afterEach(() => {
    delete process.env['TMPDIR'];
    full.release();
  });
  const failure = () => (full.kind === 'tmpfs' ? /^ENOSPC: no space left on device/ : /^EACCES: permission denied/);

  it('a write that fails leaves the old file as it was, no temporary file behind, and names the target', async () => {
    const target = join(full.dir, 'snap.json');
    const err = await writeFileChunks(target, big()).catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(failure());
    expect((err as Error).message).not.toMatch(/\.tmp/);
    expect(readFileSync(target, 'utf8')).toBe(OLD);
    expect(readdirSync(full.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writeFileOrFallback saves the whole text in the temp folder and says where, wrapping the cause once', async () => {
    const target = join(full.dir, 'snap.json');
    const err = await writeFileOrFallback(target, big, 'snapshot').catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(UserError);
    const m = /^(.*): cannot write snapshot \((.*)\); saved it to (.*) instead$/.exec((err as Error).message);
    expect(m?.[1]).toBe(target);
    expect(m?.[2]).toMatch(failure());
    expect(m?.[2]).not.toMatch(/cannot write/);
    expect(readFileSync(m![3]!, 'utf8')).toBe(big().join(''));
    expect(m![3]!.startsWith(tmpdir())).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe(OLD);
  });

  it('when the temp folder cannot take it either, both causes are told', async () => {
    process.env['TMPDIR'] = full.dir;
    const err = await writeFileOrFallback(join(full.dir, 'snap.json'), big, 'output').catch((e: unknown) => e as Error);
    expect((err as Error).message).toMatch(
      new RegExp(`^${full.dir}/snap\\.json: cannot write output \\(E[A-Z]+: .*\\); saving it in ${full.dir} failed too \\(E[A-Z]+: `),
    );
  });

  it('replaces a file through a symlink, keeping the link, and writes devices in place', async () => {
    const target = join(dir, 'real.json');
    writeFileSync(target, OLD);
    symlinkSync(target, join(dir, 'link.json'));
    await writeFileChunks(join(dir, 'link.json'), ['new\n']);
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('new\n');
    await writeFileChunks('/dev/null', big());
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });
});
