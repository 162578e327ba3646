/**
 * The sentence analysis every rule reads, built once per block of prose: tagged tokens, entity mentions,
 * titles, attribution frames and claims per sentence, and for the block the speaker of each quotation,
 * pronoun sources tied to their antecedents, and sentences that continue an attributed account.
 */
import type { Knowledge } from '../knowledge/knowledge';
import { partitionPoint } from '../partitionPoint';
import type { Mention } from '../knowledge/entityMatcher';
import type { PhraseMatch } from '../text/phrases';
import type { ProseBlock } from '../text/prose';
import type { Quotation } from '../text/quotes';
import { quotationAt } from '../text/quotes';
import type { Token } from '../text/tokens';
import { previousWord } from '../text/tokens';
import type { Span } from '../types';
import type { ClaimSignal } from './claims';
import { findClaims } from './claims';
import { claimFeatures } from './claimFeatures';
import { claimScore as scoreClaim } from '../knowledge/claimModel';
import type { AttributionFrame } from './frames';
import { findFrames } from './frames';

/** A sentence with its tokens (punctuation included, tagged). */
export interface Sentence extends Span {
  tokens: Token[];
}

/** A sentence and everything the rules read of it. */
export interface SentenceAnalysis extends Sentence {
  /** Entity mentions of the fact base, nested names included ("Jerusalem" in "Jerusalem Post"). */
  mentions: Mention[];
  /** Titles held ("foreign minister"), by title id. */
  titles: PhraseMatch<string>[];
  /** Attribution frames: the sentence's own, or one carried over from an earlier sentence of the block. */
  frames: AttributionFrame[];
  /** Words that make the sentence a check-worthy claim, outside quoted words. */
  claims: ClaimSignal[];
  /** How check-worthy the sentence is, 0 to 1: the claim detector's score (see claimModel.ts). */
  claimScore: number;
}

/** A quotation with the frame its words are given to, if any. */
export interface QuoteReading {
  quote: Quotation;
  speaker?: AttributionFrame;
  /**
   * Every frame with a source around the quotation, best first: one whose content holds the quotation, then
   * statements before views, then the nearest (the speaker is the first that is not an outlet, or the first).
   */
  candidates: AttributionFrame[];
  /** True when the speaker was carried over from another quotation of the paragraph. */
  inherited: boolean;
  /** Number of words inside the quotation marks. */
  words: number;
}

/** A block of prose analysed: its sentences, quotations and their speakers. */
export interface Block extends ProseBlock {
  sentences: SentenceAnalysis[];
  quotes: Quotation[];
  speakers: QuoteReading[];
}

/** True when `frame` names a source someone could check (not vague, not missing). */
const namesSource = (frame: AttributionFrame): boolean => frame.kind !== 'vague' && frame.kind !== 'none';

/** True when the frame attributes the quotation as part of its content ("Putin said he backed … "…""). */
const contains = (frame: AttributionFrame, quote: Quotation): boolean =>
  frame.content !== undefined && frame.content.start <= quote.start && frame.content.end >= quote.innerEnd;

function distance(quote: Quotation, frame: AttributionFrame): number {
  if (frame.cue.start >= quote.end) return frame.cue.start - quote.end;
  if (frame.cue.end <= quote.start) return quote.start - frame.cue.end;
  return Infinity;
}

/** How far, in characters, from a quotation a cue may stand and still name its speaker. */
const SPEAKER_REACH = 600;

/**
 * The speakers of a block's quotations: the best frame around each, or another quotation's. Each quotation
 * looks only at the frames within `SPEAKER_REACH` of it, so a paragraph of thousands of quotations costs
 * what its length does.
 */
function quoteSpeakers(text: string, quotes: readonly Quotation[], sentences: readonly SentenceAnalysis[]): QuoteReading[] {
  const speaking: { frame: AttributionFrame; sentence: SentenceAnalysis }[] = [];
  for (const sentence of sentences) {
    for (const frame of sentence.frames)
      if (!frame.carriedFrom && frame.kind !== 'document' && frame.kind !== 'none') speaking.push({ frame, sentence });
  }
  speaking.sort((a, b) => a.frame.cue.start - b.frame.cue.start);
  const readings: QuoteReading[] = quotes.map((quote) => {
    const candidates: AttributionFrame[] = [];
    for (
      let k = partitionPoint(speaking, (c) => c.frame.cue.end < quote.start - SPEAKER_REACH);
      k < speaking.length && speaking[k].frame.cue.start < quote.end + SPEAKER_REACH;
      k++
    ) {
      const { frame, sentence } = speaking[k];
      // the sentences the quotation is in, and a sentence of attribution right after it (`"…?" Clinton said.`)
      const around =
        (sentence.start < quote.end && sentence.end > quote.start) ||
        (sentence.start >= quote.end && sentence.start - quote.end <= 2 && sentence.frames.every((f) => !f.content));
      if (around && Number.isFinite(distance(quote, frame))) candidates.push(frame);
    }
    // a frame whose content holds the quotation first, then statements before views, then the nearest
    candidates.sort(
      (a, b) =>
        Number(contains(b, quote)) - Number(contains(a, quote)) ||
        Number(b.stated) - Number(a.stated) ||
        distance(quote, a) - distance(quote, b),
    );
    // a person or body speaks the words; an outlet only carries them ("…," The Times reported)
    const speaker = candidates.find((c) => c.mention?.entity.type !== 'outlet') ?? candidates[0];
    const words = (text.slice(quote.innerStart, quote.innerEnd).match(/[\p{L}\p{N}]+/gu) ?? []).length;
    return { quote, ...(speaker ? { speaker } : {}), candidates, inherited: false, words };
  });
  // news style: `"A." … "B," he said.` — a quotation without a speaker takes the nearest attributed one's,
  // before it first
  const before: (AttributionFrame | undefined)[] = [];
  let last: AttributionFrame | undefined;
  for (const reading of readings) {
    before.push(last);
    if (reading.speaker) last = reading.speaker;
  }
  let next: AttributionFrame | undefined;
  for (let i = readings.length - 1; i >= 0; i--) {
    const reading = readings[i];
    const own = reading.speaker;
    if (!own && (before[i] ?? next)) {
      reading.speaker = before[i] ?? next;
      reading.inherited = true;
    }
    if (own) next = own;
  }
  return readings;
}

