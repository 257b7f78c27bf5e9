import { describe, expect, it } from 'vitest';
import { chunks, tokenPages } from '../../src/collect/paging.js';

describe('tokenPages', () => {
  it('follows nextToken until a page has none, sending each page the token the last one returned', async () => {
    const sent: (string | undefined)[] = [];
    const answers = [{ nextToken: 'a' }, { nextToken: 'b' }, {}];
    const got = [];
    for await (const page of tokenPages((token) => {
      sent.push(token);
      return Promise.resolve(answers[sent.length - 1] ?? {});
    }))
      got.push(page);
    expect(sent).toEqual([undefined, 'a', 'b']);
    expect(got).toHaveLength(3);
  });

  it('stops when a page returns the token it was sent, instead of asking for it forever', async () => {
    let calls = 0;
    for await (const page of tokenPages(() => {
      calls += 1;
      return Promise.resolve({ nextToken: 'same' });
    }))
      expect(page.nextToken).toBe('same');
    expect(calls).toBe(2);
  });
});

describe('chunks', () => {
  it('splits a list into runs of at most the size, in order', () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunks([], 100)).toEqual([]);
  });
});
