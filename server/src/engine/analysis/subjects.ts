/**
 * The source of a cue verb: its subject, read leftwards over auxiliaries, governing verbs, asides and
 * relative clauses, or the subject of the clause a participle or a second verb belongs to.
 */
import { isTimeWord } from '../text/dates';
import type { Token } from '../text/tokens';
import { DASHES, QUOTE_MARKS, isSkippable } from './frameBuilder';
import { isNounHead, phraseEndingAt } from './nounPhrases';
import frames from '../../../../seeds/language/frames.json';
import grammar from '../../../../seeds/language/grammar.json';
import { wordSet } from '../text/wordLists';

/** Nouns of time that, after last, this or next, say when, not who. */
const TIME_NOUNS = wordSet(frames.lists.timeNouns);
/** Words before a noun of time that place it relative to now. */
const TIME_DEICTICS = wordSet(frames.lists.timeDeictics);
/** Prepositions before a time word that belong to the time, not the subject. */
const TIME_PREPOSITIONS = wordSet(frames.lists.timePrepositions);
/** Coordinating conjunctions that join a verb to an earlier one. */
const CLAUSE_CONJUNCTIONS = wordSet(grammar.lists.clauseConjunctions);
/** Relative pronouns that stand as a subject. */
const SUBJECT_RELATIVES = wordSet(grammar.lists.subjectRelatives);
/** Words that open an aside after a name (relative pronouns and possessives). */
const ASIDE_OPENERS = wordSet(frames.lists.asideOpeners);

// Brackets: punctuation, not words, so they stay in code.
const CLOSING = new Map([
  [')', '('],
  [']', '['],
]);

/**
 * The noun phrase (token indexes) that is the subject of the verb at `verb`, reading leftwards: auxiliaries
 * and adverbs ("has also said"), a governing verb ("went on to say", "declined to comment"), an aside in
 * commas, dashes or brackets ("Lavrov, Russia's foreign minister, said"; "Sanders (I-Vt.) said"), a
 * relative pronoun ("Obama, who called …": "Obama, who"), and a verb joined to an earlier one ("took the
 * stage and called …": the first verb's subject). Empty when there is none.
 */
export function findSubject(tokens: readonly Token[], verb: number): number[] {
  let i = verb - 1;
  for (let chains = 0; i >= 0;) {
    const t = tokens[i];
    if (isSkippable(t)) {
      i--;
      continue;
    }
    // "voters overall said", "the senators themselves said": a word after the subject's head
    if (
      t.pos === 'ADJ' &&
      i > 0 &&
      (tokens[i - 1].pos === 'NOUN' || tokens[i - 1].pos === 'PROPN') &&
      tokens[i - 1].norm !== tokens[i - 1].lemma
    ) {
      i--;
      continue;
    }
    // "a poll released Wednesday found": a participle and its time after the subject
    if (isTimeWord(t.norm) && i > 1 && tokens[i - 1].pos === 'VERB' && tokens[i - 1].norm.endsWith('ed')) {
      i -= 2;
      continue;
    }
    // "the board on Monday rejected", "Trump Sunday tweeted", "officials last week said": when, not who
    if (isTimeWord(t.norm) || (TIME_NOUNS.has(t.norm) && TIME_DEICTICS.has(tokens[i - 1]?.norm ?? ''))) {
      i -= isTimeWord(t.norm) ? 1 : 2;
      if (i >= 0 && tokens[i].pos === 'ADP' && TIME_PREPOSITIONS.has(tokens[i].norm)) i--;
      continue;
    }
    // "went on to say", "was quick to add", "declined to say": the subject is the governing verb's
    if (t.norm === 'to' && t.pos === 'PART' && chains < 2) {
      let j = i - 1;
      while (j >= 0 && (tokens[j].pos === 'ADP' || tokens[j].pos === 'ADV' || tokens[j].pos === 'ADJ')) j--;
      if (j >= 0 && (tokens[j].pos === 'VERB' || tokens[j].pos === 'AUX')) {
        i = j - 1;
        chains++;
        continue;
      }
    }
    break;
  }
  if (i < 0) return [];
  // "Washington, star of “Scandal,” thanked": a comma inside a closing quotation mark
  if (QUOTE_MARKS.test(tokens[i].text) && tokens[i - 1]?.text === ',') i--;
  const t = tokens[i];
  // "… took the stage and called …", "…, but said …": the clause's subject
  if (t.pos === 'CCONJ' && CLAUSE_CONJUNCTIONS.has(t.norm)) return clauseSubject(tokens, i);
  if (t.text === ',' || DASHES.test(t.text) || CLOSING.has(t.text)) {
    const opener = asideStart(tokens, i);
    if (opener >= 0) {
      let j = opener - 1;
      while (j >= 0 && isSkippable(tokens[j])) j--;
      const phrase = j >= 0 ? nounPhraseOrRelative(tokens, j) : [];
      if (phrase.length > 0) return phrase;
    }
    // "Gov. John Kasich (R-OH), said": a comma (or bracket) right after the subject
    let j = i;
    while (j >= 0 && (tokens[j].text === ',' || CLOSING.has(tokens[j].text)))
      j = CLOSING.has(tokens[j].text) ? matchingOpener(tokens, j) - 1 : j - 1;
    return j >= 0 && j < i ? phraseEndingAt(tokens, j) : [];
  }
  return nounPhraseOrRelative(tokens, outsideRelativeClause(tokens, i, 0));
}

