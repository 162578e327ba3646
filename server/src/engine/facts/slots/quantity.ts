import { pluralOf } from '../../text/inflections';
import type { NumberMention, Qualifier } from '../../text/numbers';
import { claimedInterval, currencyBefore, describeQuantity, percentAfter, quantityInterval } from '../../text/numbers';
import { PhraseMatcher } from '../../text/phrases';
import type { Token } from '../../text/tokens';
import { LENGTH_VERBS, UNIT_SCALE } from '../factWords';
import { memo } from '../memo';
import { nextWord } from '../sentenceQueries';
import { agreement, analysis, written } from '../slotResult';
import { ONE_SIDED, refersBack, singular, slotUnitScale, unitAfter, unitSet } from './numberReading';
import { phraseList, QUALIFIER } from './schemaPieces';
import type { SlotKind } from './slotKind';

/** A number of things: "up to 140,000 Shiite forces", "a 47-mile border", "the four-year conflict". */
export interface QuantitySlot {
  type: 'quantity';
  value: number;
  qualifier?: Qualifier;
  /** The unit as the source writes it (forces, mile, year, nations). */
  unit: string;
  /** Words a draft may use for the unit (fighters, troops, …). */
  unitWords: string[];
  /** The quantity holds only at the fact's date and grows with time (an age: "the four-year conflict"). */
  changesOverTime?: boolean;
  /** Words right after the unit naming what a quantity measures ("border" in "47-mile border"). */
  measures?: string[];
  dimension?: 'count' | 'distance' | 'duration' | 'money' | 'percent';
}

/** A matcher of the words a quantity measures, built once per slot. */
const measureMatcher = memo((slot: QuantitySlot): PhraseMatcher<true> => {
  const matcher = new PhraseMatcher<true>();
  for (const m of slot.measures ?? []) matcher.add(m, true);
  return matcher;
});

/** For a slot naming what it measures: a test that one of those words follows the number's unit closely. */
function measuredBy(slot: QuantitySlot, text: string): ((tokens: readonly Token[], n: NumberMention) => boolean) | undefined {
  if (!slot.measures?.length) return undefined;
  const words = measureMatcher(slot);
  return (tokens, n) => {
    const after = nextWord(tokens, n.last);
    const window = tokens.slice(after < 0 ? tokens.length : after, Math.min(tokens.length, (after < 0 ? tokens.length : after) + 6));
    if (words.findAll(text, window).length > 0) return true;
    // "a frontier between Israel and Syria that runs for some 90 miles": what is measured, then a verb of
    // length, before the number
    const before = tokens.slice(Math.max(0, n.first - 9), n.first);
    const lengthVerb = before.findIndex((t) => LENGTH_VERBS.has(t.norm));
    return lengthVerb > 0 && words.findAll(text, before.slice(0, lengthVerb)).length > 0;
  };
}

/** Quantities: numbers with the slot's unit words (or a unit of the same dimension, converted). */
export const quantity: SlotKind<QuantitySlot> = {
  type: 'quantity',
  name: 'number',
  core: true,
  reachesFar: true,
  check(slot, sentence) {
    const stated = slot.value;
    if (typeof stated !== 'number') return undefined;
    const units = unitSet(slot);
    const factUnit = slotUnitScale(slot);
    const tokens = sentence.sentence.tokens;
    const accepts = (word: string): boolean =>
      units.has(word) || (factUnit !== undefined && UNIT_SCALE.get(singular(word))?.dimension === factUnit.dimension);
    const factInterval = quantityInterval(stated, slot.qualifier ?? 'exact');
    // two upper bounds compare as bounds: "up to 40,000" is not the source's "up to 140,000"
    const boundInterval = claimedInterval(stated, slot.qualifier ?? 'exact');
    const measured = measuredBy(slot, sentence.text);
    const readings = analysis(sentence)
      .numbers.filter((n) => !n.year && !n.ordinal && !refersBack(tokens, n))
      .flatMap((n) => {
        const currency = currencyBefore(tokens, n);
        const percent = percentAfter(tokens, n) && accepts('cent') ? 'cent' : undefined;
        const unit = percent ?? unitAfter(tokens, n, accepts) ?? (currency && accepts(currency) ? currency : undefined);
        if (!unit || (measured && !measured(tokens, n))) return [];
        const unitScale = factUnit && UNIT_SCALE.get(singular(unit));
        const scale = factUnit && unitScale ? unitScale.factor / factUnit.factor : 1;
        const [a, b] = claimedInterval(n.value * scale, n.qualifier, n.range && [n.range[0] * scale, n.range[1] * scale]);
        const [low, high] = n.qualifier === 'up-to' && slot.qualifier === 'up-to' ? boundInterval : factInterval;
        // rounding: a draft may round to the precision it writes
        const slack = factUnit && scale !== 1 ? 0.1 : 0;
        // the same one-sided bound states its value: "nearly 9,800" is not the source's "nearly 9,500"
        if (n.qualifier === slot.qualifier && ONE_SIDED.has(n.qualifier))
          return [{ mention: n, agrees: Math.abs(n.value * scale - stated) <= stated * Math.max(slack, 0.01) }];
        return [{ mention: n, agrees: a <= high * (1 + slack) && b >= low * (1 - slack) }];
      });
    if (readings.length === 0) return undefined;
    const right = readings.find((r) => r.agrees);
    if (right) return agreement(right.mention);
    const wrong = readings[0].mention;
    const value = slot.qualifier === 'exact' || !slot.qualifier ? written(stated) : describeQuantity(stated, slot.qualifier);
    // "47 miles", "four years": a one-word unit agrees with its number (units written plural stay so)
    const unit =
      slot.unit && slot.value !== 1 && !slot.unit.includes(' ') && !slot.unit.endsWith('s') ? pluralOf(slot.unit) : (slot.unit ?? '');
    return { start: wrong.start, end: wrong.end, expected: `${value} ${unit}`.trim(), replacement: value };
  },
  describe: (slot) => [describeQuantity(Number(slot.value), slot.qualifier), slot.unit].filter(Boolean).join(' '),
  schema: {
    value: 'a number',
    properties: {
      qualifier: QUALIFIER,
      unit: {
        type: 'string',
        minLength: 1,
        maxLength: 200,
        description: 'The unit as the source writes it (forces, mile, year, nations).',
      },
      unitWords: phraseList('Words a draft may use for the unit (fighters, troops, ...).'),
      dimension: { enum: ['count', 'distance', 'duration', 'money', 'percent'] },
      measures: phraseList(
        "quantity: words right after the unit naming what is measured (border, frontier; from): a draft's number counts only with one of them.",
        50,
      ),
      changesOverTime: {
        type: 'boolean',
        description:
          "quantity: the value holds only at the fact's date and grows with time (an age such as 'the four-year conflict'); drafts are compared only when they speak of that year.",
      },
    },
    requires: { required: ['value', 'unit', 'unitWords'], properties: { value: { type: 'number' } } },
  },
};
