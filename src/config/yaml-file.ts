import { readFile } from 'node:fs/promises';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { UserError, errorMessage } from '../errors.js';

export interface YamlSource {
  file: string;
  doc: Document;
  lines: LineCounter;
}

/** Parses YAML text; a syntax error names `file:line:col`. */
export function parseYaml(text: string, file: string): YamlSource {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const pos = first.linePos?.[0] ?? lines.linePos(first.pos[0]);
    throw new UserError(`${file}:${pos.line}:${pos.col}: invalid YAML: ${first.message.split('\n')[0]}`);
  }
  return { file, doc, lines };
}

export async function readYaml(file: string): Promise<YamlSource> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new UserError(`${file}: cannot read (${errorMessage(err)})`);
  }
  return parseYaml(text, file);
}

/** `file:line` of the node at a path, or of the nearest parent that exists. */
export function locate(src: YamlSource, path: readonly PropertyKey[]): string {
  for (let n = path.length; n >= 0; n--) {
    const node = src.doc.getIn(path.slice(0, n) as unknown[], true);
    if (isNode(node) && node.range) {
      const { line, col } = src.lines.linePos(node.range[0]);
      return `${src.file}:${line}:${col}`;
    }
  }
  return `${src.file}:1`;
}

/** Validates a parsed YAML document against a schema; the first problem names its line. */
export function validateYaml<S extends z.ZodType>(src: YamlSource, schema: S, what: string): z.infer<S> {
  const parsed = schema.safeParse(src.doc.toJS() ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue?.path ?? [];
  const dotted = path.map(String).join('.');
  throw new UserError(`${locate(src, path)}: invalid ${what}: ${dotted ? `${dotted}: ` : ''}${issue?.message ?? 'schema error'}`);
}
