/**
 * Frames cued by phrases rather than verbs: vague sourcing ("reportedly"), introducers ("according to X"), a
 * document introduced by "in", nominal cues ("Trump's claim that"), colon and dash attribution, and the
 * speaker of "X quoted Y as saying".
 */
import { partitionPoint } from '../partitionPoint';
import type { AttributionFrame } from './frameTypes';
import type { PhraseMatch } from '../text/phrases';
import type { Token } from '../text/tokens';
import { longestNonOverlapping } from '../text/phrases';
import { nextWord, previousWord } from '../text/tokens';
import { contentAfter } from './content';
import type { Builder } from './frameBuilder';
import { DASHES, QUOTE_MARKS, add, contentEnd, frameFrom, sourceOf, spanOf, take } from './frameBuilder';
import { phraseEndingAt, phraseStartingAt } from './nounPhrases';
import type { SourceKind } from './sourceKind';
import { findSubject } from './subjects';
import frames from '../../../../seeds/language/frames.json';
import { prefixMatcher, wordSet } from '../text/wordLists';

/** Possessive determiners (less "your") that give a phrase like "his spokesman" an owner. */
const POSSESSIVE_OWNERS = wordSet(frames.lists.possessiveOwners);
/** Beginnings of "quote" and "cite" on the raw text, ignoring case: a quick check before the lemma. */
const QUOTING_STEMS = prefixMatcher(frames.lists.quotingStems, true);
/** Lemmas of "quote" and "cite". */
const QUOTING_LEMMAS = wordSet(frames.lists.quotingLemmas);

/** "reportedly", "it is believed", "people familiar with": sourcing that is all cue. */
export function vagueFrames(builder: Builder, matches: PhraseMatch<true>[]): void {
  const { input } = builder;
  for (const vague of longestNonOverlapping(matches)) {
    // "it was reported by Tass": the agent names the source
    if (input.tokens[nextWord(input.tokens, vague.last)]?.norm === 'by') continue;
    const cue = { start: vague.start, end: vague.end };
    const frame: AttributionFrame = {
      kind: 'vague',
      cue,
      agentive: true,
      stated: true,
      content: { start: input.sentence.start, end: contentEnd(input) },
    };
    take(builder, cue, add(builder, frame) ? frame : undefined);
  }
}

/** "according to X", "in a statement by X": the source follows the introducer. */
export function introducedFrames(builder: Builder): void {
  const { input } = builder;
  const { tokens, vocabulary } = input;
  for (const intro of input.vocabulary.introducers.findAll(input.text, tokens)) {
    if (builder.takenAt.has(intro.start)) continue;
    const phrase = phraseStartingAt(tokens, intro.last + 1);
    const cue = { start: intro.start, end: intro.end };
    // "under a settlement", "in a filing": the introducer is itself a document; "according to" needs a name
    const documentary = vocabulary.documentNouns.has(tokens[intro.last].lemma) || vocabulary.documentNouns.has(tokens[intro.last].norm);
    let reading = sourceOf(input, phrase) ?? (documentary ? { kind: 'document' as SourceKind, agentive: false } : undefined);
    if (!reading) continue;
    let source = phrase.length > 0 ? spanOf(tokens, phrase) : cue;
    // "according to a poll released on Thursday by the Sonoran Research Institute": the agent names it
    const agent = phrase.length > 0 && reading.kind === 'vague' ? agentAfter(tokens, phrase[phrase.length - 1] + 1) : [];
    if (agent.length > 0) {
      reading = { kind: 'document', agentive: false };
      source = { start: source.start, end: tokens[agent[agent.length - 1]].end };
    }
    // "According to X, Y." or "Y, according to X."
    const after = phrase.length > 0 ? phrase[phrase.length - 1] + 1 : intro.last + 1;
    const opening = previousWord(tokens, intro.first) < 0;
    const content = opening
      ? { start: tokens[nextWord(tokens, after - 1)]?.start ?? contentEnd(input), end: contentEnd(input) }
      : {
          start: input.sentence.start,
          end: tokens[intro.first - 1]?.text === ',' ? (tokens[intro.first - 2]?.end ?? intro.start) : intro.start,
        };
    add(builder, frameFrom(reading, source, cue, content));
    take(builder, cue);
  }
}

