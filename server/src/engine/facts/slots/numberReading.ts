import { wordForms } from '../../text/inflections';
import type { NumberMention } from '../../text/numbers';
import { phraseKeys } from '../../text/phrases';
import type { Token } from '../../text/tokens';
import type { UnitScale } from '../factWords';
import { REFERRING_DETERMINERS, UNIT_BREAKS, UNIT_SCALE } from '../factWords';
import { memo } from '../memo';
import { nextWord, previousWord } from '../sentenceQueries';

/** The singular of a unit word ("miles" -> "mile", "casualties" -> "casualty"). */
export function singular(word: string): string {
  if (UNIT_SCALE.has(word)) return word;
  if (word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.endsWith('s') && UNIT_SCALE.has(word.slice(0, -1))) return word.slice(0, -1);
  return word;
}

/** A slot's unit as a fact file writes it, and the words a draft may use for it. */
export interface UnitWords {
  readonly unit?: string;
  readonly unitWords?: readonly string[];
}

/** Every form of a slot's unit words ("fighter", "fighters"), built once per slot. */
export const unitSet = memo((slot: UnitWords): Set<string> => {
  const words = new Set<string>();
  for (const phrase of [slot.unit ?? '', ...(slot.unitWords ?? [])]) {
    const keys = phraseKeys(phrase);
    if (keys.length === 0) continue;
    for (const form of wordForms(keys[keys.length - 1], 'noun')) words.add(form);
  }
  return words;
});

/** The distance or duration scale of a slot's unit, if it has one. */
export const slotUnitScale = memo((slot: UnitWords): UnitScale | undefined =>
  UNIT_SCALE.get(singular(phraseKeys(slot.unit ?? '').pop() ?? '')),
);

/** The unit word (normalised) that follows a number within a few words, or undefined. */
export function unitAfter(
  tokens: readonly Token[],
  mention: NumberMention,
  accepts: (word: string) => boolean,
  window = 4,
): string | undefined {
  let i = mention.last;
  for (let seen = 0; seen < window; seen++) {
    const j = nextWord(tokens, i);
    if (j < 0) return undefined;
    for (let k = i + 1; k < j; k++) if (!/^[-\u2010\u2011]$/.test(tokens[k].text)) return undefined;
    if (accepts(tokens[j].norm)) return tokens[j].norm;
    if (UNIT_BREAKS.has(tokens[j].norm) && seen > 0) return undefined;
    i = j;
  }
  return undefined;
}

/**
 * "the two countries", "both sides": a small number after a definite article points back at parties the
 * story already named; it does not count anything the source counts.
 */
export function refersBack(tokens: readonly Token[], n: NumberMention): boolean {
  if (n.value > 4 || n.qualifier !== 'exact' || tokens[n.first].kind === 'number') return false;
  const before = previousWord(tokens, n.first);
  return before >= 0 && REFERRING_DETERMINERS.has(tokens[before].norm);
}

/** Qualifiers that give a value and the side it lies on ("nearly 9,500"). */
export const ONE_SIDED: ReadonlySet<string> = new Set(['nearly', 'more-than', 'at-least']);
