/** Regular English inflections, enough to match a lexicon's head words in running text. */
import inflections from '../../../../seeds/language/inflections.json';
import { valueMap, wordSet } from './wordLists';

const VOWEL = /[aeiou]/;

/** Irregular past forms (simple past and participle given as one) of verbs lexicon alternatives use. */
const IRREGULAR_PAST = valueMap<string>(inflections.lists.irregularPast);
/** Verbs ending in a stressed consonant-vowel-consonant syllable, which double it (admit -> admitted). */
const DOUBLING = wordSet(inflections.lists.doubling);
/** Irregular plurals of nouns lexicon terms and alternatives use. */
const IRREGULAR_PLURAL = valueMap<string>(inflections.lists.irregularPlural);
/** Words ending in -man that are not compounds of "man" (human, German): their plural is regular. */
const NOT_MAN_COMPOUNDS: readonly string[] = inflections.lists.notManCompounds.words;

/** Plural of a noun by the regular rules (irregular plurals belong in a lexicon's variants). */
export function pluralOf(noun: string): string {
  const lower = noun.toLowerCase();
  const irregular = IRREGULAR_PLURAL.get(lower);
  if (irregular !== undefined) return irregular;
  if (/man$/.test(lower) && !NOT_MAN_COMPOUNDS.some((ending) => lower.endsWith(ending))) return noun.slice(0, -3) + 'men';
  if (/(s|x|z|ch|sh)$/i.test(noun)) return noun + 'es';
  if (/[^aeiou]y$/i.test(noun)) return noun.slice(0, -1) + 'ies';
  return noun + 's';
}

function doublesFinalConsonant(verb: string): boolean {
  // one-syllable consonant-vowel-consonant verbs (slam -> slammed) and known stressed endings (admit -> admitted)
  return /^[^aeiou]*[aeiou][^aeiouwxy]$/i.test(verb) || DOUBLING.has(verb.toLowerCase());
}

/** Third-person, past and -ing forms of a regular verb (British doubling of a final -l is added too). */
export function verbForms(verb: string): string[] {
  const lower = verb.toLowerCase();
  const third = /(s|x|z|ch|sh)$/i.test(verb) ? verb + 'es' : /[^aeiou]y$/i.test(verb) ? verb.slice(0, -1) + 'ies' : verb + 's';
  const past = IRREGULAR_PAST.get(lower);
  if (past !== undefined) {
    const ing =
      verb.endsWith('e') && !verb.endsWith('ee')
        ? verb.slice(0, -1) + 'ing'
        : doublesFinalConsonant(verb)
          ? verb + verb[verb.length - 1] + 'ing'
          : verb + 'ing';
    return [verb, third, past, ing];
  }
  const forms = [verb, third];
  const extra = /[aeiou]l$/i.test(verb) && !/[aeiou]{2}l$/i.test(verb) ? [verb + 'led', verb + 'ling'] : [];
  if (verb.endsWith('e')) forms.push(verb + 'd', verb.slice(0, -1) + 'ing');
  else if (/[^aeiou]y$/i.test(verb)) forms.push(verb.slice(0, -1) + 'ied', verb + 'ing');
  else if (doublesFinalConsonant(verb)) {
    const doubled = verb + verb[verb.length - 1];
    forms.push(doubled + 'ed', doubled + 'ing');
  } else forms.push(verb + 'ed', verb + 'ing');
  return [...forms, ...extra];
}

/** An adjective and its adverb (brutal -> brutally, shameless -> shamelessly). */
export function adjectiveForms(adjective: string): string[] {
  if (/[^aeiou]y$/i.test(adjective)) return [adjective, adjective.slice(0, -1) + 'ily'];
  if (/ic$/i.test(adjective)) return [adjective, adjective + 'ally'];
  if (/[^aeiou]le$/i.test(adjective)) return [adjective, adjective.slice(0, -1) + 'y'];
  if (/ll$/i.test(adjective)) return [adjective, adjective + 'y'];
  return [adjective, adjective + 'ly'];
}

export type Inflection = 'noun' | 'verb' | 'adjective' | 'none';

/** The forms of a single word under an inflection class; the first is the word itself. */
export function wordForms(word: string, inflection: Inflection): string[] {
  if (!VOWEL.test(word) && inflection !== 'none') return [word];
  switch (inflection) {
    case 'noun':
      return [word, pluralOf(word)];
    case 'verb':
      return verbForms(word);
    case 'adjective':
      return adjectiveForms(word);
    default:
      return [word];
  }
}

/** How a matched form relates to the entry's term, so fixes can inflect alternatives alike. */
export type FormKind = 'base' | 'plural' | 'verb-s' | 'verb-ed' | 'verb-ing' | 'adverb';