/** The agent of a participle right after a phrase: "released on Thursday by X" gives X, if it names someone. */
function agentAfter(tokens: readonly Token[], from: number): number[] {
  const participle = tokens[from];
  if (!participle || participle.pos !== 'VERB' || !participle.norm.endsWith('ed')) return [];
  for (let i = from + 1; i < tokens.length && i < from + 8; i++) {
    if (tokens[i].kind === 'punct') return [];
    if (tokens[i].norm !== 'by') continue;
    const agent = phraseStartingAt(tokens, i + 1);
    return agent.some((k) => tokens[k].pos === 'PROPN') ? agent : [];
  }
  return [];
}

/**
 * "In an NBC News poll released Monday, 50 percent …", "Clinton leads in the latest poll": a document
 * introduced by "in" sources a sentence that has no other frame.
 */
export function documentFrames(builder: Builder): void {
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
    // "In a CNN poll, …" opens the sentence; "… in the latest poll." closes it; "lead in the polls ahead of"
    // does neither and attributes nothing
    if (!opening && after >= 0) continue;
    const content = opening
      ? { start: tokens[after]?.start ?? t.start, end: contentEnd(input) }
      : { start: input.sentence.start, end: t.start };
    add(
      builder,
      frameFrom(
        { ...reading, kind: reading.kind === 'vague' ? 'vague' : 'document' },
        spanOf(tokens, phrase),
        { start: t.start, end: t.end },
        content,
      ),
    );
    return;
  }
}

/** "Trump's claim that", "a statement from the ministry", "X issued a statement calling …". */
export function nominalFrames(builder: Builder): void {
  const { input } = builder;
  const { tokens, vocabulary } = input;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.pos !== 'NOUN' || !vocabulary.nominalCues.has(t.lemma)) continue;
    if (builder.takenAt.has(t.start)) continue;
    const next = tokens[i + 1];
    // what the owner said follows: "claim that", "statement: …", "remarks, “…”", "a statement calling …"
    // … or follows "is"/"was": "the senator's answer was that …"
    const copula = next?.pos === 'AUX' && next.lemma === 'be' ? tokens[i + 2] : undefined;
    const signalled =
      next !== undefined &&
      (next.norm === 'that' ||
        next.text === ':' ||
        QUOTE_MARKS.test(next.text) ||
        (next.text === ',' && QUOTE_MARKS.test(tokens[i + 2]?.text ?? '')) ||
        (next.pos === 'VERB' && next.norm.endsWith('ing')) ||
        copula?.norm === 'that' ||
        copula?.text === ':');
    if (!signalled) continue;
    let phrase: number[] = [];
    // the owner before it: "Trump's claim", "his warning"
    let j = i - 1;
    while (j >= 0 && tokens[j].pos === 'ADJ') j--;
    if (j >= 0 && (tokens[j].possessive || POSSESSIVE_OWNERS.has(tokens[j].norm))) {
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
    if (phrase.length === 0) continue;
    const reading = sourceOf(input, phrase);
    if (!reading || !reading.agentive) continue;
    const after = contentAfter(input, i, false);
    add(
      builder,
      frameFrom(
        reading,
        spanOf(tokens, phrase),
        { start: t.start, end: t.end },
        after ? { start: after.start, end: contentEnd(input) } : undefined,
      ),
    );
  }
}

