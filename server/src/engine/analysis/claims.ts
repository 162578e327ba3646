import type { AttributionVocabulary } from '../knowledge/attributionVocabulary';
import { tense } from '../text/tense';
import type { ClaimKind } from '../types';
import { partitionPoint } from '../partitionPoint';
import { findTimes } from '../text/dates';
import { findNumbers } from '../text/numbers';
import type { Token } from '../text/tokens';
import { nextWord, previousWord } from '../text/tokens';
import claims from '../../../../seeds/language/claims.json';
import grammar from '../../../../seeds/language/grammar.json';
import numbers from '../../../../seeds/language/numbers.json';
import { wordSet } from '../text/wordLists';

/** Words after a number that make it a time of day, not a figure. */
const TIME_OF_DAY = wordSet(claims.lists.timeOfDayWords);
/** Finite forms of "be" after a subject. */
const BE_FORMS = wordSet(grammar.lists.beForms);
/** Adverbs that may stand between a modal and its verb. */
const MODAL_FILLERS = wordSet(claims.lists.modalFillers);
/** Words after "will be" that schedule or report a sight rather than predict. */
const SCHEDULED_STATES = wordSet(claims.lists.scheduledStates);
/** Words before "than" that make no comparison. */
const NOT_COMPARISON_THAN = wordSet(claims.lists.thanIdioms);
/** Comparatives that, before "than" and a number, state a quantity. */
const QUANTITY_COMPARATIVES = wordSet(claims.lists.quantityComparatives);
/** Words after "more than" that make it a quantity ("a third" is two tokens and never matches one). */
const QUANTITY_WORDS = wordSet(claims.lists.quantityWords);
/** Comparatives, regular or not, that make a comparison before "than". */
const COMPARATIVES = wordSet(claims.lists.comparatives);
/** Words ending in -er that are not comparatives. */
const NOT_COMPARATIVES = wordSet(claims.lists.notComparatives);
/** Words before an accusation that make it a legal status on record. */
const LEGAL_STATUS = wordSet(claims.lists.legalStatusWords);
/** Forms of "have" (with "'s") that make a perfect tense. */
const PERFECT_HAVE = wordSet(grammar.lists.perfectHave);
/** Possessive determiners. */
const POSSESSIVE_DETERMINERS = wordSet(grammar.lists.possessiveDeterminers);

/** Words of a sentence that make it a claim of some kind. */
export interface ClaimSignal {
  kind: ClaimKind;
  start: number;
  end: number;
}

const CASUALTY_VERBS = wordSet(claims.lists.casualtyWords);
const CURRENCY = wordSet(numbers.lists.currencySigns);
const DEFINITE = wordSet(claims.lists.definiteDeterminers);
/** How many tokens back a signal's clause is read for the word that opens a condition. */
const MAX_CLAUSE = 40;
/** How many words back from a verb of change its subject is looked for. */
const MAX_SUBJECT = 10;
/** Verbs of aspect that may stand between a subject and its verb of change ("keeps falling"). */
const ASPECT = wordSet(claims.lists.aspectVerbs);
/**
 * Words that open a condition or a time clause: what follows them up to the clause's end is supposed, or
 * dates the main clause ("…, when the shares will stop trading"), rather than asserted.
 */
const CONDITIONAL = wordSet(claims.lists.conditionOpeners);

/** Words that say a count of people is a count of harm: "killed", "wounded", "dead", "missing". */
const HARM = wordSet(claims.lists.harmWords);
const harmCache = new WeakMap<readonly Token[], boolean>();
/** True when the sentence counts harm anywhere (read once per sentence). */
function countsHarm(tokens: readonly Token[]): boolean {
  let harm = harmCache.get(tokens);
  if (harm === undefined) harmCache.set(tokens, (harm = tokens.some((t) => HARM.has(t.norm) || HARM.has(t.lemma))));
  return harm;
}

/** "40-year-old Terence", "9/11 victims": an age or a number in a name, not a figure. */
function isAgeOrName(tokens: readonly Token[], first: number, last: number): boolean {
  const after = tokens
    .slice(last + 1, last + 4)
    .map((t) => t.norm)
    .join(' ');
  if (/^- year - old|^-year-old|^year - old/.test(after) || /^years? old/.test(after)) return true;
  const next = tokens[last + 1];
  const prev = tokens[first - 1];
  return (next?.text === '/' && next.start === tokens[last].end) || (prev?.text === '/' && prev.end === tokens[first].start);
}

