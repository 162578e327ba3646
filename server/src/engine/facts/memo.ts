/**
 * `compute(key)`, remembered for as long as `key` lives: what the fact checks build once per slot, fact or
 * sentence (a slot's unit words, a fact's passage tokens, a sentence's numbers).
 */
export function memo<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    const known = cache.get(key);
    if (known !== undefined || cache.has(key)) return known as V;
    const value = compute(key);
    cache.set(key, value);
    return value;
  };
}
