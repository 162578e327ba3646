/** Word, number and punctuation tokens of prose, with offsets into the original text. */

/** Universal Dependencies part-of-speech tags, as wink-nlp assigns them; `X` also marks an untagged token. */
export type PartOfSpeech =
  | 'ADJ'
  | 'ADP'
  | 'ADV'
  | 'AUX'
  | 'CCONJ'
  | 'DET'
  | 'INTJ'
  | 'NOUN'
  | 'NUM'
  | 'PART'
  | 'PRON'
  | 'PROPN'
  | 'PUNCT'
  | 'SCONJ'
  | 'SYM'
  | 'VERB'
  | 'X'
  | 'SPACE';

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
  /** `wordHash(norm)`, computed once so that every phrase list can test the word cheaply. */
  hash: number;
  /** Part of speech from the tagger (`tagTokens`); `X` until the token is tagged. */
  pos: PartOfSpeech;
  /** Dictionary form from the tagger ("said" -> "say"), lower case; `norm` until the token is tagged. */
  lemma: string;
}

/** Character classes the tokenizer needs. */
const enum CharClass {
  Unknown = 0,
  /** `\p{L}` or `\p{M}`: starts or continues a word. */
  Letter = 1,
  /** `\p{N}`: starts a number, continues a word. */
  Digit = 2,
  /** `\s`: separates tokens. */
  Space = 3,
  /** Anything else: a punctuation token of its own. */
  Other = 4,
}

const LETTER = /^[\p{L}\p{M}]$/u;
const DIGIT = /^\p{N}$/u;
const SPACE = /^\s$/u;

function classifyCodePoint(ch: string): CharClass {
  if (LETTER.test(ch)) return CharClass.Letter;
  if (DIGIT.test(ch)) return CharClass.Digit;
  return SPACE.test(ch) ? CharClass.Space : CharClass.Other;
}

/** Classes of the Basic Multilingual Plane, filled as characters are first seen. */
const BMP_CLASSES = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++) BMP_CLASSES[c] = classifyCodePoint(String.fromCharCode(c));

/** The class of the code point at `i` and its length in code units (a lone surrogate is one unit). */
function classAt(text: string, i: number): { cls: CharClass; size: 1 | 2 } {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return { cls: classifyCodePoint(text.slice(i, i + 2)), size: 2 };
  }
  let cls = BMP_CLASSES[c] as CharClass;
  if (cls === CharClass.Unknown) {
    cls = c >= 0xd800 && c <= 0xdfff ? CharClass.Other : classifyCodePoint(String.fromCharCode(c));
    BMP_CLASSES[c] = cls;
  }
  return { cls, size: 1 };
}

/** Class of a BMP code unit that is not a surrogate (the common case, without allocating). */
function unitClass(text: string, i: number): CharClass {
  const c = text.charCodeAt(i);
  if (c < 128) return BMP_CLASSES[c] as CharClass;
  return c >= 0xd800 && c <= 0xdfff ? CharClass.Unknown : classAt(text, i).cls;
}

const isApostrophe = (c: number): boolean => c === 39 || c === 0x2019;

/**
 * End of a run of at most `max` code points of the given classes starting at `i`. Bounds keep a
 * pathological run of letters from becoming one enormous token.
 */
function runEnd(text: string, i: number, max: number, digits: boolean, letters: boolean): number {
  for (let n = 0; n < max && i < text.length; n++) {
    const cls = unitClass(text, i);
    if (cls === CharClass.Letter ? letters : cls === CharClass.Digit ? digits : false) {
      i++;
      continue;
    }
    if (cls !== CharClass.Unknown) break;
    const { cls: full, size } = classAt(text, i);
    if (full === CharClass.Letter ? !letters : full === CharClass.Digit ? !digits : true) break;
    i += size;
  }
  return i;
}

/**
 * The end of the token starting at `i`, whose first code point has class `cls` and length `size`:
 * - a word: a letter or mark, then up to 100 letters, marks and digits, then up to three inner apostrophe
 *   parts of 1 to 20 letters or marks (don't, Iran's, O'Brien), then an optional trailing apostrophe;
 * - a number: up to 30 digits, then up to eight groups of a `.` or `,` and 1 to 30 digits (140,000 / 3.5);
 * - otherwise the code point alone.
 */