/** "7 a.m.", "8 pm", "10 o'clock": a time of day, not a figure. */
function isTimeOfDay(tokens: readonly Token[], last: number): boolean {
  // "10:30", "9:30 a.m.": hours and minutes
  const after = tokens[last + 1];
  if (
    after?.text === ':' &&
    after.start === tokens[last].end &&
    tokens[last + 2]?.kind === 'number' &&
    tokens[last + 2].start === after.end
  )
    return true;
  if (tokens[last - 1]?.text === ':' && tokens[last - 1].start === tokens[last - 2]?.end && tokens[last - 2]?.kind === 'number')
    return true;
  const next = nextWord(tokens, last);
  if (next < 0) return false;
  const word = tokens[next].norm;
  if (TIME_OF_DAY.has(word)) return true;
  return (word === 'a' || word === 'p') && tokens[next + 1]?.text === '.' && tokens[nextWord(tokens, next)]?.norm === 'm';
}

/**
 * "Shareholders approved the $9 billion takeover at a meeting on Thursday", "Forty-two officers received
 * their stripes on Friday": a past event dated to the day is on the record, and so are its figures, unless
 * harm is counted ("At least 43 people were killed on Tuesday").
 */
function datedPastEvent(tokens: readonly Token[]): boolean {
  return onTheCalendar(tokens) && tokens.some((t) => t.pos === 'VERB' && tense(t) === 'past') && !countsHarm(tokens);
}

function figureSignals(text: string, tokens: readonly Token[], vocabulary: AttributionVocabulary): ClaimSignal[] {
  const signals: ClaimSignal[] = [];
  if (datedPastEvent(tokens)) return signals;
  for (const m of vocabulary.proportions.findAll(text, tokens)) signals.push({ kind: 'figures', start: m.start, end: m.end });
  /** Whether the sentence speaks of a lead or deficit (read once, when a number of points asks). */
  let lead: boolean | undefined;
  for (const n of findNumbers(tokens)) {
    // counts by order of magnitude ("dozens of") are read for fact checks only: the claim model was
    // trained without them
    if (n.year || n.ordinal || n.range || isTimeOfDay(tokens, n.last)) continue;
    const digits = tokens[n.first].kind === 'number';
    const prevToken = tokens[n.first - 1];
    const before = previousWord(tokens, n.first);
    let counted: 'people' | 'thing' | 'unit' | 'measure' | undefined;
    let j = n.last;
    for (let k = 0; k < 3 && !counted; k++) {
      const next = j + 1 < tokens.length && tokens[j + 1].text === '%' ? j + 1 : nextWord(tokens, j);
      if (next < 0) break;
      const t = tokens[next];
      if (vocabulary.measurements.has(t.norm)) counted = 'measure';
      else if (vocabulary.figurePeople.has(t.norm)) counted = 'people';
      else if (t.text === '%' || vocabulary.figureUnits.has(t.norm)) counted = 'unit';
      else if (vocabulary.figureNouns.has(t.norm)) counted = 'thing';
      j = next;
    }
    // "leads her challenger by nine points": points of a lead are a poll figure, not a score
    if (counted === 'measure' && tokens[j]?.norm === 'points' && (lead ??= tokens.some((t) => vocabulary.leads.has(t.norm))))
      counted = 'unit';
    if (counted === 'measure') continue;
    const casualty = before >= 0 && CASUALTY_VERBS.has(tokens[before].norm) && digits;
    // "the two men", "both women": a small number of people already in the story, not a count
    if (counted === 'people' && n.value < 10 && before >= 0 && DEFINITE.has(tokens[before].norm)) continue;
    // "Six women and six men vied for the post": a handful of people is a count that needs a source only
    // when harm is counted ("Two soldiers were killed")
    if (counted === 'people' && n.value < 10 && !casualty && !countsHarm(tokens)) continue;
    if (isAgeOrName(tokens, n.first, n.last)) continue;
    const money = prevToken !== undefined && CURRENCY.has(prevToken.text);
    const figure =
      counted === 'people' || counted === 'unit' || money || casualty || (counted === 'thing' && (digits ? n.value >= 10 : n.value >= 20));
    if (figure) signals.push({ kind: 'figures', start: n.start, end: tokens[j]?.end ?? n.end });
  }
  return signals;
}

