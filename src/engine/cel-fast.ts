// Over 250 lines on purpose: the CEL compiler and the runtime checks its generated code calls must change together.
import type { ASTNode } from '@marcbachmann/cel-js';

/**
 * Compiles the plain shape rule conditions take to one JavaScript function per condition: field
 * reads on maps, `&&` `||` `!` `?:`, comparisons and arithmetic on numbers, strings and bools,
 * `in` over a list of strings, the `all`/`exists` macros over lists, and our native functions.
 *
 * cel-js stays the parser, the type checker and the reference. A condition using anything else
 * is not compiled, and compiled code defers to cel-js — by throwing — whenever a value leaves
 * those plain cases (a missing key, a null, a non-bool operand, a list or map where a value was
 * expected), so whatever it returns is what cel-js returns, and errors, absorbed or not, are
 * cel-js's. test/unit/cel-fast.test.ts holds the two equal over every built-in rule and the edge
 * cases. It assumes what our contexts are: getters without side effects (a root is read once, on
 * entry, and call arguments left to right, where cel-js reads them right to left) and an
 * Object.prototype nobody has added keys to.
 *
 * Why: over 100,000 resources cel-js's interpreter was ~27% of a cold evaluate (bench/README.md).
 * Why generated source rather than nested closures: closures measured ~0.8 µs per condition,
 * since every field read went through one shared, megamorphic `o[key]`; generated code reads
 * `o["key"]` at its own site, as Ajv's generated validators do. Nothing from the expression
 * reaches the source but JSON-quoted keys: literals and functions are passed in by index.
 */
export type FastProgram = (variables: Readonly<Record<string, unknown>>) => unknown;

/** A function the environment registers, which compiled code may call directly. */
export interface NativeFunction {
  params: readonly ('list' | 'dyn')[];
  returns: 'int' | 'double' | 'bool' | 'string';
  impl: (...args: never[]) => unknown;
}

export interface FastCompileOptions {
  /** Variables declared as `map`: the only roots compiled code reads. */
  mapVariables: ReadonlySet<string>;
  functions: ReadonlyMap<string, NativeFunction>;
}

/** Thrown (not an Error: no stack to capture) when cel-js must answer instead. */
const DEFER: object = Object.freeze({ defer: true });
const defer = (): never => {
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- a marker, caught by isDeferral; an Error would capture a stack per deferral
  throw DEFER;
};
export const isDeferral = (err: unknown): boolean => err === DEFER;

type Primitive = string | number | bigint | boolean;
const isPrimitive = (v: unknown): v is Primitive => {
  const t = typeof v;
  return t === 'number' || t === 'string' || t === 'boolean' || t === 'bigint';
};
const isNumeric = (v: unknown): v is number | bigint => typeof v === 'number' || typeof v === 'bigint';
/** `x` itself when `x` and `y` can be ordered: two numbers, two strings or two bools. */
const ordered = (x: unknown, y: unknown): Primitive => {
  if (isNumeric(x) ? isNumeric(y) : (typeof x === 'string' || typeof x === 'boolean') && typeof x === typeof y) return x as Primitive;
  return defer();
};
/**
 * A map as cel-js sees one: it goes by `constructor` (Object, or none), so an object holding a
 * key named "constructor" is not one to it; the prototype check keeps plain reads to own keys.
 */
const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (v === null || typeof v !== 'object') return false;
  const { constructor } = v as { constructor?: unknown };
  if (constructor !== Object && constructor !== undefined) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};
const isList = (v: unknown): v is unknown[] => Array.isArray(v) && v.constructor === Array;
/** A value cel-js accepts wherever it meets one (Maps, Sets, bytes and timestamps are left to it). */
const isValue = (v: unknown): boolean => v === null || isPrimitive(v) || isPlainObject(v) || isList(v);
/**
 * What cel-js checks of a list handed to a function: it types the list by its first element,
 * that element by its own first value, and so on down.
 */
const isTypeable = (v: unknown): boolean => {
  if (isList(v)) return v.length === 0 || isTypeable(v[0]);
  if (isPlainObject(v)) {
    for (const key in v) return isTypeable(v[key]);
    return true;
  }
  return isValue(v);
};

