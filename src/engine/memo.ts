/**
 * `compute` once per object, remembered while the object lives. For strings and figures derived
 * from something shared across an audit (a rule, a price), so findings share one copy.
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
