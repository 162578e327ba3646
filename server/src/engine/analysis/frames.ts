/**
 * Attribution frames, the structure PARC-style corpora annotate: who (source) says (cue) what (content).
 * Found once per sentence from the tagger's parts of speech and lemmas and the attribution vocabulary:
 * "X said (that) Y", "Y, X said", "Y, said X", "according to X", "X told Reuters …", "X, who …, said",
 * "He went on to say", "X is promising lawmakers that", "X's claim that Y", "X issued a statement
 * calling …", passives with "by", colon and dash attribution, and vague sourcing ("reportedly").
 */
import type { AttributionVocabulary, CueVerb } from '../knowledge/attributionVocabulary';
import type { Mention } from '../knowledge/entityMatcher';
import type { PhraseMatch } from '../text/phrases';
import { longestNonOverlapping } from '../text/phrases';
import type { Quotation } from '../text/quotes';
import type { Token } from '../text/tokens';
import { isCapitalized, nextWord, previousWord } from '../text/tokens';
import { isTimeWord } from '../text/dates';
import type { Span } from '../types';
import { isNounHead, phraseEndingAt, phraseStartingAt } from './nounPhrases';
import type { SourceKind, SourceReading } from './sourceKind';
import { readSource } from './sourceKind';

/** One attribution: its source (absent for "reportedly" and agentless passives), cue and content. */
export interface AttributionFrame {
  kind: SourceKind;
  /** The words naming the source. */
  source?: Span;
  /** The words that attribute: a reporting verb, "according to", a colon. */
  cue: Span;
  /** What is attributed, when the sentence says. */
  content?: Span;
  /** The person, body or outlet the source names, when the fact base knows it. */
  mention?: Mention;
  /** For "X quoted Y as saying": the outlet X, while the source is the speaker Y. */
  outlet?: Mention;
  /** True when the source can hold a view (a person, a body, a pronoun), not a thing. */
  agentive: boolean;
  /**
   * True when the frame reports a statement made ("said", "according to", "the report found"); false for a
   * view or plan held ("wants to", "believes") or a statement not yet made ("will announce"), which leave
   * an editor still asking who says so.
   */
  stated: boolean;
  /** Set when the frame was carried over from an earlier sentence (the paragraph continues its account). */
  carriedFrom?: AttributionFrame;
  /** For a pronoun source: the earlier frame whose source it stands for. */
  antecedent?: AttributionFrame;
}

/** What the frame finder reads of one sentence. */
export interface FrameInput {
  text: string;
  tokens: readonly Token[];
  /** The sentence's span (content runs to its end at most). */
  sentence: Span;
  vocabulary: AttributionVocabulary;
  mentions: readonly Mention[];
  /** Title phrases of the sentence ("foreign minister"). */
  titles: readonly Span[];
  /** The block's quotations. */
  quotes: readonly Quotation[];
  /**
   * True for an offset inside quoted words (a quotation, a block quote): a cue there is the quoted
   * speaker's sourcing, never the writer's, and gives no frame.
   */
  isQuoted: (offset: number) => boolean;
}

