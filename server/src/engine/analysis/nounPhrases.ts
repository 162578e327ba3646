/**
 * Noun phrases around a cue, read from the tagger's parts of speech: the words naming a source before a
 * reporting verb ("Russia's foreign minister, Sergei Lavrov, said") or after it ("…," said the minister).
 * A chunker over tags, not a parser: it takes the longest run of noun-phrase tags, joined by the few
 * function words that sit inside names ("Bank of England", "a spokesman for the ministry", "the ministry
 * and the army").
 */
import type { Token } from '../text/tokens';
import { isCapitalized } from '../text/tokens';
import { isTimeWord } from '../text/dates';
import frames from '../../../../seeds/language/frames.json';
import grammar from '../../../../seeds/language/grammar.json';
import { wordSet } from '../text/wordLists';

/** Possessive determiners. */
const POSSESSIVE_DETERMINERS = wordSet(grammar.lists.possessiveDeterminers);
/** Words that cannot open a source phrase: its inner prepositions, "and" and "&". */
const PHRASE_JOINERS = wordSet(frames.lists.phraseJoiners);
/** Words that join an earlier part of a noun phrase to the next (inner prepositions and "and"). */
const INNER_JOINERS = wordSet(frames.lists.innerJoiners);

/** The most words a source phrase runs to. */
const MAX_PHRASE = 14;

/** Prepositions that join the parts of one noun phrase ("head of", "spokesman for", "researchers at"). */
const INNER_PREPOSITIONS = wordSet(frames.lists.innerPrepositions);

/** Determiners that stand alone for people before a verb ("another said"). */
const PRONOMINAL = wordSet(frames.lists.pronominalDeterminers);

/** Pronouns that stand for a source; relative pronouns point back past a comma instead. */
const RELATIVE = wordSet(grammar.lists.relativePronouns);

