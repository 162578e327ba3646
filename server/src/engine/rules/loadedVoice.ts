/**
 * Whose words a loaded term is, read from the sentence analysis: a label someone applies, a verdict inside a
 * statement a source made, or the writer's own. Read once per sentence (`readVoice`), so each term's check
 * is a comparison or a binary search, however many terms and frames the sentence holds.
 */
import type { SentenceAnalysis } from '../analysis/blockAnalysis';
import type { AttributionFrame } from '../analysis/frameTypes';
import type { LexiconForm } from '../knowledge/lexicon';
import { partitionPoint } from '../partitionPoint';
import type { PhraseMatch } from '../text/phrases';
import type { Token } from '../text/tokens';
import type { Span } from '../types';
import grammar from '../../../../seeds/language/grammar.json';
import loaded from '../../../../seeds/language/loaded.json';
import { prefixMatcher, wordSet } from '../text/wordLists';

/** Verbs that apply a label directly ("designates X a terrorist group", "called them thugs", "considers X a …"). */
const NAMING = prefixMatcher(loaded.lists.namingVerbs);
/** Verbs that apply a label through "as" ("described the group as terrorists"). */
const LABELLING_AS = prefixMatcher(loaded.lists.labellingAsVerbs);
/** Verbs that report speech, whose complement is the speaker's wording ("said they had liberated"). */
const REPORTED_SPEECH = prefixMatcher(loaded.lists.reportedSpeechVerbs);
/** Forms of "be" and "get" that make a participle after them passive. */
const PASSIVE_AUXILIARIES = wordSet(grammar.lists.passiveAuxiliaries);
/** How many words an "as" clause after a label may run before its naming verb ("as the opposition calls him"). */
const AS_CLAUSE_REACH = 6;
/** "I" and "we" are the writer: what they say is the writer's voice. */
const FIRST_PERSON = wordSet(grammar.lists.firstPersonSubjects);
/** Possessive determiners: a "verb" right after one is a noun the tagger misread ("his lies"). */
const POSSESSIVES = wordSet(grammar.lists.possessiveDeterminers);

/** What a sentence says about whose words its terms are. */
export interface SentenceVoice {
  /** From this offset on, a label is applied by someone: after a naming verb or a named source's reporting verb. */
  labelledFrom: number;
  /** Disjoint, in order: the clauses sources are reported to have stated. */
  speakerSpans: Span[];
  /** In order: the cues of frames that report a clause after them ("claimed" in "Assad claimed the army had won"). */
  clauseCues: Span[];
}

/**
 * The first offset a naming verb covers: the end of a verb that names directly ("called them thugs",
 * "Beijing has branded …"), or of the first "as" after a verb that names through it ("describe them as").
 * An agentless passive names nobody ("was branded a traitor"; "… by the court" does). The frame finder may
 * not read every naming verb as a frame, so they are read from the tokens; a label someone applies, named or
 * not, is theirs (whether the source is good enough is the attribution rules' question).
 */
function namingFrom(tokens: readonly Token[]): number {
  let lastBy = -1;
  for (let i = tokens.length - 1; i >= 0 && lastBy < 0; i--) if (tokens[i].norm === 'by') lastBy = i;
  let from = Infinity;
  let labellingAs = false;
  for (let i = 0; i < tokens.length && tokens[i].start < from; i++) {
    const token = tokens[i];
    if (labellingAs && token.norm === 'as') from = token.end;
    const auxiliary = i > 0 && tokens[i - 1].pos === 'AUX' ? tokens[i - 1].lemma : undefined;
    const passive = auxiliary !== undefined && PASSIVE_AUXILIARIES.has(auxiliary);
    // the tagger reads some participles as adjectives ("has branded", "was branded"), and a present verb
    // between a subject and its object as a noun ("Critics call the governor …")
    const verb = token.pos === 'VERB' || (token.pos === 'ADJ' && (passive || auxiliary === 'have')) || isVerbBetweenNouns(tokens, i);
    if (!verb || (passive && lastBy < i)) continue;
    if (NAMING.test(token.norm)) from = Math.min(from, token.end);
    else if (LABELLING_AS.test(token.norm)) labellingAs = true;
  }
  return from;
}

/** Parts of speech that open an object noun phrase ("the governor", "him", "Biden"); tags of the tagset, not words, so in code. */
const OBJECT_OPENERS = new Set(['DET', 'PRON', 'PROPN']);

/** True when a word tagged as a noun sits where only a verb can: after a subject, before its object ("ads call the governor"). */
function isVerbBetweenNouns(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  return (
    tokens[i].pos === 'NOUN' &&
    before !== undefined &&
    after !== undefined &&
    (before.pos === 'NOUN' || before.pos === 'PROPN' || before.pos === 'PRON') &&
    OBJECT_OPENERS.has(after.pos)
  );
}

/** A frame whose source someone could check: a name, a document, an outlet. */
const namesSource = (f: AttributionFrame): boolean => f.kind === 'named' || f.kind === 'document' || f.kind === 'outlet';

/**
 * True when the span is a finite clause, the shape of a reported statement ("the plan was reckless"), not a
 * noun phrase ("his lies about the election", "a vile message") or a plan ("to cut the bloated bureaucracy").
 */
function isClause(tokens: readonly Token[], span: Span): boolean {
  const first = partitionPoint(tokens, (t) => t.start < span.start);
  if (tokens[first]?.norm === 'to') return false;
  for (let i = first; i < tokens.length && tokens[i].end <= span.end; i++) {
    const { pos } = tokens[i];
    const before = tokens[i - 1];
    const afterDeterminer = i > first && before !== undefined && (before.pos === 'DET' || POSSESSIVES.has(before.norm));
    if ((pos === 'VERB' || pos === 'AUX') && !afterDeterminer) return true;
  }
  return false;
}

