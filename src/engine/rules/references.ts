import { readFileSync } from 'node:fs';
import type { ASTNode, Environment } from '@marcbachmann/cel-js';
import { isNode, type Node } from 'yaml';
import type { z } from 'zod';
import { locate, type YamlSource } from '../../config/yaml-file.js';
import { UserError } from '../../errors.js';
import { resourceTypeRow, type ResourceType } from '../../snapshot/resources.js';
import { nearest } from './nearest.js';

/** What a rule's `when` and `problem` may name under each root: `resource.X`, `signals.X`, `params.X`. */
export interface KnownKeys {
  type: ResourceType;
  /** The resource type's entry schema: nested reads (`resource.metrics.cpu.p95`) are checked against it. */
  schema: z.ZodType;
  resource: readonly string[];
  signals: readonly string[];
  params: readonly string[];
}

type Root = 'resource' | 'signals' | 'params';
const ROOTS: ReadonlySet<string> = new Set<Root>(['resource', 'signals', 'params']);

interface Reference {
  root: Root;
  key: string;
  /** Keys read below `key`, in order (`metrics.cpu.p95` gives key `metrics`, path `[cpu, p95]`). */
  path: readonly string[];
  /** The text to look for in the rule file to place the reference on its line. */
  needle: string;
  /** Offset in the expression or template, for source order. */
  pos: number;
}

export function knownKeys(type: ResourceType, params: readonly string[]): KnownKeys {
  const row = resourceTypeRow(type);
  return { type, schema: row.schema, resource: Object.keys(row.schema.shape), signals: Object.keys(row.signals.keys), params };
}

/**
 * A typo in a rule (`signals.gpuCuont`) would otherwise load and only fail, resource by resource,
 * as a rule-error warning at run time. Every key under the three roots is checked here, at load,
 * against the resource type's schema (nested fields too), its documented signals and the rule's params.
 */
export function checkReferences(src: YamlSource, env: Environment, when: string, problem: string, known: KnownKeys): void {
  const sections: [string, Reference[]][] = [
    ['when', celReferences(env.parse(when).ast)],
    ['problem', templateReferences(problem)],
  ];
  const stray = strayPlaceholder(problem);
  if (stray !== undefined) {
    throw new UserError(
      `${where(src, 'problem', `{${stray}}`, 0)}: unknown placeholder {${stray}} in "problem": placeholders name resource.X, signals.X or params.X (it would print "?")`,
    );
  }
  for (const [field, refs] of sections) {
    const seen = new Map<string, number>();
    for (const ref of refs) {
      const nth = seen.get(ref.needle) ?? 0;
      seen.set(ref.needle, nth + 1);
      const valid = known[ref.root];
      if (valid.includes(ref.key)) {
        const deeper = ref.root === 'resource' ? unknownNestedKey(known.schema, [ref.key, ...ref.path]) : undefined;
        if (!deeper) continue;
        const name = ['resource', ...deeper.path].join('.');
        throw new UserError(
          `${where(src, field, ref.needle, nth)}: unknown ${name} in "${field}": ${what(ref.root, known.type)} (${hintFor(deeper.bad, deeper.valid)})`,
        );
      }
      throw new UserError(
        `${where(src, field, ref.needle, nth)}: unknown ${ref.root}.${ref.key} in "${field}": ${what(ref.root, known.type)} (${hintFor(ref.key, valid)})`,
      );
    }
  }
}

function hintFor(key: string, valid: readonly string[]): string {
  const guess = nearest(key, valid);
  return guess !== undefined ? `did you mean ${guess}?` : valid.length ? `known: ${valid.join(', ')}` : `there are none`;
}

// Wrappers that keep an object's keys; a pipe is checked on its input side, what the Snapshot holds.
const TRANSPARENT: ReadonlySet<string> = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

interface SchemaDef {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  catchall?: z.ZodType;
}

/**
 * The first key of a nested read the schema has no field for, with the path up to it and the
 * keys that were possible there. Reads through a record, array, union or open object are not
 * judged: any key may exist there.
 */
