/**
 * How a value is laid out in a JSON document written in pieces:
 * - `line`: compact JSON, on its key's line;
 * - `indented`: two-space indented, as `JSON.stringify(value, null, 2)` would write it at its depth;
 * - `items`: an array with each item compact on a line of its own;
 * - an object: one key per line, each value laid out as `keys[key]`, else as `members`.
 */
export type JsonLayout = 'line' | 'indented' | 'items' | ObjectLayout;

export interface ObjectLayout {
  readonly members: JsonLayout;
  readonly keys?: Readonly<Record<string, JsonLayout>>;
}

/**
 * Yields one JSON document (and its final newline) in small pieces. A document whose big arrays
 * go one item per line never has to be one string (V8 caps strings at 512 MiB), still parses with
 * JSON.parse, and diffs and greps one item at a time. Keys whose value is undefined are left out,
 * as JSON.stringify leaves them out.
 */
export function* jsonChunks(value: unknown, layout: JsonLayout): Generator<string, void, undefined> {
  yield* valueChunks(value, layout, '');
  yield '\n';
}

function* valueChunks(value: unknown, layout: JsonLayout, indent: string): Generator<string, void, undefined> {
  if (layout === 'items' && Array.isArray(value)) yield* itemChunks(value, indent);
  else if (typeof layout === 'object' && isPlainRecord(value)) yield* memberChunks(value, layout, indent);
  else if (layout === 'indented') yield JSON.stringify(value, null, 2).replaceAll('\n', `\n${indent}`);
  else yield JSON.stringify(value);
}

function* itemChunks(items: readonly unknown[], indent: string): Generator<string, void, undefined> {
  yield '[';
  // JSON.stringify writes an undefined array item as null; so does this.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- JSON.stringify(undefined) is undefined, whatever its type says
  for (let i = 0; i < items.length; i++) yield `${i ? ',' : ''}\n${indent}  ${JSON.stringify(items[i]) ?? 'null'}`;
  yield items.length ? `\n${indent}]` : ']';
}

function* memberChunks(record: Record<string, unknown>, layout: ObjectLayout, indent: string): Generator<string, void, undefined> {
  const entries = Object.entries(record).filter(([, v]) => v !== undefined);
  yield '{\n';
  for (const [i, [key, value]] of entries.entries()) {
    yield `${indent}  ${JSON.stringify(key)}: `;
    yield* valueChunks(value, layout.keys?.[key] ?? layout.members, `${indent}  `);
    yield i < entries.length - 1 ? ',\n' : '\n';
  }
  yield `${indent}}`;
}

/** An object JSON.stringify writes key by key (not an array, not a Date or other toJSON value). */
function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}