/** Parts of speech a clause's subject is made of ("the new law", "its profits", "the price of oil", "she"). */
const SUBJECT_PARTS = new Set(['DET', 'PRON', 'PROPN', 'NOUN', 'ADJ', 'NUM', 'ADP']);
/** How many words a clause's subject may run before its verb. */
const SUBJECT_REACH = 8;

/**
 * True when the span opens with a clause: an optional "that", a subject, then its verb ("the army had
 * restored", "she would stand"). Stricter than `isClause`: "two counts of fraud and was sentenced",
 * "responsibility for the attack, saying …" hold a verb but are not what the cue reports.
 */
function opensWithClause(tokens: readonly Token[], span: Span): boolean {
  let i = partitionPoint(tokens, (t) => t.start < span.start);
  if (tokens[i]?.norm === 'that') i++;
  for (let k = 0; i < tokens.length && tokens[i].end <= span.end && k <= SUBJECT_REACH; i++, k++) {
    const { pos } = tokens[i];
    // a finite verb: not a gerund or an infinitive after a preposition ("before moving", "to move")
    const finite =
      pos === 'AUX' || (pos === 'VERB' && !tokens[i].norm.endsWith('ing') && tokens[i - 1]?.pos !== 'ADP' && tokens[i - 1]?.norm !== 'to');
    if (finite && k > 0) return true;
    if (!SUBJECT_PARTS.has(pos) && !tokens[i].possessive) return false;
  }
  return false;
}

/**
 * The clauses a source is reported to have stated ("The senator said the plan was reckless", "Critics say it
 * is reckless"), without their own cue: merged into disjoint spans. Views held ("believes"), sourceless
 * hedges ("allegedly"), the writer's own "I" or "we", frames carried from an earlier sentence and contents
 * that are things rather than clauses ("posted a vile message": the writer describes the post) give none.
 */
function speakerSpans(text: string, sentence: SentenceAnalysis): Span[] {
  const spans: Span[] = [];
  for (const f of sentence.frames) {
    const { content, source } = f;
    if (!f.stated || f.carriedFrom || !content || !source) continue;
    if (FIRST_PERSON.has(text.slice(source.start, source.end).toLowerCase()) || !isClause(sentence.tokens, content)) continue;
    // the cue is the writer's verb even where a content runs over it ("claimed that")
    if (f.cue.start > content.start && f.cue.end < content.end)
      spans.push({ start: content.start, end: f.cue.start }, { start: f.cue.end, end: content.end });
    else spans.push(content);
  }
  spans.sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** Reads whose words the sentence's terms are (see `SentenceVoice`). */
export function readVoice(text: string, sentence: SentenceAnalysis): SentenceVoice {
  let labelledFrom = namingFrom(sentence.tokens);
  for (const f of sentence.frames) {
    if (namesSource(f) && f.stated && !f.carriedFrom && REPORTED_SPEECH.test(text.slice(f.cue.start, f.cue.end).toLowerCase())) {
      labelledFrom = Math.min(labelledFrom, f.cue.end);
    }
  }
  const clauseCues = sentence.frames
    .filter((f) => !f.carriedFrom && f.content !== undefined && f.content.start >= f.cue.end && opensWithClause(sentence.tokens, f.content))
    .map((f) => f.cue)
    .sort((a, b) => a.start - b.start);
  return { labelledFrom, speakerSpans: speakerSpans(text, sentence), clauseCues };
}

/** True when the match overlaps the cue of a frame that reports a clause. */
export function reportsClause(voice: SentenceVoice, match: Span): boolean {
  const cues = voice.clauseCues;
  const i = partitionPoint(cues, (c) => c.end <= match.start);
  return i < cues.length && cues[i].start < match.end;
}

/** True when the label ending at token `last` is followed by an "as" clause that names it ("the dictator, as the opposition calls him"). */
function namedByAsClause(tokens: readonly Token[], last: number): boolean {
  for (let as = last + 1; as < tokens.length && as <= last + 3; as++) {
    if (tokens[as].norm !== 'as') continue;
    for (let i = as + 1; i < tokens.length && i <= as + AS_CLAUSE_REACH; i++) {
      if (tokens[i].pos === 'VERB') return NAMING.test(tokens[i].norm) || LABELLING_AS.test(tokens[i].norm);
    }
    return false;
  }
  return false;
}

/**
 * True when someone applies the label: a naming verb before it ("the State Department designates … a
 * terrorist", "Ankara considers the PKK a terrorist group", "officials describe them as …") or in an "as"
 * clause after it, or a named source's reporting verb before it ("the ministry said the terrorists …",
 * "according to the ministry"). A statement attributed only after the label ("… killed 12 terrorists, the
 * army said") leaves the label the writer's choice of words.
 */
export function isAttributedLabel(voice: SentenceVoice, sentence: SentenceAnalysis, match: PhraseMatch<LexiconForm>): boolean {
  return voice.labelledFrom <= match.start || namedByAsClause(sentence.tokens, match.last);
}

/** True when the match starts inside a clause a source is reported to have stated: a verdict there is the speaker's. */
export function isSpeakersWords(voice: SentenceVoice, match: Span): boolean {
  const spans = voice.speakerSpans;
  const i = partitionPoint(spans, (s) => s.end <= match.start);
  return i < spans.length && spans[i].start <= match.start;
}