function unknownNestedKey(schema: z.ZodType, keys: readonly string[]): { path: string[]; bad: string; valid: string[] } | undefined {
  let node: z.ZodType = schema;
  for (let i = 0; i < keys.length; i++) {
    let def = node.def as SchemaDef;
    while (TRANSPARENT.has(def.type) || def.type === 'pipe') {
      const inner = def.type === 'pipe' ? def.in : def.innerType;
      if (!inner) return undefined;
      node = inner;
      def = node.def;
    }
    if (def.type !== 'object' || (def.catchall && (def.catchall.def as SchemaDef).type !== 'never')) return undefined;
    const shape = (node as z.ZodObject).shape as Record<string, z.ZodType | undefined>;
    const key = keys[i]!;
    const next = shape[key];
    if (!next) return { path: keys.slice(0, i + 1), bad: key, valid: Object.keys(shape) };
    node = next;
  }
  return undefined;
}

function what(root: Root, type: ResourceType): string {
  if (root === 'params') return 'the rule declares no such param under params';
  if (root === 'signals') return `${type} has no such signal (see \`mlcost rules explain\` or docs/rules.md, "Signal reference")`;
  return `a ${type} in the Snapshot has no such field`;
}

/** `root.key` reads in a parsed CEL expression, in source order. */
function celReferences(ast: ASTNode): Reference[] {
  const out: Reference[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
      return;
    }
    if (!isAst(node)) return;
    const chain = fieldChain(node);
    if (chain) {
      out.push(chain);
      return;
    }
    visit(node.args);
  };
  visit(ast);
  return out.sort((a, b) => a.pos - b.pos);
}

/** `root.a.b.c` (with `.?` anywhere) read as one reference: root, first key, the keys below, and its source text. */
function fieldChain(node: ASTNode): Reference | undefined {
  const keys: string[] = [];
  let text = '';
  let cur: ASTNode = node;
  while (cur.op === '.' || cur.op === '.?') {
    const [target, key] = cur.args as [unknown, string];
    keys.unshift(key);
    text = `${cur.op}${key}${text}`;
    if (!isAst(target)) return undefined;
    cur = target;
  }
  if (cur.op !== 'id' || typeof cur.args !== 'string' || !ROOTS.has(cur.args) || !keys.length) return undefined;
  return { root: cur.args as Root, key: keys[0]!, path: keys.slice(1), needle: `${cur.args}${text}`, pos: node.pos };
}

function isAst(v: unknown): v is ASTNode {
  return typeof v === 'object' && v !== null && 'op' in v && 'args' in v;
}

/** `{root.key…}` placeholders of a problem template (the same pattern src/engine/interpolate.ts fills). */
function templateReferences(template: string): Reference[] {
  const out: Reference[] = [];
  for (const m of template.matchAll(/\{([a-zA-Z][\w.]*)\}/g)) {
    const [root, key, ...path] = m[1]!.split('.');
    if (root !== undefined && key !== undefined && ROOTS.has(root)) out.push({ root: root as Root, key, path, needle: m[1]!, pos: m.index });
  }
  return out;
}

/** The first `{…}` placeholder that names no key under resource, signals or params (`{foo}`, `{signals}`). */
function strayPlaceholder(template: string): string | undefined {
  for (const m of template.matchAll(/\{([a-zA-Z][\w.]*)\}/g)) {
    const [root, key] = m[1]!.split('.');
    if (root === undefined || key === undefined || !ROOTS.has(root)) return m[1];
  }
  return undefined;
}

/** `file:line:col` of the nth occurrence of the reference inside the field's YAML node; the field's own line otherwise. */
function where(src: YamlSource, field: string, needle: string, nth: number): string {
  const node: unknown = src.doc.get(field, true);
  const range = isNode(node) ? (node as Node).range : undefined;
  if (range) {
    let text: string;
    try {
      text = readFileSync(src.file, 'utf8');
    } catch {
      return locate(src, [field]);
    }
    let at = range[0] - 1;
    for (let i = 0; i <= nth; i++) {
      at = text.indexOf(needle, at + 1);
      if (at < 0 || at >= range[2]) return locate(src, [field]);
    }
    const { line, col } = src.lines.linePos(at);
    return `${src.file}:${line}:${col}`;
  }
  return locate(src, [field]);
}
