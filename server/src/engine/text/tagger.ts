/**
 * Part of speech, lemma and sentence boundaries from wink-nlp (`wink-eng-lite-web-model`, MIT; the model
 * ships inside the npm package, so tagging works offline).
 *
 * The engine's own tokens stay the authority on offsets: wink-nlp reports no character offsets, so it reads
 * a rendering of the tokens (`renderForTagger`) and its tokens are mapped back onto them by position in that
 * rendering. A token wink-nlp splits ("don't" -> do + n't) takes the tag of its first part; a rendering the
 * mapping cannot follow leaves the rest of the block untagged (`X`) rather than misplacing anything.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { PartOfSpeech, Token } from './tokens';

/** The part of wink-nlp's API the tagger reads (its own typings describe `out` loosely). */
interface Nlp {
  its: { precedingSpaces: unknown; pos: unknown; lemma: unknown; span: unknown };
  readDoc(text: string): {
    tokens(): { out(as?: unknown): unknown[] };
    sentences(): { out(as: unknown): unknown[] };
  };
}

/**
 * wink-nlp adds every word it has not seen to its model's lexicon and never forgets it. The tagger is
 * rebuilt once this many words have been added, so a long session or a hostile file cannot grow it without
 * bound (the rebuild takes a few hundred milliseconds).
 */
export const MAX_ADDED_WORDS = 250_000;

interface LoadedTagger {
  nlp: Nlp;
  /** The lexicon wink-nlp grows as it reads (see MAX_ADDED_WORDS). */
  lexemes: { list: unknown[]; intrinsicSize: number };
}

let loaded: LoadedTagger | undefined;

function load(): LoadedTagger {
  let lexemes: LoadedTagger['lexemes'] | undefined;
  // wink-nlp builds its working copy of the model by calling `core()`; keeping a reference to that copy is
  // the only way to see how far its lexicon has grown
  const watched = {
    ...model,
    core: () => {
      const core = (model as unknown as { core: () => { features: { lexeme: LoadedTagger['lexemes'] } } }).core();
      lexemes = core.features.lexeme;
      return core;
    },
  };
  const nlp = winkNLP(watched as unknown as Parameters<typeof winkNLP>[0], ['sbd', 'pos']) as unknown as Nlp;
  return { nlp, lexemes: lexemes ?? { list: [], intrinsicSize: 0 } };
}

function tagger(): LoadedTagger {
  if (!loaded || loaded.lexemes.list.length - loaded.lexemes.intrinsicSize > MAX_ADDED_WORDS) loaded = load();
  return loaded;
}

/** @internal Forgets the loaded tagger, so the next tagging starts from the model as shipped (tests). */
export function resetTagger(): void {
  loaded = undefined;
}

/** @internal How many words wink-nlp has added to its lexicon since the tagger was last loaded (tests). */
export function addedWords(): number {
  return loaded ? loaded.lexemes.list.length - loaded.lexemes.intrinsicSize : 0;
}

/** Loads the tagger now rather than on first use (it takes a few hundred milliseconds). */
export function warmUpTagger(): void {
  tagger();
}

/** The longest run of glued characters wink-nlp reads as one unit (see `renderForTagger`). */
const MAX_UNIT = 40;

/**
 * True when a full stop after the word `word` belongs to it: an initial ("J.", the letters of "U.S."), or a
 * short abbreviation of letters only ("Mr.", "Gen.", "Inc.", "a.m."). Such a word is a single lexeme to
 * wink-nlp with or without its full stop, so gluing the stop on cannot change how it reads the word.
 */
function takesFullStop(word: Token): boolean {
  return word.kind === 'word' && word.text.length <= 4 && /^\p{L}+$/u.test(word.text);
}

/**
 * The text wink-nlp reads for `tokens`: the tokens in order, one space wherever the original has white space
 * of any kind, and glued otherwise, except that punctuation after a glued unit holding anything but letters
 * is set apart ("Clinton's ,", "narco-terrorist .", but "said," and "Mr."). wink-nlp keeps a word it first
 * met before punctuation whole from then on, but splits such a word ("Clinton's", "U.S.-led") when it has not;
 * a word of letters only is whole either way. Setting the others apart makes its reading independent of
 * what it read before (a test holds it to that). `starts[i]` is where token `i` begins in the rendering.
 */
