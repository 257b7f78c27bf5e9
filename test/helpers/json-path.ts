/**
 * Reads and edits parsed JSON by a dotted path ("resources.ec2Instances.0.state"), for tests that
 * check a written document or turn a valid one into an old or broken one: it stays `unknown`, never `any`.
 */
export function getPath(doc: unknown, path: string): unknown {
  let node = doc;
  for (const key of path.split('.')) {
    if (!isContainer(node)) return undefined;
    node = node[key];
  }
  return node;
}

/** Sets the value at `path`; throws when its parent is missing, so a test's edit never silently misses. */
export function setPath(doc: unknown, path: string, value: unknown): void {
  const { node, key } = parentOf(doc, path);
  node[key] = value;
}

export function deletePath(doc: unknown, path: string): void {
  const { node, key } = parentOf(doc, path);
  // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- removing a key by path is this helper's job
  delete node[key];
}

function parentOf(doc: unknown, path: string): { node: Record<string, unknown>; key: string } {
  const keys = path.split('.');
  const key = keys.pop()!;
  const node = keys.length === 0 ? doc : getPath(doc, keys.join('.'));
  if (!isContainer(node)) throw new Error(`${keys.join('.')} is not an object or array`);
  return { node, key };
}

function isContainer(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
