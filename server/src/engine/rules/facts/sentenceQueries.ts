import type { Token } from '../../text/tokens';
import { previousWord } from '../../text/tokens';

export { nextWord, previousWord } from '../../text/tokens';

/**
 * The normalised word before token `index`, skipping articles and possessives, which take an article's
 * place ("in the Sochi resort", "at Russia's Tartus base" -> "in", "at").
 */
export function wordBeforeSkippingArticles(tokens: readonly Token[], index: number): string {
  let i = previousWord(tokens, index);
  while (i >= 0 && (/^(the|a|an|its|their|his|her)$/.test(tokens[i].norm) || tokens[i].possessive)) i = previousWord(tokens, i);
  return i >= 0 ? tokens[i].norm : '';
}

/** True when any of the words just before token `index` (up to `window`) is a negation. */
export function negatedBefore(tokens: readonly Token[], index: number, window = 3): boolean {
  let i = index;
  for (let seen = 0; seen < window; seen++) {
    i = previousWord(tokens, i);
    if (i < 0) return false;
    if (/^(not|never|no|neither|nor|n't|cannot|without)$/.test(tokens[i].norm) || /n't$/.test(tokens[i].norm)) return true;
  }
  return false;
}
