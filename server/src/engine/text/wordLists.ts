/**
 * Reading the word lists of seeds/language/*.json (format: seeds/schema/language.schema.json). The files are
 * imported statically, so the engine stays pure; callers build their Sets, Maps and matchers once, at module load.
 */

/** The list's words as a Set. */
export function wordSet(list: { readonly words: readonly string[] }): Set<string> {
  return new Set(list.words);
}

/** The list's values as a Map, in the written order. */
export function valueMap<V>(list: { readonly values: Readonly<Record<string, V>> }): Map<string, V> {
  return new Map(Object.entries(list.values));
}

/** Lower-cases ASCII letters only: what a regular expression's `i` flag does when its words are ASCII. */
export function asciiLower(text: string): string {
  return /[A-Z]/.test(text) ? text.replace(/[A-Z]+/g, (m) => m.toLowerCase()) : text;
}

/** A test on a string, shaped like a regular expression's. */
export interface PrefixMatcher {
  test(text: string): boolean;
}

/**
 * A test for a string that starts with one of the list's words (`match: "prefix"` lists), the same as the
 * alternation `/^(a|b|c)/` it replaces (with `ignoreCase`, `/^(a|b|c)/i`): the engine builds no RegExp
 * from data, so the words are compared directly, grouped by their first letter.
 */
export function prefixMatcher(list: { readonly words: readonly string[] }, ignoreCase = false): PrefixMatcher {
  const byFirst = new Map<string, string[]>();
  let longest = 0;
  for (const word of list.words) {
    const group = byFirst.get(word[0]);
    if (group) group.push(word);
    else byFirst.set(word[0], [word]);
    longest = Math.max(longest, word.length);
  }
  return {
    test(text: string): boolean {
      const head = ignoreCase ? asciiLower(text.slice(0, longest)) : text;
      const group = byFirst.get(head.charAt(0));
      return group !== undefined && group.some((word) => head.startsWith(word));
    },
  };
}
