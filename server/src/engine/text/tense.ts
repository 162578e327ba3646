import grammar from '../../../../seeds/language/grammar.json';
import type { Token } from './tokens';
import { wordSet } from './wordLists';

const PAST_AUX = wordSet(grammar.lists.pastAuxiliaries);
const PRESENT_AUX = wordSet(grammar.lists.presentAuxiliaries);

/** The tense a verb or auxiliary shows by its form, if any ("said" past, "is" present). */
export function tense(token: Token): 'past' | 'present' | undefined {
  if (token.pos === 'AUX') return PAST_AUX.has(token.norm) ? 'past' : PRESENT_AUX.has(token.norm) ? 'present' : undefined;
  if (token.pos !== 'VERB' || token.lemma === token.norm) return undefined;
  if (token.norm.endsWith('ing')) return undefined;
  return token.norm.endsWith('s') ? 'present' : 'past';
}
