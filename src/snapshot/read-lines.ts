import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { z } from 'zod';
import { UserError, errorMessage } from '../errors.js';
import { isUpgradable, migrateResource, migrateSnapshot } from './migrate.js';
import { RESOURCE_LIST_SCHEMAS, SNAPSHOT_SCHEMA_VERSION, SnapshotSchema, type Snapshot } from './schema.js';
import { implausibleValue, snapshotProblem, UniqueResources } from './semantic-checks.js';
import { validateResource, type ResourceList } from './validate-item.js';

/*
 * Files above this size are validated in place (validate-item.ts); smaller ones by zod, since
 * compiling the in-place validator costs ~100 ms. One way per file, never both: the two leave
 * number arrays in different internal forms, and code that meets both converts the compact
 * ones to the boxed form (measured: 100k resources grew by ~95 boxed numbers per finding).
 */
const IN_PLACE_FROM_BYTES = 4 * 2 ** 20;
/**
 * The longest line read (docs/data-contracts.md "Limits"): a resource line of the largest GPU box is well under
 * 1 MiB. Without a bound, `/dev/zero` or a 600 MB one-line file grows one string until V8 throws.
 */
export const MAX_LINE_CHARS = 32 * 2 ** 20;
const LIST_START = /^ {4}"(\w+)": \[$/;
const ITEM = /^ {6}(\{.*\}),?$/;
const VERSION = /^ {2}"schemaVersion": (\d+),$/;

/**
 * Reads a Snapshot in the layout writeSnapshot writes (one resource per line), one line at a
 * time: each resource is parsed and validated on its own, so the file never becomes one string
 * (V8 caps strings at 512 MiB) and the raw and validated copies of the whole fleet never coexist.
 * Errors name the file's line. Snapshots of older versions are upgraded a resource at a time, as
 * they are read. Returns undefined when the file is in any other layout.
 */
export async function readLineLayout(file: string, describeIssue: (error: z.ZodError) => string): Promise<Snapshot | undefined> {
  const validate = (await stat(file)).size >= IN_PLACE_FROM_BYTES ? validateResource : validateResourceByZod;
  const input = createReadStream(file, { encoding: 'utf8' });
  const lines = boundedLines(input, MAX_LINE_CHARS);
  const skeleton: string[] = [];
  const items = new Map<string, unknown[]>();
  let list: ResourceList | undefined;
  let inResources = false;
  let lineNo = 0;
  let version = Number.NaN;
  const unique = new UniqueResources();
  try {
    for await (const line of lines) {
      lineNo++;
      if (lineNo === 1 && line !== '{') return undefined;
      if (lineNo === 2) {
        version = Number(VERSION.exec(line)?.[1]);
        if (version !== SNAPSHOT_SCHEMA_VERSION && !isUpgradable(version)) return undefined;
      }
      const item = list !== undefined ? ITEM.exec(line) : null;
      if (item) {
        const parsed = items.get(list!)!;
        parsed.push(parseItem(item[1]!, list!, parsed.length, `${file}:${lineNo}`, { version, validate, describeIssue, unique }));
        skeleton.push('');
        continue;
      }
      if (line === '  "resources": {') inResources = true;
      else if (line.startsWith('  }')) inResources = false;
      const start = inResources ? LIST_START.exec(line) : null;
      list = start && isResourceList(start[1]!) ? start[1] : line.startsWith('    ]') ? undefined : list;
      if (list !== undefined && !items.has(list)) items.set(list, []);
      skeleton.push(line);
    }
  } catch (err) {
    if (err instanceof UserError) throw err;
    if (err instanceof LineTooLong) {
      // A first line that is not `{` alone is another layout (minified JSON is one line): the whole-file reader decides.
      if (lineNo === 0 && err.start.trimStart().startsWith('{')) return undefined;
      throw new UserError(
        lineNo === 0 && !/^\s*\{/.test(err.start)
          ? `${file}:1:1: not valid JSON (a Snapshot starts with '{', this file with ${JSON.stringify(err.start.slice(0, 8))})`
          : `${file}:${String(lineNo + 1)}: line longer than ${String(MAX_LINE_CHARS / 2 ** 20)} MiB: not a Snapshot (see docs/data-contracts.md "Limits")`,
      );
    }
    throw new UserError(`${file}: cannot read snapshot (${errorMessage(err)})`);
  } finally {
    input.destroy();
  }
  if (lineNo < 2) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(skeleton.join('\n'));
  } catch {
    return undefined; // not the layout after all: the whole-file reader reports where it breaks
  }
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) migrateSnapshot(raw as Record<string, unknown>);
  const parsed = SnapshotSchema.safeParse(raw);
  if (!parsed.success) throw new UserError(`${file}: invalid snapshot: ${describeIssue(parsed.error)}`);
  // Resources read line by line were checked as they came; this covers the rest (prices, scope).
  const problem = snapshotProblem(parsed.data, unique);
  if (problem !== undefined) throw new UserError(`${file}: invalid snapshot: ${problem}`);
  const resources = parsed.data.resources as Record<string, unknown[]>;
  for (const [name, list] of items) {
    if (list.length === 0) continue;
    if (resources[name]?.length) return undefined; // a list mixing layouts: let the whole-file reader have it
    resources[name] = list;
  }
  return parsed.data;
}

