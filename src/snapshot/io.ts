import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { z } from 'zod';
import { UserError, errorMessage } from '../errors.js';
import { jsonChunks, type JsonLayout } from '../json-layout.js';
import { writeFileOrFallback } from '../write-chunks.js';
import { migrateSnapshot } from './migrate.js';
import { readLineLayout } from './read-lines.js';
import { snapshotProblem } from './semantic-checks.js';
import { SNAPSHOT_SCHEMA_VERSION, SnapshotSchema, type Snapshot, type SnapshotInput } from './schema.js';

/** Reads and validates a Snapshot; every failure is one line naming the file and what to do. */
export async function readSnapshot(file: string): Promise<Snapshot> {
  let text: string;
  try {
    const streamed = await readLineLayout(file, describeIssue);
    if (streamed) return streamed;
    text = await readBoundedText(file, 'a Snapshot in any layout but the one `mlcost collect` writes (one resource per line)');
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(`${file}: cannot read snapshot (${errorMessage(err)})`);
  }
  return parseSnapshot(text, file);
}

export function parseSnapshot(text: string, file: string): Snapshot {
  const raw = parseJson(text, file);
  const version = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? migrateSnapshot(raw as Record<string, unknown>) : undefined;
  if (version === undefined || Number.isNaN(version) || version > SNAPSHOT_SCHEMA_VERSION) {
    const found = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)['schemaVersion'] : undefined;
    throw new UserError(
      `${file}: unsupported snapshot schemaVersion ${JSON.stringify(found)} (this mlcost reads versions 1 to ${SNAPSHOT_SCHEMA_VERSION}); re-collect it with \`mlcost collect\` or upgrade mlcost`,
    );
  }
  const parsed = SnapshotSchema.safeParse(raw);
  if (!parsed.success) throw new UserError(`${file}: invalid snapshot: ${describeIssue(parsed.error)}`);
  const problem = snapshotProblem(parsed.data);
  if (problem !== undefined) throw new UserError(`${file}: invalid snapshot: ${problem}`);
  return parsed.data;
}

/** Small parts one per line, each resource list one resource per line: the layout readLineLayout reads back. */
const SNAPSHOT_LAYOUT: JsonLayout = { members: 'line', keys: { resources: { members: 'items' } } };

/**
 * Writes a Snapshot as JSON with one resource per line, streamed: a large fleet never becomes one
 * string (V8 caps strings at 512 MiB, which 100,000 instances with per-GPU series can pass), and
 * the file still diffs and greps one resource at a time. A file that cannot be written is saved in
 * the temp folder instead (collecting took minutes) and the one-line error says where.
 */
export async function writeSnapshot(file: string, snapshot: SnapshotInput): Promise<void> {
  await writeFileOrFallback(file, () => jsonChunks(snapshot, SNAPSHOT_LAYOUT), 'snapshot');
}

/** Reads and parses a JSON file; `what` names it in the one-line error when it cannot be read. */
export async function readJsonFile(file: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readBoundedText(file, `an ${what}`);
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(`${file}: cannot read ${what} (${errorMessage(err)})`);
  }
  return parseJson(text, file);
}

/**
 * The most a file read whole may hold (docs/data-contracts.md "Limits"). V8 cannot make a string over 512 MiB
 * and JSON.parse needs several times the text in memory; the line-layout reader has no such limit.
 */
export const MAX_WHOLE_FILE_BYTES = 256 * 2 ** 20;

/** Reads a file whole, refusing one over MAX_WHOLE_FILE_BYTES; devices and pipes (`/dev/zero`) are read up to that bound. */
async function readBoundedText(file: string, what: string): Promise<string> {
  const tooLarge = (): UserError =>
    new UserError(`${file}: larger than ${String(MAX_WHOLE_FILE_BYTES / 2 ** 20)} MiB, the most mlcost reads of ${what} (see docs/data-contracts.md "Limits")`);
  const info = await stat(file);
  if (info.isFile()) {
    if (info.size > MAX_WHOLE_FILE_BYTES) throw tooLarge();
    return readFile(file, 'utf8');
  }
  const parts: Buffer[] = [];
  let bytes = 0;
  const input = createReadStream(file);
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > MAX_WHOLE_FILE_BYTES) throw tooLarge();
      parts.push(chunk);
    }
  } finally {
    input.destroy();
  }
  return Buffer.concat(parts).toString('utf8');
}

/** JSON.parse with the error turned into `file:line:col: message`. */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const reason = errorMessage(err)
      .replace(/ in JSON at position.*$/s, '')
      .split('\n')[0];
    const where = jsonErrorPosition(text, errorMessage(err));
    throw new UserError(`${file}${where ? `:${where.line}:${where.col}` : ''}: not valid JSON (${reason})`);
  }
}

/**
 * Node 20's JSON.parse names a position for some errors only; for the rest, YAML's JSON-schema
 * parser (YAML 1.2 is a superset of JSON) finds the same fault with a line and column.
 */
function jsonErrorPosition(text: string, message: string): { line: number; col: number } | undefined {
  // Required here, on the error path only: every Snapshot read (audit --demo included) would otherwise load the YAML parser.
  const { LineCounter, parseDocument } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  const lines = new LineCounter();
  const pos = /position (\d+)/.exec(message)?.[1];
  if (pos !== undefined) {
    lines.addNewLine(0);
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') lines.addNewLine(i + 1);
    return lines.linePos(Number(pos));
  }
  const doc = parseDocument(text, { schema: 'json', lineCounter: lines, prettyErrors: false });
  const first = doc.errors[0];
  return first ? lines.linePos(first.pos[0]) : undefined;
}

/** The first schema issue as `path.to.field: message`, which is what a person fixes first. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'unknown schema error';
  const path = issue.path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : '';
  return `${path || '(root)'}: ${issue.message}${more}`;
}
