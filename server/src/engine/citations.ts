/**
 * Where a draft cites the fact base: sentences that state a fact's claim and contradict none of its values
 * (`statesFact`, the test that also picks the source an attribution fix offers), and recorded quotes
 * repeated word for word. The fact base view lists them beside the findings that contradict a fact.
 */
import type { DocumentFormat } from './types';
import { analyseChunk, splitChunks } from './document';
import type { Knowledge } from './knowledge/knowledge';
import { statesFact } from './facts/entailment';
import { readSentenceFacts, withEntitiesCarried } from './facts/sentenceFacts';
import type { SentenceFacts } from './facts/sentenceFacts';
import { foldQuotationText } from './text/quotes';
import type { Span } from './types';

/** A sentence of a draft that states a fact, by id. */
export interface Citation extends Span {
  factId: string;
}

/** Recorded quotes shorter than this are too common to count as repeated ("legitimate"). */
const MIN_QUOTE_WORDS = 3;

/** True when the sentence repeats the fact's recorded quote word for word (quotation marks and case aside). */
function repeatsQuote(sentence: SentenceFacts, quote: string | undefined): boolean {
  if (!quote || quote.trim().split(/\s+/).length < MIN_QUOTE_WORDS) return false;
  return foldQuotationText(sentence.text.slice(sentence.sentence.start, sentence.sentence.end)).includes(foldQuotationText(quote));
}

/** Every sentence of `text` that cites a fact of `knowledge`, in document order. Pure. */
export function factsCited(text: string, format: DocumentFormat, knowledge: Knowledge): Citation[] {
  const cited: Citation[] = [];
  for (const chunk of splitChunks(text, format)) {
    if (chunk.kind !== 'prose') continue;
    const analysed = analyseChunk(text.slice(chunk.start, chunk.end), format, knowledge);
    let before: SentenceFacts | undefined;
    for (const block of analysed.blocks) {
      for (const sentence of block.sentences) {
        const own = readSentenceFacts(analysed.text, sentence, knowledge.facts);
        const facts = withEntitiesCarried(own, before, knowledge.facts);
        before = own;
        for (const fact of facts.candidates) {
          if (!statesFact(facts, fact, knowledge) && !repeatsQuote(facts, fact.quote?.text)) continue;
          cited.push({ factId: fact.id, start: chunk.start + sentence.start, end: chunk.start + sentence.end });
        }
      }
    }
  }
  return cited;
}
