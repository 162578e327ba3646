import type { Block, Sentence } from '../../document';
import type { Mention } from '../../knowledge/entityMatcher';
import type { Knowledge } from '../../knowledge/knowledge';
import type { Quotation } from '../../text/quotes';
import { sentenceMentions } from '../facts/sentenceFacts';
import type { SourceMention } from './sources';
import { findSources } from './sources';

/** A sentence with the entities it mentions and the sources it names. */
export interface SentenceReading {
  sentence: Sentence;
  mentions: Mention[];
  sources: SourceMention[];
}

/** A quotation with the source its words are given to, if any. */
export interface QuoteReading {
  quote: Quotation;
  speaker?: SourceMention;
  /** Every named source around the quotation, nearest first (the speaker is one of them). */
  candidates: SourceMention[];
  /** True when the speaker was carried over from another quotation of the paragraph. */
  inherited: boolean;
  /** Number of words inside the quotation marks. */
  words: number;
}

/** Everything the attribution and quote rules read from one block. */
export interface BlockReading {
  sentences: SentenceReading[];
  quotes: QuoteReading[];
}

const cache = new WeakMap<Block, { version: string; reading: BlockReading }>();

function distance(quote: Quotation, source: SourceMention): number {
  if (source.cueStart >= quote.end) return source.cueStart - quote.end;
  if (source.cueEnd <= quote.start) return quote.start - source.cueEnd;
  return Infinity;
}

function sourcesAround(quote: Quotation, sentences: readonly SentenceReading[]): SourceMention[] {
  return sentences
    .filter((s) => s.sentence.start < quote.end && s.sentence.end > quote.start)
    .flatMap((s) => s.sources)
    .filter((source) => source.kind !== 'document' && Number.isFinite(distance(quote, source)))
    .sort((a, b) => distance(quote, a) - distance(quote, b));
}

function speakerFor(candidates: readonly SourceMention[]): SourceMention | undefined {
  // a person or body speaks the words; an outlet only carries them ("…," The Times reported)
  return candidates.find((c) => c.mention?.entity.type !== 'outlet') ?? candidates[0];
}

/**
 * Reads a block once per knowledge version: entity mentions and sources per sentence, and the speaker of
 * each quotation. A quotation without its own speaker takes the nearest attributed quotation's speaker in
 * the same paragraph (news style: `"A." … "B," he said.`).
 */
export function readBlock(text: string, block: Block, knowledge: Knowledge): BlockReading {
  const hit = cache.get(block);
  if (hit && hit.version === knowledge.version) return hit.reading;
  const isQuoted = (offset: number): boolean => block.quoted || block.quotes.some((q) => offset >= q.innerStart && offset < q.innerEnd);
  const sentences = block.sentences.map((sentence) => {
    const mentions = sentenceMentions(text, sentence, knowledge.facts);
    return { sentence, mentions, sources: findSources(text, sentence.tokens, knowledge.attribution, mentions, isQuoted) };
  });
  const quotes: QuoteReading[] = block.quotes.map((quote) => {
    const candidates = sourcesAround(quote, sentences);
    const speaker = speakerFor(candidates);
    const words = (text.slice(quote.innerStart, quote.innerEnd).match(/[\p{L}\p{N}]+/gu) ?? []).length;
    return { quote, ...(speaker ? { speaker } : {}), candidates, inherited: false, words };
  });
  for (const [i, reading] of quotes.entries()) {
    if (reading.speaker) continue;
    const donor = [...quotes.slice(0, i)].reverse().find((q) => q.speaker && !q.inherited) ?? quotes.slice(i + 1).find((q) => q.speaker && !q.inherited);
    if (donor?.speaker) {
      reading.speaker = donor.speaker;
      reading.inherited = true;
    }
  }
  const reading = { sentences, quotes };
  cache.set(block, { version: knowledge.version, reading });
  return reading;
}
