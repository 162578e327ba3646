/** Regular English inflections, enough to match a lexicon's head words in running text. */

const VOWEL = /[aeiou]/;

/** Plural of a noun by the regular rules (irregular plurals belong in a lexicon's variants). */
export function pluralOf(noun: string): string {
  if (/(s|x|z|ch|sh)$/i.test(noun)) return noun + 'es';
  if (/[^aeiou]y$/i.test(noun)) return noun.slice(0, -1) + 'ies';
  return noun + 's';
}

function doublesFinalConsonant(verb: string): boolean {
  // one-syllable consonant-vowel-consonant verbs: slam -> slammed, grab -> grabbed
  return /^[^aeiou]*[aeiou][^aeiouwxy]$/i.test(verb);
}

/** Third-person, past and -ing forms of a regular verb. */
export function verbForms(verb: string): string[] {
  const forms = [verb, pluralOf(verb)];
  if (verb.endsWith('e')) forms.push(verb + 'd', verb.slice(0, -1) + 'ing');
  else if (/[^aeiou]y$/i.test(verb)) forms.push(verb.slice(0, -1) + 'ied', verb + 'ing');
  else if (doublesFinalConsonant(verb)) {
    const doubled = verb + verb[verb.length - 1];
    forms.push(doubled + 'ed', doubled + 'ing');
  } else forms.push(verb + 'ed', verb + 'ing');
  return forms;
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