/** "Jane Roe, The Daily Herald: "…"", "WALLACE: Let's start …", "Pence: Flowers won't be at debate". */
export function colonFrame(builder: Builder): void {
  const { input } = builder;
  const { tokens, vocabulary } = input;
  const colon = tokens.findIndex((t) => t.text === ':');
  if (colon <= 0 || colon > 14 || colon >= tokens.length - 1) return;
  // "8:57", "Romans 8:31", "Superdelegates: 121": a time, a reference or a figure, not words said
  if (tokens[colon - 1].kind === 'number' || tokens[colon + 1].kind === 'number') return;
  let first = 0;
  while (first < colon && QUOTE_MARKS.test(tokens[first].text)) first++;
  // "Update:", "The Latest:", "Editor's note:": a label
  // the speaker, then an optional apposition: "Jane Roe, The Daily Herald:"
  const speakerEnd = tokens.slice(first, colon).findIndex((t) => t.text === ',');
  const phraseEnd = speakerEnd < 0 ? colon - 1 : first + speakerEnd - 1;
  const phrase = phraseEndingAt(tokens, phraseEnd, first);
  if (phrase.length === 0 || phrase[0] !== first || phrase.some((k) => vocabulary.colonLabels.has(tokens[k].norm))) return;
  if (
    !phrase.some((k) => tokens[k].pos === 'PROPN' || tokens[k].pos === 'PRON') &&
    !input.mentions.some((m) => m.start >= tokens[first].start && m.end <= tokens[phraseEnd].end)
  )
    return;
  const reading = sourceOf(input, phrase);
  if (!reading || reading.kind === 'document' || !reading.agentive) return;
  add(
    builder,
    frameFrom(
      reading,
      spanOf(tokens, phrase),
      { start: tokens[colon].start, end: tokens[colon].end },
      { start: tokens[colon + 1].start, end: contentEnd(input) },
    ),
  );
}

/** `"…" ― Jane Roe`: a dash after a closed quotation, then the speaker. */
export function dashFrames(builder: Builder): void {
  const { input } = builder;
  const { tokens } = input;
  const { quotes } = input;
  if (tokens.length === 0) return;
  // every quotation ending before the sentence is followed by its first token: only the first of them (the
  // block's first, closed) can add a frame there, as add() refuses the same cue twice; quotations ending
  // after the sentence's last token start have no token after them
  const before = partitionPoint(quotes, (q) => q.end <= tokens[0].start);
  const beyond = tokens[tokens.length - 1].start;
  const near = before > 0 ? [quotes[0]] : [];
  for (let k = before; k < quotes.length && quotes[k].end <= beyond; k++) near.push(quotes[k]);
  let dash = 0;
  for (const quote of near) {
    if (!quote.closed) continue;
    // the first token after the quotation (quotations come in order, so one cursor serves them all)
    while (dash < tokens.length && tokens[dash].start < quote.end) dash++;
    if (dash >= tokens.length || !DASHES.test(tokens[dash].text)) continue;
    const phrase = phraseStartingAt(tokens, dash + 1);
    const reading = sourceOf(input, phrase);
    if (!reading || reading.kind === 'document' || !phrase.some((k) => tokens[k].pos === 'PROPN')) continue;
    add(
      builder,
      frameFrom(
        reading,
        spanOf(tokens, phrase),
        { start: tokens[dash].start, end: tokens[dash].end },
        { start: quote.innerStart, end: quote.innerEnd },
      ),
    );
  }
}

/** "Tass quoted Putin as saying …": the speaker is the object; the subject is the outlet. */
export function quotedSpeakers(builder: Builder): void {
  const { input } = builder;
  const { tokens } = input;
  for (const frame of builder.frames) {
    if (!QUOTING_STEMS.test(input.text.slice(frame.cue.start, frame.cue.start + 4))) continue;
    const i = partitionPoint(tokens, (t) => t.start < frame.cue.start);
    if (tokens[i]?.start !== frame.cue.start || !QUOTING_LEMMAS.has(tokens[i].lemma)) continue;
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