function tokenEnd(text: string, i: number, cls: CharClass, size: number): number {
  if (cls === CharClass.Letter) {
    let end = runEnd(text, i + size, 100, true, true);
    for (let part = 0; part < 3 && isApostrophe(text.charCodeAt(end)); part++) {
      const after = runEnd(text, end + 1, 20, false, true);
      if (after === end + 1) break;
      end = after;
    }
    return isApostrophe(text.charCodeAt(end)) ? end + 1 : end;
  }
  if (cls === CharClass.Digit) {
    let end = runEnd(text, i, 30, true, false);
    for (let group = 0; group < 8; group++) {
      const sep = text.charCodeAt(end);
      if (sep !== 46 && sep !== 44) break;
      const after = runEnd(text, end + 1, 30, true, false);
      if (after === end + 1) break;
      end = after;
    }
    return end;
  }
  return i + size;
}

/** Hyphen characters: punctuation, not words, so in code rather than seeds/language. */
const HYPHENS = new Set(['-', '\u2010', '\u2011']);

/**
 * A 31-bit FNV-1a hash of a normalised word. Phrase lists use it to rule out, without touching their
 * dictionaries, words that begin or continue none of their phrases; equal words have equal hashes.
 */
export function wordHash(norm: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < norm.length; i++) h = Math.imul(h ^ norm.charCodeAt(i), 0x01000193);
  return h >>> 1;
}

/** Folds case and typographic apostrophes: the key used by every dictionary lookup. */
export function normalizeWord(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes('\u2019') ? lower.replace(/\u2019/g, "'") : lower;
}

/** The length of a word's possessive ending (`'s` or a trailing `'`), 0 when it has none. */
function possessiveLength(norm: string): number {
  if (norm.endsWith("'s") && norm.length > 2) return 2;
  return norm.endsWith("'") && norm.length > 1 ? 1 : 0;
}

/**
 * Tokenises `text[start, end)` into words, numbers and punctuation (see `tokenEnd`); white space separates
 * tokens. Offsets are into `text`; a token running past `end` is cut there.
 * A trailing apostrophe that is really a closing single quote is kept on the word but marked possessive only
 * for words ending in `s` (`forces'`).
 */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  let previousEnd = -1;
  let previousWasHyphen = false;
  let hyphenAdjacentToWord = false;
  for (let i = start; i < end;) {
    const { cls, size } = classAt(text, i);
    if (cls === CharClass.Space) {
      i += size;
      continue;
    }
    const index = i;
    let tokenEnd_ = tokenEnd(text, i, cls, size);
    if (tokenEnd_ > end) tokenEnd_ = end;
    let raw = text.slice(index, tokenEnd_);
    const adjacent = index === previousEnd;
    if (cls === CharClass.Other) {
      tokens.push({
        start: index,
        end: tokenEnd_,
        text: raw,
        norm: raw,
        kind: 'punct',
        afterHyphen: false,
        possessive: false,
        hash: 0,
        pos: 'X',
        lemma: raw,
      });
      previousWasHyphen = HYPHENS.has(raw);
      hyphenAdjacentToWord = previousWasHyphen && adjacent && tokens.length > 1 && tokens[tokens.length - 2].kind !== 'punct';
    } else {
      const isWord = cls === CharClass.Letter;
      let norm = normalizeWord(raw);
      let possessive = false;
      if (isWord) {
        if (norm.endsWith("'") && !norm.endsWith("s'")) {
          // a closing single quote glued to a word: not part of it
          norm = norm.slice(0, -1);
          raw = raw.slice(0, -1);
          tokenEnd_ -= 1;
        } else {
          const ending = possessiveLength(norm);
          if (ending > 0) norm = norm.slice(0, -ending);
          possessive = ending > 0;
        }
      }
      tokens.push({
        start: index,
        end: tokenEnd_,
        text: raw,
        norm,
        kind: isWord ? 'word' : 'number',
        afterHyphen: previousWasHyphen && hyphenAdjacentToWord && adjacent,
        possessive,
        hash: wordHash(norm),
        pos: 'X',
        lemma: norm,
      });
      previousWasHyphen = false;
    }
    previousEnd = tokenEnd_;
    i = tokenEnd_;
  }
  return tokens;
}

/** True for a word that starts with an upper-case letter. */
export function isCapitalized(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code >= 65 && code <= 90) return true;
  if (code < 128) return false;
  const first = word.codePointAt(0);
  if (first === undefined) return false;
  const ch = String.fromCodePoint(first);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** The index of the word token before `index` (skipping punctuation), or -1. */
export function previousWord(tokens: readonly Token[], index: number): number {
  for (let i = index - 1; i >= 0; i--) if (tokens[i].kind !== 'punct') return i;
  return -1;
}

/** The index of the word token after `index` (skipping punctuation), or -1. */
export function nextWord(tokens: readonly Token[], index: number): number {
  for (let i = index + 1; i < tokens.length; i++) if (tokens[i].kind !== 'punct') return i;
  return -1;
}