/** What generated code calls; each checks its operands and defers when they are not plain. */
const RUNTIME = {
  /** A map to read a key of. */
  map: (v: unknown): Record<string, unknown> => (isPlainObject(v) ? v : defer()),
  /** A field read or a list element: a missing key (undefined) is cel-js's error to raise. */
  value: (v: unknown): unknown => (isValue(v) ? v : defer()),
  bool: (v: unknown): boolean => (typeof v === 'boolean' ? v : defer()),
  num: (v: unknown): number => (typeof v === 'number' ? v : defer()),
  list: (v: unknown): unknown[] => (isList(v) ? v : defer()),
  /** A list argument of a native function. */
  typedList: (v: unknown): unknown[] => (isList(v) && isTypeable(v) ? v : defer()),
  primitive: (v: unknown): Primitive => (isPrimitive(v) ? v : defer()),
  /**
   * Two primitives of one type, or two numbers: cel-js compares an int with a double by value
   * (`==`, for a dyn side; two literals of different types do not type-check). Null and values
   * of different kinds stay with cel-js.
   */
  equal(x: unknown, y: unknown): boolean {
    if (!isPrimitive(x) || !isPrimitive(y)) return defer();
    if (typeof x === typeof y) return x === y;
    if (isNumeric(x) && isNumeric(y)) return x == y;
    return defer();
  },
  /** cel-js orders two numbers (int or double, mixed too), two strings or two bools with JavaScript's operators. */
  '<': (x: unknown, y: unknown): boolean => ordered(x, y) < (y as Primitive),
  '<=': (x: unknown, y: unknown): boolean => ordered(x, y) <= (y as Primitive),
  '>': (x: unknown, y: unknown): boolean => ordered(x, y) > (y as Primitive),
  '>=': (x: unknown, y: unknown): boolean => ordered(x, y) >= (y as Primitive),
  /** A string in a list of strings; any other element or needle goes to cel-js. */
  includes(x: unknown, list: unknown): boolean {
    if (typeof x !== 'string' || !isList(list)) return defer();
    let found = false;
    for (const item of list) {
      if (typeof item !== 'string') return defer();
      if (item === x) found = true;
    }
    return found;
  },
  /**
   * all() is false at the first false, exists() true at the first true. cel-js agrees: one
   * deciding element absorbs errors in the others, and a defer sends the rest to cel-js anyway.
   * It checks each element it visits, outside that absorption, so an odd one defers here.
   */
  all(items: unknown, test: (item: unknown) => unknown): boolean {
    const list = RUNTIME.list(items);
    // By index, as cel-js's quantifiers walk a list (not by its iterator).
    // eslint-disable-next-line @typescript-eslint/prefer-for-of -- see above
    for (let i = 0; i < list.length; i++) if (!RUNTIME.bool(test(RUNTIME.value(list[i])))) return false;
    return true;
  },
  exists(items: unknown, test: (item: unknown) => unknown): boolean {
    const list = RUNTIME.list(items);
    // eslint-disable-next-line @typescript-eslint/prefer-for-of -- by index, as in all() above
    for (let i = 0; i < list.length; i++) if (RUNTIME.bool(test(RUNTIME.value(list[i])))) return true;
    return false;
  },
  returns: (v: unknown, type: string): unknown => (typeof v === type ? v : defer()),
};
type Runtime = typeof RUNTIME;

const RETURNS: Record<NativeFunction['returns'], string> = { int: 'bigint', double: 'number', bool: 'boolean', string: 'string' };
const RELATIONAL = new Set(['<', '<=', '>', '>=']);
const ARITHMETIC = new Set(['+', '-', '*', '/']);

/** Compiles `ast`, or returns undefined when it uses something only cel-js evaluates. */
export function compileFast(ast: ASTNode, options: FastCompileOptions): FastProgram | undefined {
  try {
    const gen = new Generator(options);
    const body = gen.expression(ast, new Map());
    if (body === undefined) return undefined;
    const roots = [...gen.roots].map(([name, source]) => `const ${source} = R.map(v[${JSON.stringify(name)}]);`).join('\n');
    // See the file comment: keys are JSON-quoted, every value is passed in by index.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- compiling rules to JS is this module's job
    const factory = new Function('R', 'K', `"use strict";\nreturn function rule(v) {\n${roots}\nreturn ${body};\n};`) as (
      r: Runtime,
      k: readonly unknown[],
    ) => FastProgram;
    return factory(RUNTIME, gen.constants);
  } catch {
    // A condition nested deeper than the generator's recursion or V8's parser allows: cel-js alone.
    return undefined;
  }
}

class Generator {
  readonly constants: unknown[] = [];
  /** Root variables read, by name, and the JavaScript constant each is held in. */
  readonly roots = new Map<string, string>();
  /** Each macro's variable gets a JavaScript name of its own, even where CEL reuses a name. */
  private macros = 0;
  constructor(private readonly options: FastCompileOptions) {}

  private constant(value: unknown): string {
    this.constants.push(value);
    return `K[${this.constants.length - 1}]`;
  }

