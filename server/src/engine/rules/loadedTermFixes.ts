/** The quick fixes and the advice of a loaded-term finding, from its entry's alternatives. */
import type { LexiconForm } from '../knowledge/lexicon';
import type { PhraseMatch } from '../text/phrases';
import { inflectLike, isAdvice, keepPossessive, matchCapitalization, opensSentence } from '../text/wording';
import type { Fix } from '../types';
import loaded from '../../../../seeds/language/loaded.json';
import { prefixMatcher } from '../text/wordLists';

/** Beginnings of words spelt with a vowel but said with a consonant ("a union"), compared ignoring case. */
const CONSONANT_SOUND = prefixMatcher(loaded.lists.consonantSoundBeginnings, true);

/**
 * One fix per alternative, inflected like the match, capitalised only at the start of a sentence, keeping
 * a possessive, and turning a preceding "a"/"an" into the article the replacement needs.
 */
export function replacementFixes(match: PhraseMatch<LexiconForm>, original: string, text: string, sentenceStart: number): Fix[] {
  const atSentenceStart = opensSentence(text, sentenceStart, match.start);
  // the article before the term, with its spacing: a pattern, not a word list, so a literal
  const article = /\b(a|an|A|An)\s+$/.exec(text.slice(Math.max(sentenceStart, match.start - 4), match.start));
  return match.value.entry.alternatives
    .filter((alternative) => !isAdvice(alternative))
    .map((alternative, index) => {
      const inflected = keepPossessive(inflectLike(alternative, match.value.kind), original);
      const replacement = atSentenceStart ? matchCapitalization(inflected, original) : inflected;
      if (article) {
        const wanted = /^[aeiou]/i.test(replacement) && !CONSONANT_SOUND.test(replacement) ? 'an' : 'a';
        const written = /^[A-Z]/.test(article[1]) ? wanted[0].toUpperCase() + wanted.slice(1) : wanted;
        const start = match.start - article[0].length;
        return {
          title: `Replace with "${written} ${replacement}"`,
          edits: [{ start, end: match.end, newText: `${written} ${replacement}` }],
          preferred: index === 0,
        };
      }
      return {
        title: `Replace with "${replacement}"`,
        edits: [{ start: match.start, end: match.end, newText: replacement }],
        preferred: index === 0,
      };
    });
}

/** "consider "president" or "leader"", with advice in parentheses given as advice. */
export function suggestion(alternatives: readonly string[]): string {
  const words = alternatives.filter((a) => !isAdvice(a)).map((a) => `"${a}"`);
  const advice = alternatives.filter(isAdvice).map((a) => a.trim().slice(1, -1));
  const parts = [words.length > 0 ? `consider ${words.join(', ')}` : '', ...advice].filter(Boolean);
  return parts.join('; or ');
}

/**
 * "Remove "utterly"": deletes the match with the space after it (or before it, at a clause's end), a comma
 * that set it off ("Clearly, the plan …", "…, of course, …"), and capitalises the next word when the match
 * opened the sentence.
 */
export function removalFix(match: { start: number; end: number }, original: string, text: string, sentenceStart: number): Fix {
  const atSentenceStart = opensSentence(text, sentenceStart, match.start);
  const after = /^,?[ \t]+/.exec(text.slice(match.end, match.end + 3));
  const before = /[ \t]*,?[ \t]+$|,[ \t]*$/.exec(text.slice(Math.max(sentenceStart, match.start - 3), match.start));
  let start = match.start;
  let end = match.end;
  if (after) end += after[0].length;
  else if (before) start -= before[0].length;
  // "…, of course, …": from the comma before through the comma after, keeping the space that follows
  if (after && after[0].startsWith(',') && /,[ \t]*$/.test(text.slice(Math.max(sentenceStart, start - 3), start))) {
    start = text.lastIndexOf(',', start - 1);
    end = match.end + 1;
  }
  const next = text.slice(end, end + 1);
  const newText = atSentenceStart && after && /\p{Ll}/u.test(next) ? next.toUpperCase() : '';
  return { title: `Remove "${original}"`, edits: [{ start, end: newText ? end + 1 : end, newText }], preferred: false };
}
