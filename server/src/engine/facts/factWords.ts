import facts from '../../../../seeds/language/facts.json';

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
/** For each relation of a place slot, the words before a place that state it ("in", "to"). */
export const PLACE_PREPOSITIONS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(lists.placePrepositions.values).map(([relation, words]) => [relation, new Set(words)]),
);
/** Words before a place that put someone or something there ("in", "visited"). */
export const PLACING_WORDS: ReadonlySet<string> = new Set(lists.placingWords.words);
/** Endings of nouns whose "in X" names their own place ("involvement in Syria"). */
export const PLACE_GOVERNING_SUFFIXES: readonly string[] = lists.placeGoverningSuffixes.words;
/** Nouns whose "in X" names their own place ("based in Doha", "the war in Syria"). */
export const PLACE_GOVERNING_WORDS: ReadonlySet<string> = new Set(lists.placeGoverningWords.words);
/** Prepositions after which a place may belong to the noun before them. */
export const PLACE_GOVERNING_PREPOSITIONS: ReadonlySet<string> = new Set(lists.placeGoverningPrepositions.words);
/** Kinds of place and the class of places that can stand in for one another in a conflict. */
export const PLACE_CLASSES: ReadonlyMap<string, string> = new Map(Object.entries(lists.placeClasses.values));
/** Nouns that name a kind of place before "of" and its name ("the holy city of Qom"). */
export const PLACE_NOUNS: ReadonlySet<string> = new Set(lists.placeNouns.words);
/** Words that negate what follows them ("not", "lacked"). */
export const NEGATIONS: ReadonlySet<string> = new Set(lists.negations.words);
/** Articles and possessive pronouns, which open a noun phrase. */
export const DETERMINERS: ReadonlySet<string> = new Set(lists.determiners.words);
