/**
 * `compute` once per object, remembered while the object lives. For what is derived from something
 * shared across an audit: an index of the Snapshot built once, not per resource; a string of a
 * rule or a price that findings then share instead of each holding a copy.
 */
/**
 * A cache keyed by two strings (a region and an instance type, say), for what every instance of a
 * type in a region shares: `get(a, b, compute)` computes once per pair, then answers from memory.
 */
export function pairCache<V>(): (a: string, b: string, compute: () => V) => V {
  const byA = new Map<string, Map<string, V>>();
  return (a, b, compute) => {
    let byB = byA.get(a);
    if (!byB) byA.set(a, (byB = new Map<string, V>()));
    if (!byB.has(b)) byB.set(b, compute());
    return byB.get(b) as V;
  };
}

export function memoPerObject<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const values = new WeakMap<K, V>();
  return (key) => {
    if (values.has(key)) return values.get(key) as V;
    const value = compute(key);
    values.set(key, value);
    return value;
  };
}