function predictionSignals(tokens: readonly Token[], vocabulary: AttributionVocabulary): ClaimSignal[] {
  const signals: ClaimSignal[] = [];
  tokens.forEach((t, i) => {
    const setTo = t.norm === 'set' && BE_FORMS.has(tokens[previousWord(tokens, i)]?.norm ?? '');
    if (t.kind === 'punct' || (!vocabulary.modals.has(t.norm) && !setTo)) return;
    let j = nextWord(tokens, i);
    while (j >= 0 && MODAL_FILLERS.has(tokens[j].norm)) j = nextWord(tokens, j);
    // "is set to clear": like a modal
    if (t.norm === 'set' && !(tokens[j]?.norm === 'to')) return;
    if (t.norm === 'set') j = nextWord(tokens, j);
    if (j < 0) return;
    const verb = tokens[j].norm;
    if (verb === 'be') {
      // "will be held" is a schedule, "could be seen" a sight, "will be ice-free" a prediction
      let k = nextWord(tokens, j);
      while (k >= 0 && /ly$/.test(tokens[k].norm)) k = nextWord(tokens, k);
      // "will be holding a rally": the future progressive schedules
      if (k < 0 || /(ed|ing)$/.test(tokens[k].norm) || SCHEDULED_STATES.has(tokens[k].norm)) return;
    } else if (vocabulary.schedulingVerbs.has(verb)) return;
    signals.push({ kind: 'predictions', start: t.start, end: tokens[j].end });
  });
  return signals;
}

/** "the hottest", "the busiest": superlatives by their ending, after "the". */
const NOT_SUPERLATIVE = wordSet(claims.lists.notSuperlatives);
function superlativeSignals(tokens: readonly Token[]): ClaimSignal[] {
  const signals: ClaimSignal[] = [];
  tokens.forEach((t, i) => {
    if (t.kind !== 'word' || t.norm.length < 6 || !t.norm.endsWith('est') || NOT_SUPERLATIVE.has(t.norm)) return;
    const before = previousWord(tokens, i);
    if (before >= 0 && (tokens[before].norm === 'the' || tokens[before].possessive))
      signals.push({ kind: 'superlatives', start: t.start, end: t.end });
  });
  return signals;
}

/** "longer than", "more … than", "fell faster than": comparisons by their shape. */
function comparisonSignals(tokens: readonly Token[]): ClaimSignal[] {
  const signals: ClaimSignal[] = [];
  tokens.forEach((t, i) => {
    if (t.norm !== 'than') return;
    const before = previousWord(tokens, i);
    if (before < 0 || NOT_COMPARISON_THAN.has(tokens[before].norm)) return;
    // "less than an hour", "more than 200": a quantity, not a comparison
    const after = nextWord(tokens, i);
    if (
      QUANTITY_COMPARATIVES.has(tokens[before].norm) &&
      after >= 0 &&
      (tokens[after].kind === 'number' || QUANTITY_WORDS.has(tokens[after].norm))
    )
      return;
    for (let k = before, seen = 0; k >= 0 && seen < 7; k = previousWord(tokens, k), seen++) {
      const w = tokens[k].norm;
      if (COMPARATIVES.has(w) || (w.length > 4 && /er$/.test(w) && !NOT_COMPARATIVES.has(w))) {
        signals.push({ kind: 'comparisons', start: tokens[k].start, end: t.end });
        return;
      }
    }
  });
  return signals;
}

/**
 * "Unemployment has risen for three straight months", "Burglaries have fallen every year since": a verb of
 * change whose subject is something measured (or a figure) states a trend, a comparison with the past.
 */
function trendSignals(tokens: readonly Token[], vocabulary: AttributionVocabulary): ClaimSignal[] {
  const signals: ClaimSignal[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.pos !== 'VERB' || !vocabulary.trendVerbs.has(t.lemma)) continue;
    let end = i - 1;
    // "has been falling", "keeps falling", "continued to rise": auxiliaries and aspect verbs before the verb
    while (
      end >= 0 &&
      (tokens[end].pos === 'AUX' || tokens[end].pos === 'ADV' || tokens[end].pos === 'PART' || ASPECT.has(tokens[end].lemma))
    )
      end--;
    // the subject: back from the verb to the clause's start ("Violent crime in the city has fallen",
    // "Attendance at Sunday services keeps falling"), stopping at another verb or a clause mark
    const subject: number[] = [];
    for (let k = end; k >= 0 && subject.length < MAX_SUBJECT; k--) {
      const w = tokens[k];
      if (w.pos === 'VERB' || w.pos === 'SCONJ' || w.pos === 'CCONJ' || (w.kind === 'punct' && w.text !== '-' && w.text !== "'")) break;
      subject.push(k);
    }
    if (subject.length === 0 || !subject.some((k) => ['NOUN', 'PROPN', 'PRON', 'NUM'].includes(tokens[k].pos))) continue;
    const measured = subject.some(
      (k) => vocabulary.trendMeasures.has(tokens[k].norm) || vocabulary.trendMeasures.has(tokens[k].lemma) || tokens[k].kind === 'number',
    );
    if (measured) signals.push({ kind: 'trends', start: t.start, end: t.end });
  }
  return signals;
}