class LineTooLong extends Error {
  /** The line's first characters, to tell a file that is not JSON at all. */
  constructor(readonly start: string) {
    super('line too long');
  }
}

/** Lines of a text stream (CRLF or LF), refusing one longer than `maxChars` instead of growing it without end. */
async function* boundedLines(input: AsyncIterable<string>, maxChars: number): AsyncGenerator<string, void, undefined> {
  let partial = '';
  for await (const chunk of input) {
    let start = 0;
    for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', start)) {
      const line = partial + chunk.slice(start, nl);
      partial = '';
      yield line.endsWith('\r') ? line.slice(0, -1) : line;
      start = nl + 1;
    }
    partial += chunk.slice(start);
    if (partial.length > maxChars) throw new LineTooLong(partial.slice(0, 64));
  }
  if (partial !== '') yield partial.endsWith('\r') ? partial.slice(0, -1) : partial;
}

function isResourceList(name: string): name is ResourceList {
  return name in RESOURCE_LIST_SCHEMAS;
}

function validateResourceByZod(list: ResourceList, raw: unknown): z.ZodSafeParseResult<unknown> {
  return RESOURCE_LIST_SCHEMAS[list].safeParse(raw);
}

interface ItemChecks {
  /** The file's schemaVersion: older resources are upgraded before they are validated. */
  version: number;
  validate: (list: ResourceList, raw: unknown) => z.ZodSafeParseResult<unknown>;
  describeIssue: (error: z.ZodError) => string;
  /** The same semantic checks on this path as on the whole-file one (semantic-checks.ts). */
  unique: UniqueResources;
}

function parseItem(text: string, list: ResourceList, index: number, where: string, { version, validate, describeIssue, unique }: ItemChecks): unknown {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new UserError(`${where}: not valid JSON (${errorMessage(err).split('\n')[0]})`);
  }
  if (version !== SNAPSHOT_SCHEMA_VERSION) migrateResource(list, raw, version);
  const parsed = validate(list, raw);
  const at = `resources.${list}[${String(index)}]`;
  if (!parsed.success) throw new UserError(`${where}: invalid snapshot: ${at}.${describeIssue(parsed.error).replace(/^\(root\): /, '')}`);
  const bad = implausibleValue(parsed.data);
  if (bad !== undefined) throw new UserError(`${where}: invalid snapshot: ${at}.${bad.replace(/^\(root\): /, '')}`);
  const dup = unique.duplicate(list, parsed.data, where);
  if (dup !== undefined) throw new UserError(`${where}: invalid snapshot: ${dup}`);
  return parsed.data;
}
