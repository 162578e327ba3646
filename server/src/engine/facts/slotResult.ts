import type { Fact } from '../knowledge/factTypes';
import { findTimes } from '../text/dates';
import type { NumberMention } from '../text/numbers';
import { findNumbers } from '../text/numbers';
import { SMALL_NUMBERS } from './factWords';
import { memo } from './memo';
import type { SentenceFacts } from './sentenceFacts';

/** Words in a draft that disagree with a slot, and what the source says instead. */
export interface Conflict {
  start: number;
  end: number;
  /** The source's value as a reader would write it ("up to 140,000", "Sochi", "Tuesday"). */
  expected: string;
  /** Replacement text for the flagged words, when a mechanical one exists. */
  replacement?: string;
}

/** Words in a draft that state the source's value. */
export interface Agreement {
  agrees: true;
  start: number;
  end: number;
  /** The words agree without stating the value: a country that contains the source's place ("in Syria"). */
  loose?: true;
}

/** What a slot check found: a conflict, an agreement, or nothing to compare. */
export type SlotResult = Conflict | Agreement | undefined;

export const agreement = (span: { start: number; end: number }): Agreement => ({ agrees: true, start: span.start, end: span.end });

/** True for an agreement result. */
export function isAgreement(result: SlotResult): result is Agreement {
  return result !== undefined && 'agrees' in result;
}

/** The numbers and times of a sentence, read once per sentence for every slot check. */
export const analysis = memo((sentence: SentenceFacts): { numbers: NumberMention[]; times: ReturnType<typeof findTimes> } => ({
  numbers: findNumbers(sentence.sentence.tokens),
  times: findTimes(sentence.sentence.tokens),
}));

/**
 * Of the values that conflict, the one nearest to the fact's own cue words: "In late 2015 the priority was
 * stopping Islamic State, who had overrun large parts of Syria in 2012" dates the overrunning by 2012.
 */
export function nearestToCues<T extends { start: number }>(values: readonly T[], sentence: SentenceFacts, fact: Fact): T {
  const cues = sentence.cues.filter((c) => fact.cueKeys.includes(c.value));
  if (values.length < 2 || cues.length === 0) return values[0];
  const distance = (v: T): number => cues.reduce((nearest, c) => Math.min(nearest, Math.abs(c.start - v.start)), Infinity);
  return values.reduce((best, v) => (distance(v) < distance(best) ? v : best));
}

/** A number as a reader would write it: small whole numbers in words ("four"), others with separators. */
export function written(value: number): string {
  return Number.isInteger(value) && value >= 0 && value < 10 ? SMALL_NUMBERS[value] : value.toLocaleString('en-US');
}
