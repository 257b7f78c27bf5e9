import { isNode } from 'yaml';
import { readYaml, validateYaml, type YamlSource } from '../config/yaml-file.js';
import { BudgetSchema, type Budget } from './budget-schema.js';

/** Where a budget setting is written, so a broken budget can point at its line. */
export interface SourceLocation {
  /** `mlcost.budget.yaml:12`, or the flag that set the limit (`--fail-on-new`). */
  label: string;
  file?: string;
  line?: number;
}

export type Locate = (path: readonly (string | number)[]) => SourceLocation;

export interface LoadedBudget {
  budget: Budget;
  locate: Locate;
}

/** Reads and validates mlcost.budget.yaml; a syntax or schema error names `file:line:col` (exit 2). */
export async function loadBudget(file: string): Promise<LoadedBudget> {
  const src = await readYaml(file);
  const budget = validateYaml(src, BudgetSchema, 'budget');
  return { budget, locate: (path) => locateIn(src, path) };
}

/** The line of the node at a path, or of its nearest parent written in the file. */
function locateIn(src: YamlSource, path: readonly (string | number)[]): SourceLocation {
  for (let n = path.length; n > 0; n--) {
    const node = src.doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) {
      const line = src.lines.linePos(node.range[0]).line;
      return { label: `${src.file}:${line}`, file: src.file, line };
    }
  }
  return { label: src.file, file: src.file };
}

/** A limit set by a flag has no line to point at. */
export function flagLocation(flag: string): SourceLocation {
  return { label: flag };
}
