import type { Token } from './tokens';
import { tokenize, wordHash } from './tokens';

/** A phrase found in a token sequence: tokens `[first, last]` inclusive, offsets of their text. */
export interface PhraseMatch<T> {
  first: number;
  last: number;
  start: number;
  end: number;
  value: T;
}

interface TrieNode<T> {
  /** A hash of the word path to this node (`pathKey` over its words' hashes); the root's is 0. */
  key: number;
  next: Map<string, TrieNode<T>>;
  values: T[];
}

/** The key of the node reached from the node keyed `parent` by a word with hash `hash`. */
const pathKey = (parent: number, hash: number): number => Math.imul(parent, 0x9e3779b1) ^ hash;

/** The filter key that marks the node keyed `key` as ending a phrase. */
const endKey = (key: number): number => Math.imul(key ^ 0x2545f491, 0x85ebca6b);

/** The normalised words of a phrase as the matcher compares them (punctuation dropped). */
export function phraseKeys(phrase: string): string[] {
  return tokenize(phrase)
    .filter((t) => t.kind !== 'punct')
    .map((t) => t.norm);
}

/** Gaps allowed inside a phrase: white space, a hyphen, or a dot/apostrophe glued to both words (U.S.). */
function gapIsTransparent(text: string, from: number, to: number): boolean {
  if (from === to) return true;
  let sawMark = false;
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (ch === ' ' || ch === '\t' || ch === '\u00A0' || ch === '\n' || ch === '\r') continue;
    if (sawMark) return false;
    if (ch === '-' || ch === '\u2010' || ch === '\u2011') {
      sawMark = true;
      continue;
    }
    if ((ch === '.' || ch === '/') && to - from === 1) return true;
    // "U.S.-led": a full stop closing an abbreviation, then the hyphen
    if (ch === '.' && i === from && to - from === 2 && /[-\u2010\u2011]/.test(text[i + 1])) return true;
    return false;
  }
  return true;
}

/**
 * Literal multi-word phrase matching over tokens, by a trie of normalised words. Phrases match across
 * white space, line breaks and hyphens ("narco terrorist" = "narco-terrorist"), never across other
 * punctuation. Values are data only: no user-supplied regular expressions are ever compiled.
 */
export class PhraseMatcher<T> {
  private readonly root: TrieNode<T> = { key: 0, next: new Map(), values: [] };
  private nodeCount = 1;
  private phraseCount = 0;
  /**
   * A Bloom filter of the trie, addressed by path keys: bit `node.key & mask` is set for every node and bit
   * `endKey(node.key) & mask` for every node that ends a phrase. A clear bit proves that a word path leads
   * nowhere, or ends no phrase, without touching the trie's maps. Rebuilt after additions; small enough to
   * stay in cache, unlike the maps.
   */
  private filter: Uint32Array | undefined;
  private filterMask = 0;

  /** Adds `phrase` (written as in prose) with `value`. Returns false for a phrase with no words. */
  add(phrase: string, value: T): boolean {
    return this.addKeys(phraseKeys(phrase), value);
  }

  /** Adds an already normalised word sequence. */
  addKeys(keys: readonly string[], value: T): boolean {
    if (keys.length === 0) return false;
    let node = this.root;
    for (const key of keys) {
      let child = node.next.get(key);
      if (!child) {
        child = { key: pathKey(node.key, wordHash(key)), next: new Map(), values: [] };
        this.nodeCount++;
        node.next.set(key, child);
      }
      node = child;
    }
    if (!node.values.includes(value)) node.values.push(value);
    this.phraseCount++;
    this.filter = undefined;
    return true;
  }

  /** The trie filter for the phrases added so far: about 32 bits per node, at most 16 KB. */
  private trieFilter(): Uint32Array {
    if (this.filter) return this.filter;
    const wanted = Math.min(Math.max(this.nodeCount * 32, 1024), 1 << 17);
    const mask = 2 ** Math.ceil(Math.log2(wanted)) - 1;
    const filter = new Uint32Array((mask + 1) >>> 5);
    const set = (bit: number): void => {
      filter[bit >>> 5] |= 1 << (bit & 31);
    };
    const pending: TrieNode<T>[] = [this.root];
    for (let node = pending.pop(); node; node = pending.pop()) {
      set(node.key & mask);
      if (node.values.length > 0) set(endKey(node.key) & mask);
      for (const child of node.next.values()) pending.push(child);
    }
    this.filterMask = mask;
    this.filter = filter;
    return filter;
  }

  get size(): number {
    return this.phraseCount;
  }

  /** The values of exactly the normalised word sequence `keys` (empty when it is no phrase). */
  valuesOf(keys: readonly string[]): readonly T[] {
    let node: TrieNode<T> | undefined = this.root;
    for (const key of keys) {
      node = node.next.get(key);
      if (!node) return [];
    }
    return node.values;
  }

  /**
   * Every phrase occurrence in `tokens` (punctuation tokens are skipped but break phrases), in order of
   * start and longest first at each start. `text` is the text the tokens index into.
   */
  findAll(text: string, tokens: readonly Token[]): PhraseMatch<T>[] {
    const matches: PhraseMatch<T>[] = [];
    const root = this.root.next;
    const filter = this.trieFilter();
    const mask = this.filterMask;
    const mayHold = (key: number): boolean => (filter[(key & mask) >>> 5] & (1 << (key & 31))) !== 0;
    for (let i = 0; i < tokens.length; i++) {
      const first = tokens[i];
      if (first.kind === 'punct') continue;
      const key = pathKey(0, first.hash);
      if (!mayHold(key)) continue;
      if (!mayHold(endKey(key))) {
        // no one-word phrase: a phrase starting here needs the next word to continue it ("the" + "regime")
        let k = i + 1;
        while (k < tokens.length && tokens[k].kind === 'punct') k++;
        if (k >= tokens.length || !mayHold(pathKey(key, tokens[k].hash))) continue;
      }
      let node = root.get(first.norm);
      if (!node) continue;
      const added = matches.length;
      let j = i;
      for (;;) {
        for (const value of node.values) matches.push({ first: i, last: j, start: first.start, end: tokens[j].end, value });
        let k = j + 1;
        while (k < tokens.length && tokens[k].kind === 'punct') k++;
        if (k >= tokens.length || !mayHold(pathKey(node.key, tokens[k].hash)) || !gapIsTransparent(text, tokens[j].end, tokens[k].start))
          break;
        const next: TrieNode<T> | undefined = node.next.get(tokens[k].norm);
        if (!next) break;
        node = next;
        j = k;
      }
      // longest first at this start: the matches were found shortest first
      for (let a = added, b = matches.length - 1; a < b; a++, b--) {
        const swap = matches[a];
        matches[a] = matches[b];
        matches[b] = swap;
      }
    }
    return matches;
  }
}

/**
 * Keeps, among overlapping matches, the one that starts first and is longest; later overlapping matches
 * are dropped. Input order does not matter.
 */
export function longestNonOverlapping<T>(matches: PhraseMatch<T>[]): PhraseMatch<T>[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: PhraseMatch<T>[] = [];
  let reach = -1;
  for (const m of sorted) {
    if (m.start < reach) continue;
    kept.push(m);
    reach = m.end;
  }
  return kept;
}
