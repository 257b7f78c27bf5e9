import { describe, expect, it } from 'vitest';
import { jsonChunks, type JsonLayout } from '../../src/json-layout.js';

const text = (value: unknown, layout: JsonLayout) => Array.from(jsonChunks(value, layout)).join('');

describe('JSON documents written in pieces', () => {
  const doc = { version: 1, skipped: undefined, meta: { a: [1, 2], b: { c: 'x\ny' } }, rows: [{ id: 1 }, { id: 2, tags: ['t'] }], none: [] };

  it.each<[string, JsonLayout]>([
    ['line', 'line'],
    ['indented', 'indented'],
    ['items at the top', { members: 'items' }],
    ['nested', { members: 'indented', keys: { rows: 'items', meta: { members: 'line' } } }],
  ])('parse back to what JSON.stringify writes (%s)', (_, layout) => {
    expect(JSON.parse(text(doc, layout))).toEqual(JSON.parse(JSON.stringify(doc)));
  });

  it('indented parts are laid out exactly as JSON.stringify(value, null, 2) at their depth', () => {
    expect(text(doc, 'indented')).toBe(`${JSON.stringify(doc, null, 2)}\n`);
    expect(text(doc, { members: 'indented' })).toBe(`${JSON.stringify(doc, null, 2)}\n`);
  });

  it('puts each item of an `items` array on its own line, and an empty one on its key line', () => {
    expect(text(doc, { members: 'line', keys: { rows: 'items' } })).toBe(
      [
        '{',
        '  "version": 1,',
        '  "meta": {"a":[1,2],"b":{"c":"x\\ny"}},',
        '  "rows": [',
        '    {"id":1},',
        '    {"id":2,"tags":["t"]}',
        '  ],',
        '  "none": []',
        '}',
        '',
      ].join('\n'),
    );
    expect(text({ rows: [] }, { members: 'items' })).toBe('{\n  "rows": []\n}\n');
  });

  it('writes undefined items as null and leaves out undefined keys, as JSON.stringify does', () => {
    expect(JSON.parse(text({ list: [1, undefined, 3], gone: undefined }, { members: 'items' }))).toEqual({ list: [1, null, 3] });
  });

  it('lays out what is not an array or a plain object on one line, whatever it was asked', () => {
    const when = new Date('2026-11-20T00:00:00Z');
    expect(text({ when, n: 3, s: 'x' }, { members: 'items', keys: { when: { members: 'items' } } })).toBe(
      '{\n  "when": "2026-11-20T00:00:00.000Z",\n  "n": 3,\n  "s": "x"\n}\n',
    );
  });
});
