/**
 * What kind of source a noun phrase names: someone by name or function, a pronoun, a document, an outlet,
 * or nobody in particular ("officials", "a report").
 */
import type { AttributionVocabulary } from '../knowledge/attributionVocabulary';
import type { Mention } from '../knowledge/entityMatcher';
import { isTimeWord } from '../text/dates';
import type { Token } from '../text/tokens';
import { isCapitalized } from '../text/tokens';
import grammar from '../../../../seeds/language/grammar.json';
import { wordSet } from '../text/wordLists';

/** How a frame's source is named. `none`: a cue with no source at all ("the plan was announced"). */
export type SourceKind = 'named' | 'pronoun' | 'document' | 'outlet' | 'vague' | 'none';

/** A source phrase read: its kind, the entity it names when the fact base knows it, and whether it can hold a view. */
export interface SourceReading {
  kind: SourceKind;
  mention?: Mention;
  /** True when the phrase names someone who can hold a position (a person, a body, a pronoun), not a thing. */
  agentive: boolean;
}

const PERSONAL_PRONOUNS = wordSet(grammar.lists.personalPronouns);
const DETERMINERS = wordSet(grammar.lists.determiners);

/**
 * Reads the noun phrase `phrase` (token indexes into `tokens`). `mentions` are the sentence's entity
 * mentions; `titles` says whether a phrase holds a title ("the foreign minister").
 */
export function readSourcePhrase(
  tokens: readonly Token[],
  phrase: readonly number[],
  vocabulary: AttributionVocabulary,
  mentions: readonly Mention[],
  hasTitle: (start: number, end: number) => boolean,
): SourceReading | undefined {
  if (phrase.length === 0) return undefined;
  const words = phrase.map((i) => tokens[i]).filter((t) => t.kind !== 'punct');
  const last = words[words.length - 1];
  if (!last) return undefined;
  // the head comes before a joining preposition: "the survey of 800 voters", "a spokesman for the ministry"
  const joint = words.findIndex((w, k) => k > 0 && w.pos === 'ADP');
  const head = joint > 0 ? words[joint - 1] : last;
  if (words.length === 1 && head.pos === 'PRON') {
    return PERSONAL_PRONOUNS.has(head.norm) ? { kind: 'pronoun', agentive: true } : { kind: 'pronoun', agentive: false };
  }
  const start = words[0].start;
  const end = last.end;
  // a name in a possessor is not the source: "Putin's spokesman", "the Russian president's visit"; a
  // description that runs through the possessor is ("Russia's top diplomat" is Lavrov)
  let owned = start;
  for (const w of words) if (w.possessive && w !== last) owned = w.end;
  const inside = mentions.filter((m) => m.start >= start && m.end <= end && m.end > owned);
  const named = inside.filter((m) => m.kind !== 'adjective' && m.entity.type !== 'country');
  const longestFirst = [...named].sort((a, b) => b.end - a.end || a.start - b.start);
  const person = longestFirst.find((m) => m.entity.type === 'person') ?? longestFirst[0];
  const countries = inside.filter((m) => m.entity.type === 'country' && m.kind === 'alias');
  // proper names that name a source: not "Western officials", "Monday", or an adjective of a known entity
  const properWords = words.filter(
    (w, k) =>
      (w.pos === 'PROPN' ||
        (k > 0 && isCapitalized(w.text) && w.kind === 'word' && w.pos !== 'DET' && w.pos !== 'ADP' && w.pos !== 'CCONJ')) &&
      !vocabulary.unnamingModifiers.has(w.norm) &&
      !vocabulary.vagueNouns.has(w.norm) &&
      !isTimeWord(w.norm) &&
      !DETERMINERS.has(w.norm) &&
      !inside.some((m) => m.kind === 'adjective' && m.start <= w.start && m.end >= w.end),
  );
  const headNoun = head.lemma;
  const withMention = (kind: SourceReading['kind'], agentive: boolean): SourceReading => ({
    kind,
    agentive,
    ...(person ? { mention: person } : {}),
  });
  if (
    (vocabulary.vagueNouns.has(head.norm) || vocabulary.vagueNouns.has(headNoun)) &&
    named.length === 0 &&
    properWords.length === 0 &&
    countries.length === 0
  ) {
    return { kind: 'vague', agentive: true };
  }
  if (vocabulary.documentNouns.has(head.norm) || vocabulary.documentNouns.has(headNoun)) {
    const unnamed = words[0].norm === 'a' || words[0].norm === 'an';
    return withMention(unnamed && properWords.length === 0 && named.length === 0 ? 'vague' : 'document', false);
  }
  const outlet = longestFirst[0]?.entity.type === 'outlet' && longestFirst[0].end === end ? longestFirst[0] : undefined;
  if (outlet) return { kind: 'outlet', agentive: true, mention: outlet };
  const agentive =
    properWords.length > 0 ||
    named.length > 0 ||
    countries.length > 0 ||
    vocabulary.institutionNouns.has(head.norm) ||
    vocabulary.institutionNouns.has(headNoun) ||
    vocabulary.vagueNouns.has(headNoun) ||
    vocabulary.agentNouns.has(head.norm) ||
    vocabulary.agentNouns.has(headNoun) ||
    hasTitle(start, end);
  return withMention('named', agentive);
}
