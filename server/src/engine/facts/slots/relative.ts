import { unitDays } from '../../text/dates';
import { PhraseMatcher, phraseKeys } from '../../text/phrases';
import { memo } from '../memo';
import { agreement, analysis, written } from '../slotResult';
import { phraseList } from './schemaPieces';
import type { SlotKind } from './slotKind';

/** A timing relative to another event: "a day after the Paris attacks". */
export interface RelativeSlot {
  type: 'relative';
  amount: number;
  unit: 'hour' | 'day' | 'week' | 'month' | 'year';
  direction: 'after' | 'before';
  /** Phrases naming the event the timing is relative to. */
  anchor: string[];
}

/** The slot's anchor phrases, and each one's head noun after "the" ("a week after the attacks"). */
const anchorMatcher = memo((slot: RelativeSlot): PhraseMatcher<true> => {
  const anchors = new PhraseMatcher<true>();
  for (const a of slot.anchor ?? []) {
    anchors.add(a, true);
    const head = phraseKeys(a).pop();
    if (head) anchors.addKeys(['the', head], true);
  }
  return anchors;
});

/** Relative timings ("a day after the Paris attacks") against a relative slot. */
export const relative: SlotKind<RelativeSlot> = {
  type: 'relative',
  name: 'timing',
  eventDetail: true,
  check(slot, sentence) {
    if (slot.amount === undefined || !slot.unit || !slot.direction) return undefined;
    const candidates = analysis(sentence).times.relatives;
    if (candidates.length === 0) return undefined;
    const found = anchorMatcher(slot).findAll(sentence.text, sentence.sentence.tokens);
    const relatives = candidates.filter((r) => found.some((m) => m.start >= r.anchorFrom && m.start - r.anchorFrom < 40));
    const factDays = slot.amount * unitDays(slot.unit as 'day');
    const agrees = (r: (typeof relatives)[number]): boolean =>
      r.direction === slot.direction && Math.abs(r.amount * unitDays(r.unit) - factDays) < 0.01;
    if (relatives.length === 0) return undefined;
    const right = relatives.find(agrees);
    if (right) return agreement(right);
    const amount = slot.amount === 1 ? 'a' : written(slot.amount);
    const expected = `${amount} ${slot.unit}${slot.amount === 1 ? '' : 's'} ${slot.direction}`;
    return { start: relatives[0].start, end: relatives[0].end, expected, replacement: expected };
  },
  describe: (slot) => `${slot.amount} ${slot.unit}${slot.amount === 1 ? '' : 's'} ${slot.direction} ${slot.anchor?.[0] ?? 'the event'}`,
  schema: {
    properties: {
      amount: { type: 'number', minimum: 0 },
      unit: { type: 'string', minLength: 1, maxLength: 200 },
      direction: { enum: ['after', 'before'] },
      anchor: phraseList('relative: phrases naming the event the timing is relative to.'),
    },
    requires: {
      required: ['amount', 'unit', 'direction', 'anchor'],
      properties: { unit: { enum: ['hour', 'day', 'week', 'month', 'year'] } },
    },
  },
};
