import { readFileSync } from 'node:fs';
import type { ASTNode, Environment } from '@marcbachmann/cel-js';
import { isNode, type Node } from 'yaml';
import { locate, type YamlSource } from '../../config/yaml-file.js';
import { UserError } from '../../errors.js';
import { resourceTypeRow, type ResourceType } from '../../snapshot/resources.js';
import { nearest } from './nearest.js';

/** What a rule's `when` and `problem` may name under each root: `resource.X`, `signals.X`, `params.X`. */
export interface KnownKeys {
  type: ResourceType;
  resource: readonly string[];
  signals: readonly string[];
  params: readonly string[];
}

type Root = 'resource' | 'signals' | 'params';
const ROOTS: ReadonlySet<string> = new Set<Root>(['resource', 'signals', 'params']);

interface Reference {
  root: Root;
  key: string;
  /** The text to look for in the rule file to place the reference on its line. */
  needle: string;
  /** Offset in the expression or template, for source order. */
  pos: number;
}

export function knownKeys(type: ResourceType, params: readonly string[]): KnownKeys {
  const row = resourceTypeRow(type);
  return { type, resource: Object.keys(row.schema.shape), signals: Object.keys(row.signals.keys), params };
}

/**
 * A typo in a rule (`signals.gpuCuont`) would otherwise load and only fail, resource by resource,
 * as a rule-error warning at run time. Every first-level key under the three roots is checked here,
 * at load, against the resource type's schema, its documented signals and the rule's params.
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
      if (valid.includes(ref.key)) continue;
      const guess = nearest(ref.key, valid);
      const hint = guess !== undefined ? `did you mean ${guess}?` : valid.length ? `known: ${valid.join(', ')}` : `there are none`;
      throw new UserError(`${where(src, field, ref.needle, nth)}: unknown ${ref.root}.${ref.key} in "${field}": ${what(ref.root, known.type)} (${hint})`);
    }
  }
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
    if ((node.op === '.' || node.op === '.?') && isAst(node.args[0]) && node.args[0].op === 'id' && ROOTS.has(node.args[0].args)) {
      const root = node.args[0].args as Root;
      out.push({ root, key: node.args[1], needle: `${root}${node.op}${node.args[1]}`, pos: node.pos });
      return;
    }
    visit(node.args);
  };
  visit(ast);
  return out.sort((a, b) => a.pos - b.pos);
}

function isAst(v: unknown): v is ASTNode {
  return typeof v === 'object' && v !== null && 'op' in v && 'args' in v;
}

/** `{root.key…}` placeholders of a problem template (the same pattern src/engine/interpolate.ts fills). */
function templateReferences(template: string): Reference[] {
  const out: Reference[] = [];
  for (const m of template.matchAll(/\{([a-zA-Z][\w.]*)\}/g)) {
    const [root, key] = m[1]!.split('.');
    if (root !== undefined && key !== undefined && ROOTS.has(root)) out.push({ root: root as Root, key, needle: `${root}.${key}`, pos: m.index });
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
