import { describe, expect, it } from 'vitest';
import { cleanText, guardCommandLines, neutraliseMentions, truncate } from '../../src/text/sanitize.js';

const ESC = '\u001b';

describe('cleanText', () => {
  it.each([
    ['clear screen and cursor home', `a${ESC}[2J${ESC}[Hb`, 'ab'],
    ['colour', `${ESC}[31;1mred${ESC}[0m`, 'red'],
    ['window title (OSC 0, BEL)', `x${ESC}]0;pwned\u0007y`, 'xy'],
    ['OSC 8 link (ST terminator)', `${ESC}]8;;https://evil.example${ESC}\\click${ESC}]8;;${ESC}\\`, 'click'],
    ['C1 CSI', '\u009b31mred', 'red'],
    ['terminal reset', `a${ESC}cb`, 'ab'],
    ['NUL, BEL, backspace, DEL', 'a\u0000b\u0007c\u0008d\u007fe', 'abcde'],
    ['bidi override and isolates', 'admin\u202etxt.exe\u2066x\u2069', 'admintxt.exex'],
  ])('strips %s', (_name, input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  it('flattens every kind of line break (and tabs) to one space', () => {
    expect(cleanText('a\r\nb\rc\nd\u2028e\u2029f\u0085g\th\v\fi')).toBe('a b c d e f g h i');
  });

  it('breaks GitHub workflow commands: `::` at the start (after spaces) and `##[` anywhere', () => {
    expect(cleanText('team\n::error title=x::boom')).toBe('team ::error title=x::boom');
    expect(cleanText('::add-mask::secret')).toBe(':\\:add-mask::secret');
    expect(cleanText('  ::warning::x')).toBe('  :\\:warning::x');
    expect(cleanText(':\u00ad:error::soft hyphen is ignored by the runner')).toBe(':\u00ad\\:error::soft hyphen is ignored by the runner');
    expect(cleanText('x ##[error]boom')).toBe('x ##\\[error]boom');
    expect(cleanText('x #\u200b#[set-env name=A]1')).toBe('x #\u200b#\\[set-env name=A]1');
  });

  it('leaves ordinary text alone: ARNs, IPv6, emoji sequences, accents, CJK', () => {
    for (const s of ['arn:aws:s3:::bucket', 'fe80::1', 'ml-team 👩‍👩‍👧 ❤️', 'équipe données', '機械学習', 'a:b', '# not a command [x]']) {
      expect(cleanText(s)).toBe(s);
    }
  });

  it('replaces a lone surrogate, keeps pairs', () => {
    expect(cleanText('a\ud800b')).toBe('a\ufffdb');
    expect(cleanText('a\udc00')).toBe('a\ufffd');
    expect(cleanText('😀')).toBe('😀');
  });

  it('truncates with an ellipsis after cleaning', () => {
    expect(cleanText('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(cleanText(`${ESC}[2J${'x'.repeat(9)}`, 10)).toBe('x'.repeat(9));
  });
});

describe('truncate', () => {
  it('keeps short text and never splits a surrogate pair', () => {
    expect(truncate('abc', 3)).toBe('abc');
    expect(truncate('abcd', 3)).toBe('ab…');
    expect(truncate('a😀bc', 3)).toBe('a…');
    expect(truncate('abc', 1)).toBe('…');
  });
});

describe('guardCommandLines', () => {
  it('breaks a command on any line of a whole output and leaves other lines as they are', () => {
    expect(guardCommandLines('ok\n::error::x\n  ::debug::y\nmid ##[error]z\nfine: a::b')).toBe(
      'ok\n:\\:error::x\n  :\\:debug::y\nmid ##\\[error]z\nfine: a::b',
    );
  });
});

describe('neutraliseMentions', () => {
  it('puts a word joiner after an @ that starts a mention, user or team', () => {
    expect(neutraliseMentions('ping @octocat and @my-org/ml-team')).toBe('ping @\u2060octocat and @\u2060my-org/ml-team');
    expect(neutraliseMentions('a @ b, @-x')).toBe('a @ b, @-x');
  });
});
