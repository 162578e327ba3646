/** What a cue attributes: the content after it (a complement, a clause, an object) or before it. */
import { isTimeWord } from '../text/dates';
import type { Token } from '../text/tokens';
import { isCapitalized, nextWord } from '../text/tokens';
import type { Span } from '../types';
import { QUOTE_MARKS } from './frameBuilder';
import type { FrameInput } from './frameTypes';
import { phraseStartingAt } from './nounPhrases';
import frames from '../../../../seeds/language/frames.json';
import numbers from '../../../../seeds/language/numbers.json';
import grammar from '../../../../seeds/language/grammar.json';
import { wordSet } from '../text/wordLists';

/** Currency signs that make the number after them an amount of money. */
const CURRENCY_SIGNS = wordSet(numbers.lists.currencySigns);
/** Words right after a cue that open what was said. */
const COMPLEMENT_OPENERS = wordSet(frames.lists.complementOpeners);
/** Words after a cue's object that open what is said of it. */
const PREDICATIVE_LINKS = wordSet(frames.lists.predicativeLinks);
/** Words of time skipped between a cue and what was said. */
const TIME_ADVERBS = wordSet(frames.lists.timeAdverbs);
/** Prepositions and conjunctions that open a cue's content rather than end it. */
const CONTENT_PREPOSITIONS = wordSet(frames.lists.contentPrepositions);
/** Interrogative pronouns that may stand as a subject. */
const QUESTION_SUBJECTS = wordSet(grammar.lists.questionSubjects);
/** Subordinating conjunctions. */
const SUBORDINATORS = wordSet(grammar.lists.subordinators);

/**
 * How a cue's content follows it: a complement ("that …", a quotation, a colon, "whether …", "to …", a
 * figure), a clause without "that" ("believes the economy is …"), or an object ("denied the report").
 */
export type ContentShape = 'complement' | 'clause' | 'object';

/**
 * Where the content after a cue at `last` begins, skipping the person told ("told reporters that"), and for
 * an object, where it ends ("endorsed Cruz on Wednesday": "Cruz"); other content runs to the sentence's end.
 */
export function contentAfter(
  input: FrameInput,
  last: number,
  addressee: boolean,
): { start: number; shape: ContentShape; end?: number } | undefined {
  const { tokens } = input;
  let i = last + 1;
  let told = false;
  if (addressee) {
    const object = phraseStartingAt(tokens, i);
    if (object.length > 0) i = object[object.length - 1] + 1;
    told = object.length > 0;
  }
  // "thanked the army for “saving our country”": what the person told is thanked or blamed for
  if (told && tokens[i]?.norm === 'for') return { start: tokens[i].start, shape: 'complement' };
  i = afterCircumstances(tokens, i);
  const t = tokens[i];
  if (!t || /^[.!?;)]$/.test(t.text)) return undefined;
  const complement =
    t.norm === 'that' ||
    QUOTE_MARKS.test(t.text) ||
    t.text === ':' ||
    t.kind === 'number' ||
    CURRENCY_SIGNS.has(t.text) ||
    COMPLEMENT_OPENERS.has(t.norm) ||
    (t.norm === 'to' && isInfinitive(tokens, i)) ||
    // "reported having $1.3 million": a gerund
    (t.pos === 'VERB' && t.norm.endsWith('ing'));
  if (complement) return { start: t.start, shape: 'complement' };
  if (startsClause(tokens, i)) return { start: t.start, shape: 'clause' };
  const object = phraseStartingAt(tokens, i);
  if (object.length === 0) return introducedLater(tokens, i);
  // "called the system “rotten”", "described the plan as …", "accused Iran of …": the object and what is said of it
  const next = tokens[object[object.length - 1] + 1];
  const said = next !== undefined && (QUOTE_MARKS.test(next.text) || PREDICATIVE_LINKS.has(next.norm) || next.pos === 'ADJ');
  return said ? { start: t.start, shape: 'complement' } : { start: t.start, shape: 'object', end: tokens[object[object.length - 1]].end };
}

/** True when "to" at `i` opens an infinitive: "to build", "to \u201Clift up …\u201D". */
function isInfinitive(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  return next !== undefined && (next.pos === 'VERB' || (QUOTE_MARKS.test(next.text) && tokens[i + 2]?.pos === 'VERB'));
}

/**
 * "declared in the debate spin room, “…”": when what follows a cue reads as neither content nor
 * circumstance (a word the tagger misread), a quotation or a that-clause a few words on is the content.
 */