/** "charges of bribery", "accused of fraud", "on trial for murder": a legal status on record, not the writer's accusation. */
function isLegalStatus(tokens: readonly Token[], start: number): boolean {
  let i = tokens.findIndex((t) => t.start === start);
  for (let seen = 0; seen < 4 && i >= 0; seen++) {
    i = previousWord(tokens, i);
    if (i >= 0 && LEGAL_STATUS.has(tokens[i].norm)) return true;
  }
  return false;
}

/** The index of the token starting at `start`, or -1 (tokens are in order: a binary search). */
function tokenAt(tokens: readonly Token[], start: number): number {
  const i = partitionPoint(tokens, (t) => t.start < start);
  return tokens[i]?.start === start ? i : -1;
}

/** The index of the token ending at `end`, or -1. */
function tokenEndingAt(tokens: readonly Token[], end: number): number {
  const i = partitionPoint(tokens, (t) => t.end < end);
  return tokens[i]?.end === end ? i : -1;
}

/** "Even if voters wanted to change it, …": a signal inside a conditional or time clause (back to the last comma). */
function insideCondition(tokens: readonly Token[], start: number): boolean {
  const at = tokenAt(tokens, start);
  for (let i = at - 1; i >= 0 && at - i <= MAX_CLAUSE; i--) {
    const t = tokens[i];
    if (t.text === ',' || t.text === ';' || t.text === ':' || t.text === '\u2014') return false;
    if (CONDITIONAL.has(t.norm)) return true;
  }
  return false;
}

/**
 * "The firm is expected to announce results", "The deal is due to close": an expectation of a scheduled act,
 * or "due to" before a verb.
 */
function isScheduled(tokens: readonly Token[], signal: ClaimSignal, vocabulary: AttributionVocabulary): boolean {
  const last = tokenEndingAt(tokens, signal.end);
  if (last < 0 || tokens[last].norm !== 'to') return false;
  const verb = tokens[nextWord(tokens, last)];
  if (verb === undefined) return false;
  // "The deal is due to close at the end of the month": "due to" before a verb is a date, not a cause
  if (signal.kind === 'causal') return tokens[previousWord(tokens, last)]?.norm === 'due' && (verb.pos === 'VERB' || verb.pos === 'AUX');
  // "is expected to announce" schedules; "is likely to return a verdict" and "is expected to be built" still predict
  const expected = tokens.slice(tokenAt(tokens, signal.start), last).some((t) => t.norm === 'expected');
  return signal.kind === 'predictions' && expected && verb.norm !== 'be' && vocabulary.schedulingVerbs.has(verb.norm);
}

/**
 * "Wallace will moderate the final debate Oct. 19", "the program will expire on Sept. 30": a future act set
 * with "will" for a weekday or a day of a month is on the calendar, a schedule rather than a forecast ("is
 * expected to … by Friday" still asks whose expectation it is).
 */
function onTheCalendar(tokens: readonly Token[]): boolean {
  const times = findTimes(tokens);
  return times.weekdays.length > 0 || times.dates.some((d) => d.day !== undefined);
}

/** Intentions declared or acted on in public, in the past: a vow, a pledge, a refusal, an agreement. */
const PUBLIC_ACTS = wordSet(claims.lists.publicActs);

/**
 * "Cruz refused to endorse Trump at the convention", "Trump vowed to punish leakers": a past act the public
 * saw or heard, not an intention the writer ascribes ("has agreed to", a present result, still counts).
 */
function isPublicAct(tokens: readonly Token[], signal: ClaimSignal): boolean {
  if (signal.kind !== 'intentions') return false;
  const at = tokenAt(tokens, signal.start);
  const before = tokens[previousWord(tokens, at)];
  return PUBLIC_ACTS.has(tokens[at]?.norm ?? '') && !PERFECT_HAVE.has(before?.norm ?? '');
}

/**
 * "Trump did not unveil plans to pay", "its plans to": an intention word used as a noun, read by what comes
 * before it (the tagger alone also reads "The government plans to cut" as a noun).
 */