/** A mark glued to the words on both sides: "U.S.", "al-Assad", "AT&T", "O'Brien". */
function isGlued(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (!/^[.\-\u2010\u2011&'\u2019/]$/.test(t.text)) return false;
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  return before !== undefined && before.end === t.start && (after === undefined || after.start === t.end || t.text === '.');
}

/** True for a token that can sit inside a noun phrase. */
function isNominal(t: Token): boolean {
  switch (t.pos) {
    case 'PROPN':
    case 'NOUN':
    case 'ADJ':
    case 'NUM':
      return true;
    case 'X':
      return t.kind !== 'punct';
    case 'VERB':
    case 'ADV':
      // a capitalised word inside a name that the tagger read as a verb: "the Associated Press"
      return isCapitalized(t.text);
    default:
      return false;
  }
}

/** Degree adverbs inside a noun phrase: "the most recent data", "a very large crowd". */
const DEGREE = wordSet(frames.lists.degreeAdverbs);

/** True for a token that heads a noun phrase (its last word). */
export function isNounHead(t: Token): boolean {
  return t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'PRON' || t.pos === 'NUM' || (t.pos === 'X' && t.kind === 'word');
}

/**
 * Token indexes of the noun phrase that ends at `last` (inclusive), leftwards: determiners and possessive
 * pronouns open it, a lone pronoun is a phrase of its own. Empty when `last` does not end a noun phrase.
 */
export function phraseEndingAt(tokens: readonly Token[], last: number, floor = 0): number[] {
  // "Halberd Inc. disclosed": the full stop of an abbreviation ends the phrase's last word
  if (tokens[last]?.text === '.' && last > floor && tokens[last - 1].end === tokens[last].start && tokens[last - 1].kind === 'word') last--;
  const head = tokens[last];
  if (!head || head.kind === 'punct') return [];
  if (head.pos === 'PRON') return RELATIVE.has(head.norm) ? [] : [last];
  // "Another said", "Some say", "Many believe": a determiner standing for people
  if (head.pos === 'DET' && PRONOMINAL.has(head.norm)) return [last];
  // a capitalised word the tagger took for a verb or adjective before a cue is a name: "Cook said"; an
  // adjective after a determiner is a noun: "the Iraqi military"
  const named =
    isCapitalized(head.text) && (head.pos === 'VERB' || head.pos === 'ADJ' || head.pos === 'ADV' || (head.pos === 'AUX' && last > 0));
  if (!isNounHead(head) && !named && head.pos !== 'ADJ') return [];
  const phrase: number[] = [];
  for (let i = last; i >= floor && phrase.length < MAX_PHRASE; i--) {
    const t = tokens[i];
    if (t.kind === 'punct') {
      if (phrase.length > 0 && isGlued(tokens, i)) continue;
      break;
    }
    if (t.pos === 'DET' || (t.pos === 'PRON' && t.possessive) || POSSESSIVE_DETERMINERS.has(t.norm)) {
      phrase.unshift(i);
      // "researchers from the University of Edinburgh", "the ministry and the army": the determiner opens the
      // part after a joining word
      const join = tokens[i - 1];
      const joins = join && ((join.pos === 'ADP' && INNER_PREPOSITIONS.has(join.norm)) || (join.pos === 'CCONJ' && join.norm === 'and'));
      if (joins && i - 1 >= floor && tokens[i - 2] && isNominal(tokens[i - 2])) {
        phrase.unshift(i - 1);
        i--;
        continue;
      }
      break;
    }
    // "self-described": a word joined by a hyphen belongs to the phrase whatever its tag
    if (isNominal(t) || i === last || t.afterHyphen || (tokens[i + 1]?.text === '-' && tokens[i + 1].start === t.end)) {
      // a day or month is when, not who: "on Monday officials said"
      if (phrase.length > 0 && isTimeWord(t.norm)) break;
      phrase.unshift(i);
      continue;
    }
    const before = tokens[i - 1];
    if (phrase.length > 0 && before && (isNominal(before) || before.pos === 'PRON') && before.kind !== 'punct') {
      if (t.pos === 'ADP' && INNER_PREPOSITIONS.has(t.norm)) {
        phrase.unshift(i);
        continue;
      }
      // "the ministry and the army", "Smith & Wesson"
      if ((t.pos === 'CCONJ' && (t.norm === 'and' || t.norm === '&')) || t.text === '&') {
        phrase.unshift(i);
        continue;
      }
    }
    if (phrase.length > 0 && t.pos === 'CCONJ' && t.norm === 'and' && tokens[i + 1]?.pos === 'DET') {
      phrase.unshift(i);
      continue;
    }
    break;
  }
  // a phrase cannot open on a joining word
  while (phrase.length > 0 && PHRASE_JOINERS.has(tokens[phrase[0]].norm)) phrase.shift();
  // an adjective heads a phrase only after a determiner or an owner: "the Iraqi military", "Israel's military"
  if (head.pos === 'ADJ' && !named && !(phrase.length > 1 && (tokens[phrase[0]].pos === 'DET' || tokens[phrase[0]].possessive))) return [];
  return phrase;
}

/**
 * Token indexes of the noun phrase starting at `first`, rightwards: used after an inverted cue ("said the
 * minister"), "according to" and "by". Stops at a comma, a verb or a preposition other than those inside
 * names.
 */
export function phraseStartingAt(tokens: readonly Token[], first: number): number[] {
  const phrase: number[] = [];
  for (let i = first; i < tokens.length && phrase.length < MAX_PHRASE; i++) {
    const t = tokens[i];
    if (t.kind === 'punct') {
      if (phrase.length > 0 && isGlued(tokens, i)) continue;
      break;
    }
    if (t.pos === 'PRON') {
      if (phrase.length === 0) {
        phrase.push(i);
        if (!t.possessive && !POSSESSIVE_DETERMINERS.has(t.norm)) break;
        continue;
      }
      break;
    }
    if (t.pos === 'DET') {
      // a determiner opens a phrase, or the part after a joining word ("of the New York delegation")
      if (phrase.length > 0 && !INNER_JOINERS.has(tokens[i - 1].norm)) break;
      phrase.push(i);
      continue;
    }
    if (isNominal(t) || t.afterHyphen || (t.pos === 'ADV' && DEGREE.has(t.norm) && tokens[i + 1]?.pos === 'ADJ')) {
      phrase.push(i);
      continue;
    }
    const next = tokens[i + 1];
    const joins = (t.pos === 'ADP' && (INNER_PREPOSITIONS.has(t.norm) || t.norm === 'by')) || (t.pos === 'CCONJ' && t.norm === 'and');
    if (phrase.length > 0 && joins && next && (next.pos === 'PROPN' || next.pos === 'DET' || next.pos === 'NOUN')) {
      phrase.push(i);
      continue;
    }
    break;
  }
  // an adjective ends a phrase after a determiner or an owner ("the Republican primary"), as it heads one
  const adjectiveHeaded =
    phrase.length > 1 &&
    (tokens[phrase[0]].pos === 'DET' || tokens[phrase[0]].possessive) &&
    tokens[phrase[phrase.length - 1]].pos === 'ADJ';
  if (!adjectiveHeaded) while (phrase.length > 0 && !isNounHead(tokens[phrase[phrase.length - 1]])) phrase.pop();
  return phrase;
}