function introducedLater(tokens: readonly Token[], from: number): { start: number; shape: ContentShape } | undefined {
  for (let i = from; i < tokens.length && i < from + 10; i++) {
    const t = tokens[i];
    if (/^[.!?;]$/.test(t.text)) return undefined;
    if ((t.norm === 'that' && t.pos === 'SCONJ') || t.text === ':' || (QUOTE_MARKS.test(t.text) && tokens[i - 1]?.text === ','))
      return { start: t.start, shape: 'complement' };
  }
  return undefined;
}

/**
 * The first token after the circumstances a cue may carry before its content: adverbs, commas, time words
 * and short prepositional phrases ("said on Twitter Thursday that", "told AP last week that").
 */
function afterCircumstances(tokens: readonly Token[], from: number): number {
  let i = from;
  for (let steps = 0; i < tokens.length && steps < 16; steps++) {
    const t = tokens[i];
    if (t.text === ',' || t.pos === 'ADV' || isTimeWord(t.norm) || TIME_ADVERBS.has(t.norm)) {
      i++;
      continue;
    }
    // "said — on Twitter, as it happens — that": an aside between dashes
    if (/^[\u2014\u2015\u2013]$/.test(t.text)) {
      let close = i + 1;
      while (close < tokens.length && close - i < 16 && !/^[\u2014\u2015\u2013]$/.test(tokens[close].text)) close++;
      if (close < tokens.length && close - i < 16) {
        i = close + 1;
        continue;
      }
      break;
    }
    if (t.pos === 'ADP' && !CONTENT_PREPOSITIONS.has(t.norm) && !(t.norm === 'to' && isInfinitive(tokens, i))) {
      const phrase = phraseStartingAt(tokens, i + 1);
      if (phrase.length === 0) break;
      const k = phrase[phrase.length - 1] + 1;
      // only when something follows that could be the content
      if (k >= tokens.length || /^[.!?;]$/.test(tokens[k].text)) break;
      i = k;
      continue;
    }
    break;
  }
  return i;
}

/**
 * True when a clause starts at `from` without "that": a subject (a noun phrase, a pronoun, a gerund), then
 * its verb within a few words ("believes the economy is", "said much of his discussion was", "said
 * legalizing it could").
 */
export function startsClause(tokens: readonly Token[], from: number): boolean {
  const first = tokens[from];
  if (!first) return false;
  const subjectLike =
    first.pos === 'DET' ||
    first.pos === 'PRON' ||
    first.pos === 'PROPN' ||
    first.pos === 'NOUN' ||
    first.pos === 'ADJ' ||
    first.pos === 'NUM' ||
    (first.pos === 'VERB' && (first.norm.endsWith('ing') || isCapitalized(first.text)));
  if (!subjectLike || QUESTION_SUBJECTS.has(first.norm)) return false;
  for (let i = from + 1; i < tokens.length && i <= from + 10; i++) {
    const t = tokens[i];
    if (t.pos === 'AUX' || (t.pos === 'VERB' && !t.norm.endsWith('ing'))) return true;
    if (t.kind === 'punct' && !/^[.'\u2019\-&]$/.test(t.text)) return false;
    // "supported Assad since the war began": the verb belongs to another clause
    if (t.pos === 'SCONJ' || t.pos === 'CCONJ' || SUBORDINATORS.has(t.norm)) return false;
  }
  return false;
}

/**
 * The content before a source and cue with no content after them: `"…," Lavrov said`, `Y, officials said
 * on Monday`. Undefined unless a comma or closing quotation mark comes right before the source.
 */
export function preposedContent(input: FrameInput, sourceStart: number): Span | undefined {
  const { tokens } = input;
  const mark = tokens[sourceStart - 1];
  if (!mark || !(mark.text === ',' || (QUOTE_MARKS.test(mark.text) && mark.text !== '\u201C'))) return undefined;
  let i = sourceStart - 1;
  while (i >= 0 && (tokens[i].text === ',' || (QUOTE_MARKS.test(tokens[i].text) && tokens[i].text !== '\u201C'))) i--;
  if (i < 0) return undefined;
  return { start: input.sentence.start, end: tokens[i].end + (QUOTE_MARKS.test(tokens[i + 1]?.text ?? '') ? 1 : 0) };
}

/** True when nothing but punctuation follows token `last` in the sentence. */
export function endsSentence(tokens: readonly Token[], last: number): boolean {
  return nextWord(tokens, last) < 0;
}
