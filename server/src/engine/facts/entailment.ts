import type { Fact } from '../knowledge/factTypes';
import type { Knowledge } from '../knowledge/knowledge';
import type { SentenceFacts } from './sentenceFacts';
import type { SlotResult } from './slotResult';
import { isAgreement } from './slotResult';
import type { Slot } from './slots';
import { checkSlot, slotFlag, slotsOf } from './slots';

/**
 * True when a sentence's values are consistent with a fact's claim, given each of the fact's content slots
 * checked against it: none conflicts, and the core ones (stance, numbers: see the kinds' `core` flag) are stated
 * and agree.
 */
export function consistentWithClaim(results: readonly { slot: Slot; result: SlotResult }[]): boolean {
  return (
    results.every((r) => !r.result || isAgreement(r.result)) &&
    results.filter((r) => slotFlag(r.slot.type, 'core')).every((r) => isAgreement(r.result))
  );
}

/**
 * True when the sentence states `fact`'s claim: the fact has values besides its outlet, none of them
 * conflicts with the sentence, its core values are stated and agree, and at least one value is stated and
 * agrees.
 */
export function statesFact(sentence: SentenceFacts, fact: Fact, knowledge: Knowledge): boolean {
  const content = slotsOf(fact).filter((slot) => !slotFlag(slot.type, 'channel'));
  if (content.length === 0) return false;
  const results = content.map((slot) => ({ slot, result: checkSlot(slot, sentence, fact, knowledge) }));
  // a value that merely does not conflict ("in Syria" for a base in Syria) states nothing
  return consistentWithClaim(results) && results.some((r) => isAgreement(r.result) && !r.result.loose);
}

/**
 * The first candidate fact whose claim the sentence states (`statesFact`). Only such a fact may be offered
 * as a sentence's source: one that merely shares its names may say something else, and crediting it
 * would put the draft's words in the source's mouth.
 */
export function factStated(sentence: SentenceFacts, knowledge: Knowledge): Fact | undefined {
  return sentence.candidates.find((fact) => statesFact(sentence, fact, knowledge));
}
