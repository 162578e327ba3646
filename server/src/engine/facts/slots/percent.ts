import type { NumberMention, Qualifier } from '../../text/numbers';
import { claimedInterval, describeQuantity, percentAfter, quantityInterval } from '../../text/numbers';
import type { SentenceFacts } from '../sentenceFacts';
import { agreement, analysis } from '../slotResult';
import { ONE_SIDED } from './numberReading';
import { QUALIFIER } from './schemaPieces';
import type { SlotKind } from './slotKind';

/** A share in per cent: "27%", "about 27 per cent". */
export interface PercentSlot {
  type: 'percent';
  value: number;
  qualifier?: Qualifier;
}

/** How many decimals a number is written with ("27.4": 1, "27": 0). */
function decimals(written: string): number {
  return /\.(\d+)/.exec(written)?.[1].length ?? 0;
}

/**
 * Half a unit of the coarser of two written precisions: a draft's "27.4 per cent" rounds to the source's 27,
 * and a draft's "27 per cent" is the source's 27.4 rounded.
 */
function roundingSlack(sentence: SentenceFacts, n: NumberMention, stated: number): number {
  const places = Math.min(decimals(sentence.text.slice(n.numberStart, n.end)), decimals(String(stated)));
  return 0.5 * 10 ** -places;
}

/** Percentages ("27%", "27 per cent", "27 percent", with qualifiers) against a percent slot. */
export const percent: SlotKind<PercentSlot> = {
  type: 'percent',
  name: 'percentage',
  core: true,
  check(slot, sentence) {
    const stated = slot.value;
    if (typeof stated !== 'number') return undefined;
    const qualifier = slot.qualifier ?? 'exact';
    const tokens = sentence.sentence.tokens;
    const readings = analysis(sentence)
      .numbers.filter((n) => !n.year && !n.ordinal && percentAfter(tokens, n))
      .map((n) => {
        const slack = roundingSlack(sentence, n, stated);
        // the same one-sided bound states its value: "nearly 30%" is not the source's "nearly 27%"
        if (n.qualifier === qualifier && ONE_SIDED.has(qualifier)) return { mention: n, agrees: Math.abs(n.value - stated) <= slack };
        const [a, b] = claimedInterval(n.value, n.qualifier, n.range);
        // two upper bounds compare as bounds: "up to 20%" is not the source's "up to 27%"
        const [low, high] =
          n.qualifier === 'up-to' && qualifier === 'up-to' ? claimedInterval(stated, qualifier) : quantityInterval(stated, qualifier);
        return { mention: n, agrees: a <= high + slack && b >= low - slack };
      });
    if (readings.length === 0) return undefined;
    const right = readings.find((r) => r.agrees);
    if (right) return agreement(right.mention);
    const wrong = readings[0].mention;
    const value = describeQuantity(stated, qualifier);
    return { start: wrong.start, end: wrong.end, expected: `${value}%`, replacement: value };
  },
  describe: (slot) => `${describeQuantity(Number(slot.value), slot.qualifier)}%`,
  schema: {
    value: 'a number',
    properties: { qualifier: QUALIFIER },
    requires: { required: ['value'], properties: { value: { type: 'number' } } },
  },
};
