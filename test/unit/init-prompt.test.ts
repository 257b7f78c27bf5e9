import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { splitRegions, yesNo } from '../../src/init/answers.js';
import { Prompter } from '../../src/init/prompt.js';

function prompter(): { p: Prompter; input: PassThrough; shown: () => string } {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (d: Buffer) => (text += d.toString()));
  return { p: new Prompter(input, output), input, shown: () => text };
}

describe('the init prompt', () => {
  it('keeps answers typed ahead of their questions, and an empty answer takes the default', async () => {
    const { p, input, shown } = prompter();
    input.write('first\n\nthird\n');
    expect(await p.ask('one')).toBe('first');
    expect(await p.ask('two', 'dflt')).toBe('dflt');
    expect(await p.ask('three')).toBe('third');
    expect(shown()).toBe('one: two [dflt]: three: ');
    p.close();
  });

  it('asks again until the answer parses, saying why', async () => {
    const { p, input, shown } = prompter();
    input.write('maybe\nyes\n');
    const v = await p.askUntil('sure?', 'n', (a) => {
      const b = yesNo(a, false);
      return b === undefined ? { ok: false, why: 'answer y or n' } : { ok: true, value: b };
    });
    expect(v).toBe(true);
    expect(shown()).toBe('sure? [n]:   answer y or n\nsure? [n]: ');
    p.close();
  });

  it('fails, rather than waits, when input ends before the answers do', async () => {
    const { p, input } = prompter();
    input.end('only one\n');
    expect(await p.ask('one')).toBe('only one');
    await expect(p.ask('two')).rejects.toThrow('input ended before every question was answered');
  });

  it('splits regions on commas and spaces; reads y/n answers', () => {
    expect(splitRegions(' us-east-1, us-west-2 eu-west-1,,')).toEqual(['us-east-1', 'us-west-2', 'eu-west-1']);
    expect([yesNo('Y', false), yesNo('no', true), yesNo('', true), yesNo('later', true)]).toEqual([true, false, true, undefined]);
  });
});
