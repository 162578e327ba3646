/**
 * Reading the word lists of seeds/language/*.json (format: seeds/schema/language.schema.json). The files are
 * imported statically, so the engine stays pure; callers build their Sets, Maps and patterns once, at module load.
 */

/** A list of words (`words`) or a map of words to values (`values`), as written in a seeds/language file. */
export interface WordListData<V = unknown> {
  readonly description: string;
  readonly example?: string;
  readonly match?: string;
  readonly words?: readonly string[];
  readonly values?: Readonly<Record<string, V>>;
}

/** The list's words as a Set. */
export function wordSet(list: { readonly words: readonly string[] }): Set<string> {
  return new Set(list.words);
}

/** The list's values as a Map, in the written order. */
export function valueMap<V>(list: { readonly values: Readonly<Record<string, V>> }): Map<string, V> {
  return new Map(Object.entries(list.values));
}

const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A pattern matching a string that starts with one of the list's words (`match: "prefix"` lists): the words
 * come from a bundled file and are escaped, so it is the same pattern as the alternation it replaces.
 */
export function prefixPattern(list: { readonly words: readonly string[] }, flags = ''): RegExp {
  return new RegExp(`^(?:${alternation(list.words)})`, flags);
}

/** The words as an alternation for a pattern (`a|b|c`), each escaped: for a fixed bundled list only. */
export function alternation(words: readonly string[]): string {
  return words.map(escape).join('|');
}
