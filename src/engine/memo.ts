/**
 * `compute` once per object, remembered while the object lives. For what is derived from something
 * shared across an audit: an index of the Snapshot built once, not per resource; a string of a
 * rule or a price that findings then share instead of each holding a copy.
 */
export function memoPerObject<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const values = new WeakMap<K, V>();
  return (key) => {
    if (values.has(key)) return values.get(key) as V;
    const value = compute(key);
    values.set(key, value);
    return value;
  };
}
