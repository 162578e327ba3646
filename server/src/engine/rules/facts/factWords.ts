import facts from '../../../../../seeds/language/facts.json';

/** The word lists of seeds/language/facts.json, built once. */
const lists = facts.lists;

/** Ordinal words from first to tenth. */
export const ORDINAL_WORDS: readonly string[] = lists.ordinals.words;
/** Whole numbers below ten in words, from zero. */
export const SMALL_NUMBERS: readonly string[] = lists.smallNumbers.words;

/** Conversion of a distance or duration unit to a common base (metres, days). */
export interface UnitScale {
  dimension: 'distance' | 'duration';
  factor: number;
}
/** Units of distance and duration (singular) and their scales. */
export const UNIT_SCALE: ReadonlyMap<string, UnitScale> = new Map(
  Object.entries(lists.unitScales.values).map(([unit, [dimension, factor]]) => [
    unit,
    { dimension: dimension as UnitScale['dimension'], factor: Number(factor) },
  ]),
);
/** Words that end the search for a number's unit. */
export const UNIT_BREAKS: ReadonlySet<string> = new Set(lists.unitBreaks.words);
/** Verbs that give a length ("runs for 47 miles"). */
export const LENGTH_VERBS: ReadonlySet<string> = new Set(lists.lengthVerbs.words);
/** Words before a small number that make it point back at parties already named ("the two countries"). */
export const REFERRING_DETERMINERS: ReadonlySet<string> = new Set(lists.referringDeterminers.words);
/** Nouns after an outlet's name that belong to its phrase ("news agency"). */
export const OUTLET_NOUNS: ReadonlySet<string> = new Set(lists.outletNouns.words);
/** Words right before an outlet that make it a claim's channel ("told", "via"). */
export const CHANNEL_WORDS_BEFORE: ReadonlySet<string> = new Set(lists.channelWordsBefore.words);
/** Two-word phrases right before an outlet that make it a claim's channel ("according to"). */
export const CHANNEL_PHRASES_BEFORE: ReadonlySet<string> = new Set(lists.channelPhrasesBefore.words);
/** Verbs right after an outlet that make it a claim's channel ("reported"). */
export const CHANNEL_VERBS_AFTER: ReadonlySet<string> = new Set(lists.channelVerbsAfter.words);
