/**
 * Whether a lexicon match is used in the sense its entry lists, read from the tagger: the part of speech of
 * its head word, and for adjectives whether they stand before a noun or after a linking verb.
 */
import type { SentenceAnalysis } from '../analysis/blockAnalysis';
import type { LexiconEntry, LexiconForm } from '../knowledge/lexicon';
import type { PhraseMatch } from '../text/phrases';
import loaded from '../../../../seeds/language/loaded.json';
import { wordSet } from '../text/wordLists';

/** Verbs that link a subject to an adjective that describes it ("was", "seems", "became"), by lemma. */
const LINKING_VERBS = wordSet(loaded.lists.linkingVerbs);

/** The token index of the entry's head word in the match (the first word of verbs, else the last). */
function headOf(entry: LexiconEntry, match: PhraseMatch<LexiconForm>): number {
  return (entry.head ?? (entry.inflect === 'verb' ? 'first' : 'last')) === 'first' ? match.first : match.last;
}

/** True when the tagger reads the entry's head word in the match as a part of speech the entry allows. */
export function hasPartOfSpeech(entry: LexiconEntry, match: PhraseMatch<LexiconForm>, sentence: SentenceAnalysis): boolean {
  if (!entry.partOfSpeech) return true;
  const token = sentence.tokens[headOf(entry, match)];
  return token !== undefined && entry.partOfSpeech.includes(token.pos);
}

/**
 * True when the match stands where its entry asks: `attributive`, before the noun it describes ("a criminal
 * investigation"); `predicative`, after a linking verb, adverbs between allowed ("the decision was simply
 * criminal"). Entries without a position match either.
 */
export function hasPosition(entry: LexiconEntry, match: PhraseMatch<LexiconForm>, sentence: SentenceAnalysis): boolean {
  if (!entry.position) return true;
  const { tokens } = sentence;
  if (entry.position === 'attributive') {
    const next = tokens[match.last + 1];
    return next !== undefined && (next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'ADJ');
  }
  let i = match.first - 1;
  while (i >= 0 && tokens[i].pos === 'ADV') i--;
  const before = tokens[i];
  return before !== undefined && (before.pos === 'AUX' || before.pos === 'VERB') && LINKING_VERBS.has(before.lemma);
}
