import { isCapitalized } from './tokens';
import { pluralOf, verbForms, adjectiveForms } from './inflections';
import type { FormKind } from './inflections';

/** `replacement` with its first letter upper-cased when `original` starts upper-case. */
export function matchCapitalization(replacement: string, original: string): string {
  if (!isCapitalized(original) || replacement.length === 0) return replacement;
  return replacement[0].toUpperCase() + replacement.slice(1);
}

/** True for an alternative that is advice ("(describe the position)") rather than replacement text. */
export function isAdvice(alternative: string): boolean {
  return /^\(.*\)$/.test(alternative.trim());
}

/**
 * Inflects a replacement phrase like the matched form: plural nouns pluralise the last word, verb forms
 * inflect the first word, adverbs turn a one-word adjective into its adverb.
 */
export function inflectLike(phrase: string, kind: FormKind): string {
  const words = phrase.split(' ');
  switch (kind) {
    case 'plural':
      words[words.length - 1] = pluralOf(words[words.length - 1]);
      return words.join(' ');
    case 'verb-s':
    case 'verb-ed':
    case 'verb-ing': {
      const forms = verbForms(words[0]);
      words[0] = forms[{ 'verb-s': 1, 'verb-ed': 2, 'verb-ing': 3 }[kind]] ?? words[0];
      return words.join(' ');
    }
    case 'adverb':
      return words.length === 1 ? adjectiveForms(words[0])[1] : phrase;
    default:
      return phrase;
  }
}

/** Adds the possessive ending `original` carries (`’s`, `'s`, or a bare apostrophe) to `phrase`. */
export function keepPossessive(phrase: string, original: string): string {
  const m = /(['\u2019]s?)$/.exec(original);
  if (!m) return phrase;
  const apostrophe = m[1][0];
  return phrase.endsWith('s') && m[1].length === 1 ? phrase + apostrophe : phrase + apostrophe + 's';
}

/**
 * True when `at` opens its sentence: only white space, opening quotes or brackets and Markdown marks lie
 * between the sentence's start and it.
 */
export function opensSentence(text: string, sentenceStart: number, at: number): boolean {
  return /^[\s"\u201C\u2018'([*_#>-]*$/.test(text.slice(sentenceStart, at));
}
