import { readFile, writeFile } from 'node:fs/promises';
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
    const msg = errorMessage(err);
    const pos = /position (\d+)/.exec(msg);
    if (pos?.[1]) {
      const offset = Number(pos[1]);
      const before = text.slice(0, offset);
      const line = before.split('\n').length;
      const col = offset - before.lastIndexOf('\n');
      throw new UserError(`${file}:${line}:${col}: not valid JSON (${msg.replace(/ in JSON at position.*$/, '')})`);
    }
    throw new UserError(`${file}: not valid JSON (${msg})`);
  }
}

/** The first schema issue as `path.to.field: message`, which is what a person fixes first. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'unknown schema error';
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : '';
  return `${path || '(root)'}: ${issue.message}${more}`;
}