/** Ties each pronoun source to the nearest named source before it in the block. */
function resolvePronouns(sentences: readonly SentenceAnalysis[]): void {
  let last: AttributionFrame | undefined;
  for (const sentence of sentences) {
    for (const frame of sentence.frames) {
      if (frame.carriedFrom) continue;
      if (frame.kind === 'pronoun' && frame.agentive && last) frame.antecedent = last;
      else if (frame.kind === 'named' || frame.kind === 'outlet') last = frame;
    }
  }
}

/**
 * True when `frame`'s content is all of `sentence` but the attribution: it runs to the sentence's end ("X
 * said forty people died"), or from its start to a closing attribution ("Forty people died, X said.",
 * "…, according to the poll.").
 */
function governsSentence(frame: AttributionFrame, sentence: Sentence): boolean {
  const content = frame.content;
  if (!content) return false;
  if (content.end >= lastWordEnd(sentence)) return true;
  const first = sentence.tokens.find((t) => t.kind !== 'punct');
  const attributionEnd = Math.max(frame.cue.end, frame.source?.end ?? 0);
  return first !== undefined && content.start <= first.start + 1 && attributionEnd >= lastWordEnd(sentence);
}

/**
 * A sentence without a statement of its own (it may hold a view: "Twelve percent indicated that they were
 * not sure") continues the account of the sentence before it when that sentence's frame names a source,
 * states it and governs the whole sentence (`governsSentence`: "The ministry said forty people died. Twelve
 * were children."): the sentence gets that frame, marked as carried.
 */
function carryAccounts(sentences: readonly SentenceAnalysis[]): void {
  for (let i = 1; i < sentences.length; i++) {
    const sentence = sentences[i];
    if (sentence.frames.some((f) => f.stated)) continue;
    const before = sentences[i - 1].frames;
    const governing = before[before.length - 1];
    if (!governing || !namesSource(governing) || !governing.stated || !governsSentence(governing, sentences[i - 1])) continue;
    const origin = governing.carriedFrom ?? governing;
    sentence.frames.push({ ...origin, carriedFrom: origin, content: { start: sentence.start, end: lastWordEnd(sentence) } });
  }
}

/**
 * The sentence a span ending at `end` ends in: the first of `sentences` (in order, disjoint) that reaches
 * `end` and starts before it; found by binary search.
 */
export function sentenceEndingAt<S extends Span>(sentences: readonly S[], end: number): S | undefined {
  const sentence = sentences[partitionPoint(sentences, (s) => s.end < end)];
  return sentence && sentence.start < end ? sentence : undefined;
}

/**
 * True when a quotation given to a speaker holds the sentence (give or take a mark at either edge). Readings
 * are in order and their quotations disjoint, so only the few from the first one reaching the sentence's
 * end can start early enough.
 */
export function insideAttributedQuote(speakers: readonly QuoteReading[], sentence: Span): boolean {
  for (
    let k = partitionPoint(speakers, (q) => q.quote.innerEnd < sentence.end - 2);
    k < speakers.length && speakers[k].quote.innerStart <= sentence.start + 1;
    k++
  ) {
    if (speakers[k].speaker) return true;
  }
  return false;
}

function lastWordEnd(sentence: Sentence): number {
  const last = previousWord(sentence.tokens, sentence.tokens.length);
  return last >= 0 ? sentence.tokens[last].end : sentence.end;
}

/**
 * Analyses one block whose sentences are already tagged. `text` is the chunk's masked text; offsets are
 * relative to the chunk.
 */
export function analyseBlock(
  text: string,
  block: ProseBlock,
  sentences: readonly Sentence[],
  quotes: Quotation[],
  knowledge: Knowledge,
): Block {
  const isQuoted = (offset: number): boolean => block.quoted || quotationAt(quotes, offset) !== undefined;
  const analysed = sentences.map((sentence): SentenceAnalysis => {
    const { tokens } = sentence;
    const mentions = knowledge.facts.mentions.find(text, tokens);
    const titles = knowledge.vocabulary.titles.findAll(text, tokens);
    const frames = findFrames({ text, tokens, sentence, vocabulary: knowledge.attribution, mentions, titles, quotes, isQuoted });
    const claims = findClaims(text, tokens, knowledge.attribution, isQuoted);
    const claimScore = scoreClaim(knowledge.claimModel, claimFeatures({ tokens, claims, vocabulary: knowledge.attribution }));
    return { start: sentence.start, end: sentence.end, tokens, mentions, titles, frames, claims, claimScore };
  });
  resolvePronouns(analysed);
  if (!block.quoted) carryAccounts(analysed);
  return { ...block, sentences: analysed, quotes, speakers: quoteSpeakers(text, quotes, analysed) };
}