/** The noun phrase ending at `end`, or for a relative pronoun its antecedent with it ("Obama, who"). */
function nounPhraseOrRelative(tokens: readonly Token[], end: number): number[] {
  const t = tokens[end];
  if (t.pos === 'PRON' && SUBJECT_RELATIVES.has(t.norm)) {
    let j = end - 1;
    if (tokens[j]?.text === ',') j--;
    const antecedent = j >= 0 ? phraseEndingAt(tokens, j) : [];
    if (antecedent.length === 0) return [];
    for (let k = antecedent[antecedent.length - 1] + 1; k <= end; k++) antecedent.push(k);
    return antecedent;
  }
  return phraseEndingAt(tokens, end);
}

function matchingOpener(tokens: readonly Token[], close: number): number {
  const open = CLOSING.get(tokens[close].text);
  for (let j = close - 1; j >= 0 && close - j < 30; j--) if (tokens[j].text === open) return j;
  return close;
}

/**
 * For a mark at `close` ending an aside (an apposition or relative clause in commas, a phrase in dashes or
 * brackets), the index of the mark that opens it; -1 when the words between are not one.
 */
function asideStart(tokens: readonly Token[], close: number): number {
  const mark = tokens[close].text;
  if (CLOSING.has(mark)) {
    const open = matchingOpener(tokens, close);
    return open < close ? open : -1;
  }
  const dash = DASHES.test(mark);
  for (let j = close - 1, words = 0; j >= 0 && words <= 24; j--) {
    const t = tokens[j];
    if (dash ? DASHES.test(t.text) && t.text !== '-' : t.text === ',') {
      const first = tokens[j + 1];
      if (!first || j === 0) return -1;
      if (dash) return j;
      // (a participle opens one too: "The Times, reporting from Tehran, described …"; not "including",
      // whose names are part of the subject: "Critics, including the BMA, say")
      const opens =
        first.pos === 'DET' ||
        first.pos === 'PROPN' ||
        first.pos === 'NOUN' ||
        first.pos === 'ADJ' ||
        first.pos === 'NUM' ||
        first.pos === 'ADP' ||
        first.pos === 'ADV' ||
        (first.pos === 'VERB' && first.norm.endsWith('ing') && first.norm !== 'including') ||
        ASIDE_OPENERS.has(first.norm);
      // the word before the aside ends a noun phrase: "Harry Bond, 30, of Raleigh, N.C., who …, said"
      const before = tokens[j - 1].text === '.' && j > 1 ? tokens[j - 2] : tokens[j - 1];
      return opens && isNounHead(before) ? j : -1;
    }
    if (CLOSING.has(t.text)) {
      j = matchingOpener(tokens, j);
      continue;
    }
    if (t.kind === 'punct' && !/^[.'\u2019\-&"\u201C\u201D]$/.test(t.text)) return -1;
    if (t.kind !== 'punct') words++;
  }
  return -1;
}

/**
 * When the phrase ending at `end` sits inside a relative clause ("officials who spoke on condition of
 * anonymity said"), the index where the clause's antecedent ends; otherwise `end`.
 */
function outsideRelativeClause(tokens: readonly Token[], end: number, floor: number): number {
  for (let j = end, seen = 0; j >= floor && seen < 14; j--, seen++) {
    const t = tokens[j];
    if (t.kind === 'punct') return end;
    if (
      (t.norm === 'who' || t.norm === 'that' || t.norm === 'which') &&
      (t.pos === 'PRON' || t.pos === 'SCONJ' || t.pos === 'DET') &&
      j < end
    ) {
      const antecedent = j - 1;
      return antecedent >= floor && isNounHead(tokens[antecedent]) && tokens.slice(j + 1, end + 1).some((w) => w.pos === 'VERB')
        ? antecedent
        : end;
    }
  }
  return end;
}

/** For a cue at `cue` right after "by X" ("issued by the Iraqi military claiming"), the phrase X. */
export function agentBefore(tokens: readonly Token[], cue: number): number[] {
  const phrase = phraseEndingAt(tokens, cue - 1);
  if (phrase.length === 0) return [];
  const by = tokens[phrase[0] - 1];
  return by?.norm === 'by' && by.pos === 'ADP' ? phrase : [];
}

/** The subject of the first verb before `before`: the main clause's subject ("Carson took … and called"). */
export function clauseSubject(tokens: readonly Token[], before: number): number[] {
  for (let i = 0; i < before; i++) {
    const t = tokens[i];
    if (t.pos !== 'VERB' && t.pos !== 'AUX') continue;
    let end = i - 1;
    while (end >= 0 && isSkippable(tokens[end])) end--;
    return end >= 0 ? nounPhraseOrRelative(tokens, end) : [];
  }
  return [];
}