  /** JavaScript source for `node`, or undefined when cel-js must evaluate the condition. */
  expression(node: ASTNode, locals: ReadonlyMap<string, string>): string | undefined {
    const sub = (n: ASTNode) => this.expression(n, locals);
    const both = (a: ASTNode, b: ASTNode, join: (x: string, y: string) => string) => {
      const x = sub(a);
      const y = sub(b);
      return x !== undefined && y !== undefined ? join(x, y) : undefined;
    };
    switch (node.op) {
      case 'value':
        return isPrimitive(node.args) ? this.constant(node.args) : undefined;
      case 'id':
        return this.identifier(node.args, locals);
      case '.': {
        const target = sub(node.args[0]);
        // Object.prototype's own names would be found by a plain read where cel-js finds no key.
        if (target === undefined || node.args[1] in Object.prototype) return undefined;
        const key = JSON.stringify(node.args[1]);
        // Roots were checked to be maps once, on entry.
        const map = [...this.roots.values()].includes(target) ? target : `R.map(${target})`;
        return `R.value(${map}[${key}])`;
      }
      case '!_': {
        const x = sub(node.args);
        return x && `!R.bool(${x})`;
      }
      case '-_': {
        const x = sub(node.args);
        return x && `(-R.num(${x}))`;
      }
      case '&&':
      case '||':
        // The left side decides alone when it can; otherwise the right side must be a bool.
        return both(node.args[0], node.args[1], (x, y) => `(R.bool(${x}) ${node.op} R.bool(${y}))`);
      case '?:': {
        const [c, a, b] = node.args.map(sub);
        return c && a && b && `(R.bool(${c}) ? ${a} : ${b})`;
      }
      case '==':
      case '!=':
        return both(node.args[0], node.args[1], (x, y) => `${node.op === '!=' ? '!' : ''}R.equal(${x}, ${y})`);
      case 'in':
        return both(node.args[0], node.args[1], (x, y) => `R.includes(${x}, ${y})`);
      case 'call':
        return this.call(node.args[0], node.args[1], locals);
      case 'rcall':
        return this.macro(node.args[0], node.args[1], node.args[2], locals);
      default:
        if (RELATIONAL.has(node.op)) {
          const [a, b] = node.args as [ASTNode, ASTNode];
          return both(a, b, (x, y) => `R[${JSON.stringify(node.op)}](${x}, ${y})`);
        }
        // Doubles only: int arithmetic checks overflow, which is cel-js's to do.
        if (ARITHMETIC.has(node.op)) {
          const [a, b] = node.args as [ASTNode, ASTNode];
          return both(a, b, (x, y) => `(R.num(${x}) ${node.op} R.num(${y}))`);
        }
        return undefined;
    }
  }

  private identifier(name: string, locals: ReadonlyMap<string, string>): string | undefined {
    const local = locals.get(name);
    if (local !== undefined) return local;
    if (!this.options.mapVariables.has(name)) return undefined;
    const root = this.roots.get(name) ?? `r${this.roots.size}`;
    this.roots.set(name, root);
    return root;
  }

  private call(name: string, argNodes: readonly ASTNode[], locals: ReadonlyMap<string, string>): string | undefined {
    const fn = this.options.functions.get(name);
    if (fn?.params.length !== argNodes.length) return undefined;
    const args = argNodes.map((n, i) => {
      const x = this.expression(n, locals);
      return x && `R.${fn.params[i] === 'list' ? 'typedList' : 'primitive'}(${x})`;
    });
    if (args.some((a) => a === undefined)) return undefined;
    return `R.returns(${this.constant(fn.impl)}(${args.join(', ')}), ${this.constant(RETURNS[fn.returns])})`;
  }

  /** `list.all(x, p)` and `list.exists(x, p)` over arrays; maps and other macros go to cel-js. */
  private macro(name: string, receiver: ASTNode, argNodes: readonly ASTNode[], locals: ReadonlyMap<string, string>): string | undefined {
    const [variable, predicate] = argNodes;
    if ((name !== 'all' && name !== 'exists') || argNodes.length !== 2 || variable?.op !== 'id' || !predicate) return undefined;
    const list = this.expression(receiver, locals);
    const param = `x${this.macros++}`;
    const test = this.expression(predicate, new Map(locals).set(variable.args, param));
    return list && test && `R.${name}(${list}, (${param}) => ${test})`;
  }
}

/** Runs compiled code, and cel-js whenever compiled code defers (or anything in it throws). */
export function withReference(fast: FastProgram, reference: FastProgram): FastProgram {
  return (variables) => {
    try {
      const result = fast(variables);
      if (typeof result === 'boolean') return result;
    } catch {
      // A defer, or an error inside a native function or getter: cel-js decides what it means.
    }
    return reference(variables);
  };
}
