/** Word, number and punctuation tokens of prose, with offsets into the original text. */

export type TokenKind = 'word' | 'number' | 'punct';

export interface Token {
  start: number;
  end: number;
  /** The token as written. */
  text: string;
  /** Lower-cased, typographic apostrophes folded to `'`, a trailing possessive `'s`/`'` removed. */
  norm: string;
  kind: TokenKind;
  /** True when the token is glued to the previous word token by a hyphen (`narco-terrorist`). */
  afterHyphen: boolean;
  /** True when the token ends in a possessive (`Iran's`, `Iran’s`, `forces'`). */
  possessive: boolean;
}

// Words: letters and marks with inner digits and inner apostrophes (don't, Iran's, O'Brien).
// Numbers: digits with inner separators (140,000 / 3.5 / 1.000.000).
// Lengths are bounded so that a pathological run of letters cannot exhaust the regex engine's stack.
const TOKEN_PATTERN = /([\p{L}\p{M}][\p{L}\p{M}\p{N}]{0,100}(?:['\u2019][\p{L}\p{M}]{1,20}){0,3}['\u2019]?)|(\p{N}{1,30}(?:[.,]\p{N}{1,30}){0,8})|([^\s\p{L}\p{M}\p{N}])/gu;

const HYPHENS = new Set(['-', '\u2010', '\u2011']);

/** Folds case and typographic apostrophes: the key used by every dictionary lookup. */
export function normalizeWord(word: string): string {
  return word.toLowerCase().replace(/\u2019/g, "'");
}

function stripPossessive(norm: string): { base: string; possessive: boolean } {
  if (norm.endsWith("'s") && norm.length > 2) return { base: norm.slice(0, -2), possessive: true };
  if (norm.endsWith("'") && norm.length > 1) return { base: norm.slice(0, -1), possessive: true };
  return { base: norm, possessive: false };
}

/**
 * Tokenises `text[start, end)`. Offsets are into `text`.
 * A trailing apostrophe that is really a closing single quote is kept on the word but marked possessive only
 * for words ending in `s` (`forces'`).
 */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  TOKEN_PATTERN.lastIndex = start;
  let previousEnd = -1;
  let previousWasHyphen = false;
  let hyphenAdjacentToWord = false;
  for (let m = TOKEN_PATTERN.exec(text); m && m.index < end; m = TOKEN_PATTERN.exec(text)) {
    let raw = m[0];
    let tokenEnd = m.index + raw.length;
    if (tokenEnd > end) {
      raw = raw.slice(0, end - m.index);
      tokenEnd = end;
    }
    const adjacent = m.index === previousEnd;
    if (m[3] !== undefined) {
      tokens.push({ start: m.index, end: tokenEnd, text: raw, norm: raw, kind: 'punct', afterHyphen: false, possessive: false });
      previousWasHyphen = HYPHENS.has(raw);
      hyphenAdjacentToWord = previousWasHyphen && adjacent && tokens.length > 1 && tokens[tokens.length - 2].kind !== 'punct';
    } else {
      const isWord = m[1] !== undefined;
      let norm = normalizeWord(raw);
      let possessive = false;
      if (isWord) {
        if (norm.endsWith("'") && !norm.endsWith("s'")) {
          // a closing single quote glued to a word: not part of it
          norm = norm.slice(0, -1);
          raw = raw.slice(0, -1);
          tokenEnd -= 1;
          TOKEN_PATTERN.lastIndex = tokenEnd;
        } else {
          const stripped = stripPossessive(norm);
          norm = stripped.base;
          possessive = stripped.possessive;
        }
      }
      tokens.push({
        start: m.index,
        end: tokenEnd,
        text: raw,
        norm,
        kind: isWord ? 'word' : 'number',
        afterHyphen: previousWasHyphen && hyphenAdjacentToWord && adjacent,
        possessive,
      });
      previousWasHyphen = false;
    }
    previousEnd = tokenEnd;
  }
  return tokens;
}

/** True for a word that starts with an upper-case letter. */
export function isCapitalized(word: string): boolean {
  const first = word.codePointAt(0);
  if (first === undefined) return false;
  const ch = String.fromCodePoint(first);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}