function renderForTagger(tokens: readonly Token[]): { rendered: string; starts: number[] } {
  let rendered = '';
  let unitStart = 0;
  /** True while the current unit is one word of letters only. */
  let plain = false;
  const starts: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (i > 0) {
      const previous = tokens[i - 1];
      // glued tokens form one unit for wink-nlp; a run of glued marks or letters (a pasted hash, a line of
      // quotation marks) is cut into short units, because wink-nlp's cost grows with the square of a unit
      const long = rendered.length - unitStart >= MAX_UNIT;
      const markAfterMixedUnit =
        previous.kind !== 'punct' && token.kind === 'punct' && !plain && !(token.text === '.' && takesFullStop(previous));
      if (token.start > previous.end || long || markAfterMixedUnit || (previous.kind !== 'punct' && token.kind !== 'punct')) {
        rendered += ' ';
        unitStart = rendered.length;
        plain = true;
      } else {
        plain = false;
      }
    } else {
      plain = true;
    }
    plain = plain && token.kind === 'word' && isLettersOnly(token.text);
    starts.push(rendered.length);
    rendered += token.text;
  }
  return { rendered, starts };
}

/** True for a word of letters (and marks) only. */
function isLettersOnly(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) continue;
    if (c < 128) return false;
    return /^[\p{L}\p{M}]+$/u.test(word);
  }
  return true;
}

/** True when the first word from token `start` on begins with a lower-case letter. */
function startsLowerCase(tokens: readonly Token[], start: number): boolean {
  for (let i = start; i < tokens.length; i++) {
    if (tokens[i].kind === 'punct') continue;
    const first = tokens[i].text[0];
    return first !== first.toUpperCase() && first === first.toLowerCase();
  }
  return false;
}

/** The result of tagging a block's tokens. */
export interface Tagged {
  /** Index of the first token of each sentence, ascending, starting with 0 when there are tokens. */
  sentenceStarts: number[];
  /** False when wink-nlp's tokens could not be followed to the end of the block (the rest is untagged). */
  complete: boolean;
}

/**
 * Tags `tokens` (one block's, in order) in place with part of speech and lemma, and returns where sentences
 * start. Offsets are never touched: sentence boundaries fall between the engine's own tokens.
 */
export function tagTokens(tokens: Token[]): Tagged {
  if (tokens.length === 0) return { sentenceStarts: [], complete: true };
  const { rendered, starts } = renderForTagger(tokens);
  const { nlp } = tagger();
  const its = nlp.its;
  const doc = nlp.readDoc(rendered);
  const values = doc.tokens().out() as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const tags = doc.tokens().out(its.pos) as PartOfSpeech[];
  const lemmas = doc.tokens().out(its.lemma) as string[];
  /** For each wink-nlp token, the index of the engine token it starts in (-1 once the mapping is lost). */
  const owner = new Int32Array(values.length).fill(-1);
  let at = 0;
  let current = 0;
  let complete = true;
  let tagged = -1;
  for (let k = 0; k < values.length; k++) {
    at += spaces[k].length;
    const value = values[k];
    if (!rendered.startsWith(value, at)) {
      // wink-nlp changed the text it read (it never should): leave the rest untagged
      complete = false;
      break;
    }
    const end = at + value.length;
    while (current + 1 < starts.length && starts[current + 1] <= at) current++;
    owner[k] = current;
    // every engine token starting inside this wink-nlp token takes its tag: the first part of a token it
    // split ("do" of "don't", "Clinton" of "Clinton 's"), or the whole of a token it kept ("U.S." for "U",
    // ".", "S", ".")
    for (let i = Math.max(current, tagged + 1); i < starts.length && starts[i] < end; i++) {
      const token = tokens[i];
      // the lemma is wink-nlp's when its token starts the engine token and lies within it
      const own = starts[i] === at && end <= starts[i] + token.text.length;
      token.pos = token.kind === 'punct' && tags[k] !== 'SYM' ? 'PUNCT' : tags[k];
      token.lemma = token.kind === 'word' && own && lemmas[k] ? lemmas[k].toLowerCase() : token.norm;
      tagged = i;
    }
    at = end;
  }
  const sentenceStarts: number[] = [0];
  for (const [first] of doc.sentences().out(its.span) as [number, number][]) {
    const start = owner[first];
    // a sentence never starts in lower case (`"Why?" she asked.` is one sentence, which wink-nlp splits), nor
    // inside a run of glued marks (`home.''`)
    const glued = start > 0 && tokens[start].start === tokens[start - 1].end && tokens[start].kind === 'punct';
    if (start > sentenceStarts[sentenceStarts.length - 1] && !glued && !startsLowerCase(tokens, start)) sentenceStarts.push(start);
  }
  return { sentenceStarts, complete };
}
