import type { Token } from '../text/tokens';
import { CHANNEL_PHRASES_BEFORE, CHANNEL_VERBS_AFTER, CHANNEL_WORDS_BEFORE, OUTLET_NOUNS } from './factWords';
import { nextWord, previousWord, wordBeforeSkippingArticles } from './sentenceQueries';

/** Words around an outlet that make it the channel of a claim: "told X", "according to X", "X reported". */
export function outletIsChannel(tokens: readonly Token[], first: number, last: number): boolean {
  const before = wordBeforeSkippingArticles(tokens, first);
  const beforeTwo = (() => {
    const i = previousWord(tokens, first);
    const j = i >= 0 ? previousWord(tokens, i) : -1;
    return j >= 0 ? `${tokens[j].norm} ${tokens[i].norm}` : '';
  })();
  let after = nextWord(tokens, last);
  while (after >= 0 && OUTLET_NOUNS.has(tokens[after].norm)) after = nextWord(tokens, after);
  const afterWord = after >= 0 ? tokens[after].norm : '';
  return CHANNEL_WORDS_BEFORE.has(before) || CHANNEL_PHRASES_BEFORE.has(beforeTwo) || CHANNEL_VERBS_AFTER.has(afterWord);
}
