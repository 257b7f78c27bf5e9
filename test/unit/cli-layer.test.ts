import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { refuseLiveOnlyFlags } from '../../src/cli/aws-flags.js';
import { wantsColor } from '../../src/cli/color.js';
import { chosenFormat } from '../../src/cli/flags.js';
import { checkOutWritable } from '../../src/cli/out-file.js';
import { Stderr } from '../../src/cli/stderr.js';
import { writeStdout } from '../../src/cli/stdout.js';
import { closest } from '../../src/cli/suggest.js';
import { editDistance } from '../../src/text/edit-distance.js';
import { outputWidth } from '../../src/cli/width.js';
import { UserError } from '../../src/errors.js';

describe('colour: NO_COLOR and FORCE_COLOR', () => {
  it.each([
    [{ isTTY: false }, { FORCE_COLOR: '1' }, true],
    [{ isTTY: false }, { FORCE_COLOR: 'true' }, true],
    [{ isTTY: true }, { FORCE_COLOR: '1', TERM: 'dumb' }, true],
    [{ isTTY: true }, { FORCE_COLOR: '0' }, false],
    [{ isTTY: true }, { FORCE_COLOR: 'false' }, false],
    [{ isTTY: false }, { FORCE_COLOR: '' }, false],
    [{ isTTY: true }, { FORCE_COLOR: '', NO_COLOR: '' }, true],
    [{ isTTY: true }, { FORCE_COLOR: '1', NO_COLOR: '1' }, false],
  ])('%o with %o → %s', (stream, env, expected) => {
    expect(wantsColor(stream, env)).toBe(expected);
  });
});

describe('the nearest command', () => {
  const commands = ['audit', 'collect', 'gate', 'report', 'spend', 'permissions', 'rules list', 'rules explain'];
  it.each([
    ['audt', 'audit'],
    ['aduit', 'audit'],
    ['colect', 'collect'],
    ['perm', 'permissions'],
    ['rules lst', 'rules list'],
    ['rules explian', 'rules explain'],
    ['frobnicate', undefined],
    ['x', undefined],
  ])('%s → %s', (typed, expected) => {
    expect(closest(typed, commands)).toBe(expected);
  });

  it('edit distance counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('gate', 'gate')).toBe(0);
  });
});

describe('stderr lines', () => {
  const sink = (quiet: boolean) => {
    const lines: string[] = [];
    return { lines, stderr: new Stderr(quiet, { write: (chunk: string) => lines.push(chunk) }) };
  };

  it('--quiet drops progress and summary lines and keeps warnings', () => {
    const loud = sink(false);
    const quiet = sink(true);
    for (const { stderr } of [loud, quiet]) {
      stderr.info('wrote report.html');
      stderr.warn('mlcost: warning: region denied');
    }
    expect(loud.lines).toEqual(['wrote report.html\n', 'mlcost: warning: region denied\n']);
    expect(quiet.lines).toEqual(['mlcost: warning: region denied\n']);
  });

  it('a warning quoting a tag value stays one inert line: no escape sequence, no workflow command', () => {
    const { lines, stderr } = sink(false);
    stderr.warn('mlcost: warning: team "x\n::error title=pwned::boom\u001b]0;title\u0007\u202e"');
    stderr.info('::add-mask::secret');
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      // eslint-disable-next-line no-control-regex -- looking for control characters is the point
      expect(line.slice(0, -1)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
      expect(line).not.toMatch(/^::|\n::/);
    }
  });
});

describe('flags', () => {
  it('--json picks json; otherwise --output', () => {
    expect(chosenFormat({ output: 'table', json: true })).toBe('json');
    expect(chosenFormat({ output: 'csv', json: false })).toBe('csv');
    expect(chosenFormat({ output: 'markdown' })).toBe('markdown');
  });

  it('live-read flags are refused offline; with --billing the access flags stay', () => {
    expect(() => {
      refuseLiveOnlyFlags({ demo: true, limit: 50 }, '--demo', false);
    }).not.toThrow();
    expect(() => {
      refuseLiveOnlyFlags({ org: true }, '--demo', false);
    }).toThrow(new UserError('--org applies only when reading AWS live, not with --demo; drop it'));
    expect(() => {
      refuseLiveOnlyFlags({ profile: 'ml', region: 'us-east-1', 'endpoint-url': 'http://127.0.0.1:1' }, '--snapshot', true);
    }).not.toThrow();
    expect(() => {
      refuseLiveOnlyFlags({ profile: 'ml', region: 'us-east-1' }, '--snapshot', false);
    }).toThrow(/^--profile, --region apply only/);
  });

  it('the table width is the terminal’s, else 160', () => {
    expect(outputWidth({ isTTY: true, columns: 93 })).toBe(93);
    expect(outputWidth({ isTTY: false, columns: 93 })).toBe(160);
    expect(outputWidth({})).toBe(160);
  });
});

describe('--out checked before the work', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'mlcost-out-check-'));

  it('a writable path passes and leaves no probe file behind', async () => {
    writeFileSync(join(tmp, 'existing.json'), '{}');
    await checkOutWritable(join(tmp, 'new.json'));
    await checkOutWritable(join(tmp, 'existing.json'));
    expect(readdirSync(tmp)).toEqual(['existing.json']);
  });

  it('a missing directory, a directory, or a file as the directory: one UserError each', async () => {
    await expect(checkOutWritable(join(tmp, 'nope', 'a.json'))).rejects.toThrow(
      `--out ${join(tmp, 'nope', 'a.json')}: the directory ${join(tmp, 'nope')} does not exist`,
    );
    await expect(checkOutWritable(tmp)).rejects.toThrow(`--out ${tmp}: is a directory; give a file name`);
    await expect(checkOutWritable(join(tmp, 'existing.json', 'a.json'))).rejects.toThrow(`${join(tmp, 'existing.json')} is not a directory`);
  });
});

describe('stdout failures', () => {
  const failing = (code: string) =>
    new Writable({
      write(_chunk, _encoding, callback) {
        callback(Object.assign(new Error(`${code}: it failed, write`), { code }));
      },
    }).on('error', () => undefined);

  it('a full disk is a usage error (exit 2) naming the cause', async () => {
    const err = await writeStdout(['text'], failing('ENOSPC')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err).toMatchObject({ exitCode: 2, message: 'cannot write the output to stdout (ENOSPC: it failed, write)' });
  });

  it('a closed pipe ends the output quietly, and later writes are skipped', async () => {
    await expect(writeStdout(['text'], failing('EPIPE'))).resolves.toBeUndefined();
    await expect(writeStdout(['more'], failing('ENOSPC'))).resolves.toBeUndefined();
  });
});