const QUOTE_MARKS = /^["\u201C\u201D\u00AB\u00BB\u2018\u2019\u201E']$/;
const DASHES = /^[\u2014\u2015\u2013-]$/;
/** Words between a subject and its verb that do not change who speaks ("has also said", "would not say"). */
const isSkippable = (t: Token): boolean => t.pos === 'ADV' || t.pos === 'AUX' || (t.pos === 'PART' && t.norm !== 'to') || t.norm === 'not';

/** Cue verbs that put their subject after them in news style (`"…," said Lavrov`). */
const INVERTIBLE = new Set(['say', 'add', 'ask', 'note', 'write', 'explain', 'insist', 'continue', 'state', 'declare', 'recall', 'reply', 'warn', 'argue', 'observe', 'remark', 'tell', 'tweet', 'announce', 'conclude', 'respond', 'answer', 'counter', 'quip', 'joke', 'concede', 'acknowledge', 'admit', 'complain', 'caution', 'urge']);

interface Builder {
  input: FrameInput;
  frames: AttributionFrame[];
  taken: Span[];
}

function sourceOf(input: FrameInput, phrase: readonly number[]): SourceReading | undefined {
  const hasTitle = (start: number, end: number): boolean => input.titles.some((t) => t.start >= start && t.end <= end);
  return readSource(input.tokens, phrase, input.vocabulary, input.mentions, hasTitle);
}

const spanOf = (tokens: readonly Token[], phrase: readonly number[]): Span => ({ start: tokens[phrase[0]].start, end: tokens[phrase[phrase.length - 1]].end });

/** The end of the sentence's words: before its final punctuation and closing marks. */
function contentEnd(input: FrameInput): number {
  const { tokens } = input;
  let i = tokens.length - 1;
  while (i > 0 && tokens[i].kind === 'punct' && !QUOTE_MARKS.test(tokens[i].text)) i--;
  return tokens[i]?.end ?? input.sentence.end;
}

function add(builder: Builder, frame: AttributionFrame): void {
  if (builder.input.isQuoted(frame.cue.start) || builder.frames.some((f) => f.cue.start < frame.cue.end && f.cue.end > frame.cue.start)) return;
  builder.frames.push(frame);
}

function frameFrom(reading: SourceReading, source: Span | undefined, cue: Span, content: Span | undefined, stated = true): AttributionFrame {
  const frame: AttributionFrame = { kind: reading.kind, cue, agentive: reading.agentive, stated };
  if (source) frame.source = source;
  if (content && content.end > content.start) frame.content = content;
  if (reading.mention) frame.mention = reading.mention;
  return frame;
}

/** "reportedly", "it is believed", "people familiar with": sourcing that is all cue. */
function vagueFrames(builder: Builder, matches: PhraseMatch<true>[]): void {
  const { input } = builder;
  for (const vague of longestNonOverlapping(matches)) {
    // "it was reported by Tass": the agent names the source
    if (input.tokens[nextWord(input.tokens, vague.last)]?.norm === 'by') continue;
    const cue = { start: vague.start, end: vague.end };
    add(builder, { kind: 'vague', cue, agentive: true, stated: true, content: { start: input.sentence.start, end: contentEnd(input) } });
    builder.taken.push(cue);
  }
}

/** "according to X", "in a statement by X": the source follows the introducer. */
function introducedFrames(builder: Builder): void {
  const { input } = builder;
  const { tokens, vocabulary } = input;
  for (const intro of input.vocabulary.introducers.findAll(input.text, tokens)) {
    if (builder.taken.some((s) => s.start <= intro.start && s.end >= intro.end)) continue;
    const phrase = phraseStartingAt(tokens, intro.last + 1);
    const cue = { start: intro.start, end: intro.end };
    // "under a settlement", "in a filing": the introducer is itself a document; "according to" needs a name
    const documentary = vocabulary.documentNouns.has(tokens[intro.last].lemma) || vocabulary.documentNouns.has(tokens[intro.last].norm);
    const reading = sourceOf(input, phrase) ?? (documentary ? { kind: 'document' as SourceKind, agentive: false } : undefined);
    if (!reading) continue;
    const source = phrase.length > 0 ? spanOf(tokens, phrase) : cue;
    // "According to X, Y." or "Y, according to X."
    const after = phrase.length > 0 ? phrase[phrase.length - 1] + 1 : intro.last + 1;
    const opening = previousWord(tokens, intro.first) < 0;
    const content = opening
      ? { start: tokens[nextWord(tokens, after - 1)]?.start ?? contentEnd(input), end: contentEnd(input) }
      : { start: input.sentence.start, end: tokens[intro.first - 1]?.text === ',' ? tokens[intro.first - 2]?.end ?? intro.start : intro.start };
    add(builder, frameFrom(reading, source, cue, content));
    builder.taken.push(cue);
  }
}

/**
 * "In an NBC News poll released Monday, 50 percent …", "Clinton leads in the latest poll": a document
 * introduced by "in" sources a sentence that has no other frame.
 */
function documentFrames(builder: Builder): void {
  const { input } = builder;
  const { tokens, vocabulary } = input;
  if (builder.frames.length > 0) return;
  for (let i = 0; i < tokens.length - 1; i++) {
    const t = tokens[i];
    if (t.norm !== 'in' || t.pos !== 'ADP') continue;
    const phrase = phraseStartingAt(tokens, i + 1);
    const head = tokens[phrase[phrase.length - 1]];
    if (!head || !(vocabulary.documentNouns.has(head.lemma) || vocabulary.documentNouns.has(head.norm))) continue;
    const reading = sourceOf(input, phrase);
    if (!reading) continue;
    const opening = previousWord(tokens, i) < 0;
    const after = nextWord(tokens, phrase[phrase.length - 1]);
    const content = opening ? { start: tokens[after]?.start ?? t.start, end: contentEnd(input) } : { start: input.sentence.start, end: t.start };
    add(builder, frameFrom({ ...reading, kind: reading.kind === 'vague' ? 'vague' : 'document' }, spanOf(tokens, phrase), { start: t.start, end: t.end }, content));
    return;
  }
}

/** The cue-verb entry whose particles follow token `i` ("point" + "out"), longest first. */
function cueEntry(tokens: readonly Token[], i: number, entries: readonly CueVerb[]): { entry: CueVerb; last: number } | undefined {
  let best: { entry: CueVerb; last: number } | undefined;
  for (const entry of entries) {
    let last = i;
    let ok = true;
    for (const particle of entry.particles) {
      const next = nextWord(tokens, last);
      if (next < 0 || tokens[next].norm !== particle) {
        ok = false;
        break;
      }
      last = next;
    }
    if (ok && (!best || entry.particles.length > best.entry.particles.length)) best = { entry, last };
  }
  return best;
}

/**
 * True when a cue verb was tagged as a noun in a verb's place: after the subject's head and before what a
 * verb governs ("The Post reports that …", "FEC records show he backed …", "…, the reports show.").
 */
function isMistaggedVerb(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (t.pos !== 'NOUN' || t.possessive) return false;
  const before = tokens[i - 1];
  if (!before || !(before.pos === 'PROPN' || before.pos === 'PRON' || (before.pos === 'NOUN' && before.norm !== before.lemma))) return false;
  const after = tokens[i + 1];
  if (!after) return true;
  if (after.norm === 'that' || after.text === ':' || QUOTE_MARKS.test(after.text) || /^[.,;!?]$/.test(after.text)) return true;
  if (after.pos === 'PRON' && /^(he|she|they|it|we|i|you)$/.test(after.norm)) return true;
  // "Findings show voters fear …", "public records show little evidence"
  return after.pos === 'DET' || after.pos === 'NOUN' || after.pos === 'ADJ' || after.pos === 'NUM' || after.pos === 'PROPN';
}

/**
 * The lemma of an -ing form the tagger read as an adjective after "be" ("is promising lawmakers that"), when
 * it is a cue verb's: "promising" -> "promise", "urging" -> "urge", "planning" -> "plan".
 */
function progressiveLemma(tokens: readonly Token[], i: number, vocabulary: AttributionVocabulary): string | undefined {
  const t = tokens[i];
  if (t.pos !== 'ADJ' || !t.norm.endsWith('ing') || tokens[i - 1]?.pos !== 'AUX' || tokens[i - 1].lemma !== 'be') return undefined;
  const stem = t.norm.slice(0, -3);
  const undoubled = stem.length > 2 && stem[stem.length - 1] === stem[stem.length - 2] ? stem.slice(0, -1) : stem;
  return [stem + 'e', stem, undoubled].find((form) => vocabulary.cueVerbs.has(form));
}

/** True when the verb at `i` is passive: a form of "be" or "get" before it, and not an -ing form. */
function isPassive(tokens: readonly Token[], i: number): boolean {
  if (tokens[i].norm.endsWith('ing')) return false;
  let j = i - 1;
  while (j >= 0 && tokens[j].pos === 'ADV') j--;
  return j >= 0 && tokens[j].pos === 'AUX' && (tokens[j].lemma === 'be' || tokens[j].lemma === 'get');
}

const CLOSING = new Map([[')', '('], [']', '[']]);

/**
 * The noun phrase (token indexes) that is the subject of the verb at `verb`, reading leftwards: auxiliaries
 * and adverbs ("has also said"), a governing verb ("went on to say", "declined to comment"), an aside in
 * commas, dashes or brackets ("Lavrov, Russia's foreign minister, said"; "Sanders (I-Vt.) said"), a
 * relative pronoun ("Obama, who called …": "Obama, who"), and a verb joined to an earlier one ("took the
 * stage and called …": the first verb's subject). Empty when there is none.
 */
function findSubject(tokens: readonly Token[], verb: number): number[] {
  let i = verb - 1;
  for (let chains = 0; i >= 0; ) {
    const t = tokens[i];
    if (isSkippable(t)) {
      i--;
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
  if (t.pos === 'CCONJ' && /^(and|but|or|yet)$/.test(t.norm)) return clauseSubject(tokens, i);
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
    while (j >= 0 && (tokens[j].text === ',' || CLOSING.has(tokens[j].text))) j = CLOSING.has(tokens[j].text) ? matchingOpener(tokens, j) - 1 : j - 1;
    return j >= 0 && j < i ? phraseEndingAt(tokens, j) : [];
  }
  return nounPhraseOrRelative(tokens, outsideRelativeClause(tokens, i, 0));
}

/** The noun phrase ending at `end`, or for a relative pronoun its antecedent with it ("Obama, who"). */
function nounPhraseOrRelative(tokens: readonly Token[], end: number): number[] {
  const t = tokens[end];
  if (t.pos === 'PRON' && /^(who|which|that)$/.test(t.norm)) {
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
      const opens = first.pos === 'DET' || first.pos === 'PROPN' || first.pos === 'NOUN' || first.pos === 'ADJ' || first.pos === 'NUM' || first.pos === 'ADP' || first.pos === 'ADV' || /^(who|whose|which|his|her|their|its)$/.test(first.norm);
      return opens && isNounHead(tokens[j - 1]) ? j : -1;
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
    if ((t.norm === 'who' || t.norm === 'that' || t.norm === 'which') && (t.pos === 'PRON' || t.pos === 'SCONJ' || t.pos === 'DET') && j < end) {
      const antecedent = j - 1;
      return antecedent >= floor && isNounHead(tokens[antecedent]) && tokens.slice(j + 1, end + 1).some((w) => w.pos === 'VERB') ? antecedent : end;
    }
  }
  return end;
}

/** For a cue at `cue` right after "by X" ("issued by the Iraqi military claiming"), the phrase X. */
function agentBefore(tokens: readonly Token[], cue: number): number[] {
  const phrase = phraseEndingAt(tokens, cue - 1);
  if (phrase.length === 0) return [];
  const by = tokens[phrase[0] - 1];
  return by?.norm === 'by' && by.pos === 'ADP' ? phrase : [];
}

/** The subject of the first verb before `before`: the main clause's subject ("Carson took … and called"). */
function clauseSubject(tokens: readonly Token[], before: number): number[] {
  for (let i = 0; i < before; i++) {
    const t = tokens[i];
    if (t.pos !== 'VERB' && t.pos !== 'AUX') continue;
    let end = i - 1;
    while (end >= 0 && isSkippable(tokens[end])) end--;
    return end >= 0 ? nounPhraseOrRelative(tokens, end) : [];
  }
  return [];
}

/**
 * How a cue's content follows it: a complement ("that …", a quotation, a colon, "whether …", "to …", a
 * figure), a clause without "that" ("believes the economy is …"), or an object ("denied the report").
 */
type ContentShape = 'complement' | 'clause' | 'object';

/**
 * Where the content after a cue at `last` begins, skipping the person told ("told reporters that"), and for
 * an object, where it ends ("endorsed Cruz on Wednesday": "Cruz"); other content runs to the sentence's end.
 */
function contentAfter(input: FrameInput, last: number, addressee: boolean): { start: number; shape: ContentShape; end?: number } | undefined {
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
    /^[$£€¥]$/.test(t.text) ||
    /^(whether|if|how|why|what|when|where|who|about|of)$/.test(t.norm) ||
    (t.norm === 'to' && tokens[i + 1]?.pos === 'VERB');
  if (complement) return { start: t.start, shape: 'complement' };
  if (startsClause(tokens, i)) return { start: t.start, shape: 'clause' };
  const object = phraseStartingAt(tokens, i);
  if (object.length === 0) return undefined;
  // "called the system “rotten”", "described the plan as …", "accused Iran of …": the object and what is said of it
  const next = tokens[object[object.length - 1] + 1];
  const said = next !== undefined && (QUOTE_MARKS.test(next.text) || /^(as|of)$/.test(next.norm) || next.pos === 'ADJ');
  return said ? { start: t.start, shape: 'complement' } : { start: t.start, shape: 'object', end: tokens[object[object.length - 1]].end };
}

/**
 * The first token after the circumstances a cue may carry before its content: adverbs, commas, time words
 * and short prepositional phrases ("said on Twitter Thursday that", "told AP last week that").
 */
function afterCircumstances(tokens: readonly Token[], from: number): number {
  let i = from;
  for (let steps = 0; i < tokens.length && steps < 16; steps++) {
    const t = tokens[i];
    if (t.text === ',' || t.pos === 'ADV' || isTimeWord(t.norm) || /^(last|this|next|earlier|later)$/.test(t.norm)) {
      i++;
      continue;
    }
    if (t.pos === 'ADP' && !/^(about|of|that|as)$/.test(t.norm)) {
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

/** Reporting, finding and stance verbs with their subjects. */
function verbFrames(builder: Builder): void {
  const { input } = builder;
  const { tokens, vocabulary } = input;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word') continue;
    const progressive = progressiveLemma(tokens, i, vocabulary);
    const entries = vocabulary.cueVerbs.get(t.lemma) ?? vocabulary.cueVerbs.get(t.norm) ?? (progressive ? vocabulary.cueVerbs.get(progressive) : undefined);
    if (!entries) continue;
    if (!(t.pos === 'VERB' || t.pos === 'X' || progressive || isMistaggedVerb(tokens, i))) continue;
    if (builder.taken.some((s) => s.start <= t.start && s.end >= t.end)) continue;
    const found = cueEntry(tokens, i, entries);
    if (!found) continue;
    // "the Trump campaign said", "the Post reports said": a noun taken for a verb before the real cue
    const following = tokens[found.last + 1];
    if (following?.pos === 'VERB' && (vocabulary.cueVerbs.has(following.lemma) || following.norm.endsWith('ed'))) continue;
    const { entry, last } = found;
    const cue = { start: t.start, end: tokens[last].end };
    if (isPassive(tokens, i)) {
      passiveFrame(builder, i, last, entry, cue);
      continue;
    }
    const addressee = vocabulary.addresseeVerbs.has(progressive ?? t.lemma);
    const after = contentAfter(input, last, addressee);
    const frame = activeFrame(builder, i, last, entry, cue, after);
    if (frame) add(builder, frame);
  }
}

function passiveFrame(builder: Builder, i: number, last: number, entry: CueVerb, cue: Span): void {
  const { input } = builder;
  const { tokens } = input;
  const by = nextWord(tokens, last);
  if (by >= 0 && tokens[by].norm === 'by') {
    const phrase = phraseStartingAt(tokens, by + 1);
    const reading = sourceOf(input, phrase);
    if (reading) add(builder, frameFrom(reading, spanOf(tokens, phrase), cue, { start: input.sentence.start, end: tokens[i - 1]?.start ?? cue.start }));
    return;
  }
  const after = contentAfter(input, last, false);
  // "Ackman is convinced that …", "voters were worried that …": the subject holds the view
  if (after?.shape === 'complement' && tokens.find((t) => t.start === after.start)?.norm === 'that' && entry.verbClass !== 'speech') {
    const phrase = findSubject(tokens, i);
    const holder = phrase.length > 0 ? sourceOf(input, phrase) : undefined;
    if (holder && holder.kind !== 'document') add(builder, frameFrom(holder, spanOf(tokens, phrase), cue, { start: after.start, end: contentEnd(input) }, false));
    if (holder) return;
  }
  // "the plan was announced", "Trump is expected to win": a cue with no source
  if (entry.verbClass === 'stance') return;
  add(builder, frameFrom({ kind: 'none', agentive: false }, undefined, cue, after ? { start: after.start, end: contentEnd(input) } : undefined));
}

function activeFrame(builder: Builder, i: number, last: number, entry: CueVerb, cue: Span, after: ReturnType<typeof contentAfter>): AttributionFrame | undefined {
  const { input } = builder;
  const { tokens } = input;
  const end = contentEnd(input);
  const before = tokens[i - 1];
  const afterQuoteOrComma = before !== undefined && (before.text === ',' || QUOTE_MARKS.test(before.text));
  // "…," said Lavrov. / "…," said the minister, adding …
  if ((afterQuoteOrComma || i === 0) && INVERTIBLE.has(tokens[i].lemma) && !tokens[i].norm.endsWith('ing')) {
    const phrase = phraseStartingAt(tokens, last + 1);
    // the speaker ends the clause, unless a verb follows ("said the minister was wrong" reports a clause)
    const following = tokens[phrase[phrase.length - 1] + 1];
    const closes = phrase.length > 0 && !(following && (following.pos === 'VERB' || following.pos === 'AUX' || following.norm === 'that'));
    const reading = closes ? sourceOf(input, phrase) : undefined;
    if (reading && reading.kind !== 'document') return frameFrom(reading, spanOf(tokens, phrase), cue, preposedContent(input, i));
  }
  let phrase = findSubject(tokens, i);
  // "a statement issued by the Iraqi military claiming …": the agent of the noun the cue follows
  const agent = tokens[i].norm.endsWith('ing') ? agentBefore(tokens, i) : [];
  if (agent.length > 0) phrase = agent;
  // "…, saying …", "issued a statement slamming …": an -ing cue's source is its clause's subject
  else if (tokens[i].norm.endsWith('ing') && (phrase.length === 0 || afterQuoteOrComma || (before && before.pos === 'NOUN'))) {
    const earlier = builder.frames.filter((f) => f.cue.end <= cue.start && f.source);
    const governing = earlier[earlier.length - 1];
    if (governing) {
      const frame: AttributionFrame = { kind: governing.kind, cue, agentive: governing.agentive, stated: governing.stated };
      if (governing.source) frame.source = governing.source;
      if (governing.mention) frame.mention = governing.mention;
      if (after) frame.content = { start: after.start, end };
      return frame;
    }
    phrase = clauseSubject(tokens, i);
  }
  if (phrase.length === 0) return undefined;
  let reading = sourceOf(input, phrase);
  if (!reading) return undefined;
  let source = spanOf(tokens, phrase);
  // "people familiar with the matter said": the vague phrase opens the subject
  const vague = builder.taken.find((s) => s.end <= source.start && !/\S/.test(input.text.slice(s.end, source.start)));
  if (vague && builder.frames.some((f) => f.kind === 'vague' && f.cue === vague)) {
    builder.frames = builder.frames.filter((f) => f.cue !== vague);
    reading = { kind: 'vague', agentive: true };
    source = { start: vague.start, end: source.end };
  }
  const preposed = after ? undefined : preposedContent(input, phrase[0]);
  const content = after ? { start: after.start, end: after.end ?? end } : preposed;
  const stated = !isProspective(tokens, i, input.vocabulary.prospective);
  switch (entry.verbClass) {
    case 'speech':
      // "will add 3,400 homes", "claimed 40 lives": a quantity is counted, not said
      if (after?.shape === 'object' && /^[\d$£€¥]/.test(input.text.slice(after.start, after.start + 1))) return undefined;
      // "Trump spoke at a rally" attributes nothing; "Mrs. Clinton said." after a quotation does
      return content || endsSentence(tokens, last) ? frameFrom(reading, source, cue, content, stated) : undefined;
    case 'finding': {
      // "agreed to expel", "decided to …": a plan, not a statement
      const plan = after !== undefined && tokens.find((t) => t.start === after.start)?.norm === 'to';
      // a thing's finding ("the move shows that …") is a frame, but it sources nothing
      const sourcing = reading.agentive || reading.kind === 'document' || reading.kind === 'outlet' || reading.kind === 'vague';
      // "the report found", "researchers found that", "…, the reports show", "voters believe the economy is …"
      if (after?.shape === 'complement' || after?.shape === 'clause' || (!after && preposed)) return frameFrom(reading, source, cue, content, stated && !plan && sourcing);
      if ((reading.kind === 'document' || reading.kind === 'outlet') && content) return frameFrom(reading, source, cue, content, stated);
      return undefined;
    }
    case 'stance': {
      // a view held, not an act: "Clinton wants to …", "the couple worried that …" (never "the bill supports …")
      if (reading.kind === 'document') return undefined;
      const propositional = after !== undefined && after.shape !== 'object';
      if (!reading.agentive && !propositional) return undefined;
      // "endorsed Cruz", "hailed the nomination" report a stance too, when someone takes it
      return after || preposed ? frameFrom(reading, source, cue, content, false) : undefined;
    }
  }
}

/** True when nothing but punctuation follows token `last` in the sentence. */
function endsSentence(tokens: readonly Token[], last: number): boolean {
  for (let i = last + 1; i < tokens.length; i++) if (tokens[i].kind !== 'punct') return false;
  return true;
}

/**
 * True when the cue at `cue` is under a modal or a raising word ("will announce", "is set to announce",
 * "is expected to say"): the statement has not been made.
 */
function isProspective(tokens: readonly Token[], cue: number, prospective: ReadonlySet<string>): boolean {
  for (let i = cue - 1, seen = 0; i >= 0 && seen < 4; i--, seen++) {
    const t = tokens[i];
    if (prospective.has(t.norm)) return true;
    if (!(t.pos === 'ADV' || t.pos === 'AUX' || t.pos === 'PART')) return false;
  }
  return false;
}

/**
 * True when a clause starts at `from` without "that": a subject (a noun phrase, a pronoun, a gerund), then
 * its verb within a few words ("believes the economy is", "said much of his discussion was", "said
 * legalizing it could").
 */
function startsClause(tokens: readonly Token[], from: number): boolean {
  const first = tokens[from];
  if (!first) return false;
  const subjectLike =
    first.pos === 'DET' || first.pos === 'PRON' || first.pos === 'PROPN' || first.pos === 'NOUN' || first.pos === 'ADJ' || first.pos === 'NUM' ||
    (first.pos === 'VERB' && (first.norm.endsWith('ing') || isCapitalized(first.text)));
  if (!subjectLike || /^(what|who|which)$/.test(first.norm)) return false;
  for (let i = from + 1; i < tokens.length && i <= from + 10; i++) {
    const t = tokens[i];
    if (t.pos === 'AUX' || (t.pos === 'VERB' && !t.norm.endsWith('ing'))) return true;
    if (t.kind === 'punct' && !/^[.'\u2019\-&]$/.test(t.text)) return false;
    // "supported Assad since the war began": the verb belongs to another clause
    if (t.pos === 'SCONJ' || t.pos === 'CCONJ' || /^(since|after|before|because|while|when|until|unless|although|though)$/.test(t.norm)) return false;
  }
  return false;
}

/**
 * The content before a source and cue with no content after them: `"…," Lavrov said`, `Y, officials said
 * on Monday`. Undefined unless a comma or closing quotation mark comes right before the source.
 */
function preposedContent(input: FrameInput, sourceStart: number): Span | undefined {
  const { tokens } = input;
  const mark = tokens[sourceStart - 1];
  if (!mark || !(mark.text === ',' || (QUOTE_MARKS.test(mark.text) && mark.text !== '\u201C'))) return undefined;
  let i = sourceStart - 1;
  while (i >= 0 && (tokens[i].text === ',' || (QUOTE_MARKS.test(tokens[i].text) && tokens[i].text !== '\u201C'))) i--;
  if (i < 0) return undefined;
  return { start: input.sentence.start, end: tokens[i].end + (QUOTE_MARKS.test(tokens[i + 1]?.text ?? '') ? 1 : 0) };
}

/** "Trump's claim that", "a statement from the ministry", "X issued a statement calling …". */
function nominalFrames(builder: Builder): void {
  const { input } = builder;
  const { tokens, vocabulary } = input;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.pos !== 'NOUN' || !vocabulary.nominalCues.has(t.lemma)) continue;
    if (builder.taken.some((s) => s.start <= t.start && s.end >= t.end)) continue;
    const after = contentAfter(input, i, false);
    const next = tokens[i + 1];
    // what the owner said follows: "claim that", "statement: …", "remarks, “…”", "a statement calling …"
    const signalled =
      next !== undefined &&
      (next.norm === 'that' || next.text === ':' || QUOTE_MARKS.test(next.text) || (next.text === ',' && QUOTE_MARKS.test(tokens[i + 2]?.text ?? '')) || (next.pos === 'VERB' && next.norm.endsWith('ing')));
    let phrase: number[] = [];
    // the owner before it: "Trump's claim", "his warning"
    let j = i - 1;
    while (j >= 0 && tokens[j].pos === 'ADJ') j--;
    if (j >= 0 && (tokens[j].possessive || /^(his|her|their|its|our|my)$/.test(tokens[j].norm))) {
      phrase = tokens[j].possessive ? phraseEndingAt(tokens, j) : [j];
    } else if (next && (next.norm === 'by' || next.norm === 'from') && tokens[i + 2]) {
      phrase = phraseStartingAt(tokens, i + 2);
    } else if (j >= 0 && tokens[j].pos === 'DET') {
      // "X issued a statement": the subject of the light verb
      let v = j - 1;
      while (v >= 0 && (tokens[v].pos === 'ADV' || tokens[v].pos === 'ADP')) v--;
      if (v >= 0 && tokens[v].pos === 'VERB' && vocabulary.lightVerbs.has(tokens[v].lemma)) {
        phrase = findSubject(tokens, v);
      }
    }
    if (phrase.length === 0 || (!signalled && !tokens[j]?.possessive && tokens[j]?.pos !== 'DET')) continue;
    const reading = sourceOf(input, phrase);
    if (!reading || !reading.agentive || !signalled) continue;
    add(builder, frameFrom(reading, spanOf(tokens, phrase), { start: t.start, end: t.end }, after ? { start: after.start, end: contentEnd(input) } : undefined));
  }
}

/** "Jane Roe, The Daily Herald: "…"", "WALLACE: Let's start …", "Pence: Flowers won't be at debate". */
function colonFrame(builder: Builder): void {
  const { input } = builder;
  const { tokens, vocabulary } = input;
  const colon = tokens.findIndex((t) => t.text === ':');
  if (colon <= 0 || colon > 14 || colon >= tokens.length - 1) return;
  let first = 0;
  while (first < colon && QUOTE_MARKS.test(tokens[first].text)) first++;
  if (vocabulary.colonLabels.has(tokens[first].norm)) return;
  // the speaker, then an optional apposition: "Jane Roe, The Daily Herald:"
  const speakerEnd = tokens.slice(first, colon).findIndex((t) => t.text === ',');
  const phraseEnd = speakerEnd < 0 ? colon - 1 : first + speakerEnd - 1;
  const phrase = phraseEndingAt(tokens, phraseEnd, first);
  if (phrase.length === 0 || phrase[0] !== first) return;
  if (!phrase.some((k) => tokens[k].pos === 'PROPN' || tokens[k].pos === 'PRON') && !input.mentions.some((m) => m.start >= tokens[first].start && m.end <= tokens[phraseEnd].end)) return;
  const reading = sourceOf(input, phrase);
  if (!reading || reading.kind === 'document' || !reading.agentive) return;
  add(builder, frameFrom(reading, spanOf(tokens, phrase), { start: tokens[colon].start, end: tokens[colon].end }, { start: tokens[colon + 1].start, end: contentEnd(input) }));
}

/** `"…" ― Jane Roe`: a dash after a closed quotation, then the speaker. */
function dashFrames(builder: Builder): void {
  const { input } = builder;
  const { tokens } = input;
  for (const quote of input.quotes) {
    if (!quote.closed) continue;
    const dash = tokens.findIndex((t) => t.start >= quote.end && t.kind === 'punct');
    if (dash < 0 || !DASHES.test(tokens[dash].text) || tokens.slice(0, dash).some((t) => t.start >= quote.end && t.kind !== 'punct')) continue;
    const phrase = phraseStartingAt(tokens, dash + 1);
    const reading = sourceOf(input, phrase);
    if (!reading || reading.kind === 'document' || !phrase.some((k) => tokens[k].pos === 'PROPN')) continue;
    add(builder, frameFrom(reading, spanOf(tokens, phrase), { start: tokens[dash].start, end: tokens[dash].end }, { start: quote.innerStart, end: quote.innerEnd }));
  }
}

/** "Tass quoted Putin as saying …": the speaker is the object; the subject is the outlet. */
function quotedSpeakers(builder: Builder): void {
  const { input } = builder;
  const { tokens } = input;
  for (const frame of builder.frames) {
    const i = tokens.findIndex((t) => t.start === frame.cue.start);
    if (i < 0 || !/^(quote|cite)$/.test(tokens[i].lemma)) continue;
    const phrase = phraseStartingAt(tokens, i + 1);
    const speaker = sourceOf(input, phrase);
    if (!speaker || phrase.length === 0 || speaker.kind === 'document') continue;
    if (frame.mention) frame.outlet = frame.mention;
    frame.kind = speaker.kind;
    frame.agentive = speaker.agentive;
    frame.source = spanOf(tokens, phrase);
    if (speaker.mention) frame.mention = speaker.mention;
    else delete frame.mention;
  }
}

/** Every attribution frame of one sentence, in order of their cues. */
export function findFrames(input: FrameInput): AttributionFrame[] {
  const builder: Builder = { input, frames: [], taken: [] };
  vagueFrames(builder, input.vocabulary.vaguePhrases.findAll(input.text, input.tokens));
  introducedFrames(builder);
  verbFrames(builder);
  nominalFrames(builder);
  colonFrame(builder);
  dashFrames(builder);
  documentFrames(builder);
  quotedSpeakers(builder);
  // "In a statement, the ministry said …": the statement is the ministry's, not a second source
  const named = builder.frames.some((f) => f.stated && (f.kind === 'named' || f.kind === 'outlet'));
  const frames = named ? builder.frames.filter((f) => !(f.kind === 'document' && f.source?.start === f.cue.start && f.source.end === f.cue.end)) : builder.frames;
  return frames.sort((a, b) => a.cue.start - b.cue.start);
}
