import { readFile, writeFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { UserError, errorMessage } from '../errors.js';
import { SNAPSHOT_SCHEMA_VERSION, SnapshotSchema, type Snapshot, type SnapshotInput } from './schema.js';

/** Reads and validates a Snapshot; every failure is one line naming the file and what to do. */
export async function readSnapshot(file: string): Promise<Snapshot> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new UserError(`${file}: cannot read snapshot (${errorMessage(err)})`);
  }
  return parseSnapshot(text, file);
}

export function parseSnapshot(text: string, file: string): Snapshot {
  const raw = parseJson(text, file);
  const version = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)['schemaVersion'] : undefined;
  if (version !== SNAPSHOT_SCHEMA_VERSION) {
    throw new UserError(
      `${file}: unsupported snapshot schemaVersion ${JSON.stringify(version)} (this mlcost reads version ${SNAPSHOT_SCHEMA_VERSION}); re-collect it with \`mlcost collect\``,
    );
  }
  const parsed = SnapshotSchema.safeParse(raw);
  if (!parsed.success) throw new UserError(`${file}: invalid snapshot: ${describeIssue(parsed.error)}`);
  return parsed.data;
}

export async function writeSnapshot(file: string, snapshot: SnapshotInput): Promise<void> {
  await writeFile(file, `${JSON.stringify(snapshot, null, 2)}\n`, 'utf8');
}

/** JSON.parse with the error turned into `file:line:col: message`. */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const reason = errorMessage(err).replace(/ in JSON at position.*$/s, '').split('\n')[0];
    const where = jsonErrorPosition(text, errorMessage(err));
    throw new UserError(`${file}${where ? `:${where.line}:${where.col}` : ''}: not valid JSON (${reason})`);
  }
}

/**
 * Node 20's JSON.parse names a position for some errors only; for the rest, YAML's JSON-schema
 * parser (YAML 1.2 is a superset of JSON) finds the same fault with a line and column.
 */
function jsonErrorPosition(text: string, message: string): { line: number; col: number } | undefined {
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
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : '';
  return `${path || '(root)'}: ${issue.message}${more}`;
}
