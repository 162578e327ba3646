import type { Token } from '../text/tokens';
import { previousWord } from '../text/tokens';
import { DETERMINERS, NEGATIONS, PLACE_NOUNS } from './factWords';

export { nextWord, previousWord } from '../text/tokens';

/**
 * The normalised word before token `index`, skipping articles and possessives, which take an article's
 * place ("in the Sochi resort", "at Russia's Tartus base" -> "in", "at").
 */
export function wordBeforeSkippingArticles(tokens: readonly Token[], index: number): string {
  const i = previousWordSkippingArticles(tokens, index);
  return i >= 0 ? tokens[i].norm : '';
}

/** The index of the word before token `index`, skipping articles and possessives (-1 when none). */
export function previousWordSkippingArticles(tokens: readonly Token[], index: number): number {
  let i = previousWord(tokens, index);
  while (i >= 0 && isDeterminer(tokens[i])) i = previousWord(tokens, i);
  return i;
}

/** An article, a possessive pronoun or a possessive name: the words that open a noun phrase. */
function isDeterminer(token: Token): boolean {
  return DETERMINERS.has(token.norm) || token.possessive;
}

/** True for a word that negates what follows it ("not", "never", "won't"; lacking something: "lacked"). */
export function isNegation(norm: string): boolean {
  return NEGATIONS.has(norm) || norm.endsWith("n't");
}

/** True when any of the words just before token `index` (up to `window`) is a negation. */
export function negatedBefore(tokens: readonly Token[], index: number, window = 3): boolean {
  let i = index;
  for (let seen = 0; seen < window; seen++) {
    i = previousWord(tokens, i);
    if (i < 0) return false;
    if (isNegation(tokens[i].norm)) return true;
  }
  return false;
}

/**
 * The word that places a place name: the word before it as `wordBeforeSkippingArticles` reads it, or
 * before a "the (holy) city of" in front of it ("in the holy city of Qom" -> "in").
 */
export function wordBeforePlace(tokens: readonly Token[], index: number): string {
  const before = wordBeforeSkippingArticles(tokens, index);
  if (before !== 'of') return before;
  let i = previousWord(tokens, index);
  i = previousWord(tokens, i);
  if (i < 0 || !PLACE_NOUNS.has(tokens[i].norm)) return before;
  // the kind of place and the words describing it ("holy", "Black Sea resort"), back to its article
  const describing = (t: Token): boolean => !t.possessive && (t.pos === 'ADJ' || t.pos === 'NOUN' || t.pos === 'PROPN');
  while (i >= 0 && describing(tokens[i])) i = previousWord(tokens, i);
  if (i < 0) return '';
  return isDeterminer(tokens[i]) ? wordBeforeSkippingArticles(tokens, i) : tokens[i].norm;
}