function isNounUse(tokens: readonly Token[], signal: ClaimSignal): boolean {
  if (signal.kind !== 'intentions') return false;
  const at = tokenAt(tokens, signal.start);
  const before = tokens[previousWord(tokens, at)];
  return (
    tokens[at]?.pos === 'NOUN' &&
    before !== undefined &&
    (before.pos === 'VERB' ||
      before.pos === 'DET' ||
      before.pos === 'ADJ' ||
      before.pos === 'ADP' ||
      before.possessive ||
      POSSESSIVE_DETERMINERS.has(before.norm))
  );
}

const GRADED = wordSet(claims.lists.gradedWords);
/** How far after a superlative its scope may stand ("the largest lender to small businesses in Norway"). */
const SCOPE_REACH = 8;

/**
 * "climbed the highest peaks", "taxes on the wealthiest Americans": a superlative (an -est word, "the most",
 * "the best") that is neither predicated of its subject ("were the worst", "would create the largest", "one
 * of the") nor given a scope ("since 2011", "ever", "in Europe") describes rather than claims. Phrases such
 * as "for the first time" or "a record" are claims as they stand.
 */
function isDescriptiveSuperlative(
  tokens: readonly Token[],
  signal: ClaimSignal,
  vocabulary: AttributionVocabulary,
  predicativeEnds: () => ReadonlySet<number>,
): boolean {
  let at = tokenAt(tokens, signal.start);
  if (at < 0 || !(tokens[at].norm.endsWith('est') || GRADED.has(tokens[at].norm))) return false;
  if (tokens[at].norm !== 'the' && tokens[previousWord(tokens, at)]?.norm === 'the') at = previousWord(tokens, at);
  const before = previousWord(tokens, at);
  if (before >= 0) {
    const predicative = predicativeEnds().has(tokens[before].end);
    if (predicative || tokens[before].pos === 'AUX') return false;
  }
  for (let k = nextWord(tokens, at), seen = 0; k >= 0 && seen < SCOPE_REACH; k = nextWord(tokens, k), seen++) {
    const t = tokens[k];
    if (vocabulary.superlativeScope.has(t.norm) || t.kind === 'number') return false;
    if (t.norm === 'in' && tokens[nextWord(tokens, k)]?.pos === 'PROPN') return false;
  }
  return true;
}

/**
 * The claim signals of a sentence, outside quoted words: figures (numbers with a counted noun, money,
 * percentages, tolls), dates, superlatives, comparisons, causal and predictive wording, accusations,
 * intentions and opinions stated as fact.
 */
export function findClaims(
  text: string,
  tokens: readonly Token[],
  vocabulary: AttributionVocabulary,
  isQuoted: (offset: number) => boolean,
): ClaimSignal[] {
  const signals: ClaimSignal[] = [
    ...figureSignals(text, tokens, vocabulary),
    ...vocabulary.claimPhrases.findAll(text, tokens).map((m) => ({ kind: m.value, start: m.start, end: m.end })),
    ...predictionSignals(tokens, vocabulary),
    ...superlativeSignals(tokens),
    ...comparisonSignals(tokens),
    ...trendSignals(tokens, vocabulary),
    ...findTimes(tokens).dates.map((d) => ({ kind: 'dates' as ClaimKind, start: d.start, end: d.end })),
  ];
  const markets = vocabulary.markets.findAll(text, tokens).length > 0;
  let predicative: Set<number> | undefined;
  const predicativeEnds = (): ReadonlySet<number> =>
    (predicative ??= new Set(vocabulary.predicativeVerbs.findAll(text, tokens).map((m) => m.end)));
  return signals
    .filter((s) => !isQuoted(s.start) && !(s.kind === 'accusations' && isLegalStatus(tokens, s.start)))
    .filter((s) => !(markets && (s.kind === 'figures' || s.kind === 'trends' || s.kind === 'comparisons')))
    .filter(
      (s) => !insideCondition(tokens, s.start) && !isScheduled(tokens, s, vocabulary) && !isNounUse(tokens, s) && !isPublicAct(tokens, s),
    )
    .filter(
      (s) => !(s.kind === 'predictions' && vocabulary.modals.has(tokens[tokenAt(tokens, s.start)]?.norm ?? '') && onTheCalendar(tokens)),
    )
    .filter((s) => !(s.kind === 'superlatives' && isDescriptiveSuperlative(tokens, s, vocabulary, predicativeEnds)))
    .sort((a, b) => a.start - b.start);
}
