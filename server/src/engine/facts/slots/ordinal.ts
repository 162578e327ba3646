import { isCapitalized } from '../../text/tokens';
import { ORDINAL_WORDS } from '../factWords';
import { agreement, analysis } from '../slotResult';
import { unitAfter, unitSet } from './numberReading';
import { phraseList } from './schemaPieces';
import type { SlotKind } from './slotKind';

/** A place in an order: "the fourth Gas Exporting Countries Forum". */
export interface OrdinalSlot {
  type: 'ordinal';
  value: number;
  unit?: string;
  /** Words the ordinal counts (summit, forum). */
  unitWords: string[];
}

const ORDINAL_ENDINGS = ['th', 'st', 'nd', 'rd'];

/** "1st", "22nd", "13th". */
function numbered(value: number): string {
  const tens = value % 100;
  return `${value}${tens >= 11 && tens <= 13 ? 'th' : (ORDINAL_ENDINGS[value % 10] ?? 'th')}`;
}

/** Ordinals ("fourth", "4th") before one of the slot's unit words. */
export const ordinal: SlotKind<OrdinalSlot> = {
  type: 'ordinal',
  name: 'ordinal',
  core: true,
  check(slot, sentence) {
    if (typeof slot.value !== 'number') return undefined;
    const units = unitSet(slot);
    const tokens = sentence.sentence.tokens;
    const readings = analysis(sentence).numbers.filter((n) => n.ordinal && unitAfter(tokens, n, (w) => units.has(w), 5));
    if (readings.length === 0) return undefined;
    const right = readings.find((n) => n.value === slot.value);
    if (right) return agreement(right);
    const word = ORDINAL_WORDS[slot.value - 1] ?? `${slot.value}th`;
    const original = sentence.text.slice(readings[0].start, readings[0].end);
    return {
      start: readings[0].start,
      end: readings[0].end,
      expected: word,
      replacement: isCapitalized(original) ? word[0].toUpperCase() + word.slice(1) : word,
    };
  },
  describe: (slot) =>
    [typeof slot.value === 'number' ? numbered(slot.value) : String(slot.value), slot.unitWords?.[0]].filter(Boolean).join(' '),
  schema: {
    value: 'a number',
    properties: { unitWords: phraseList('Words a draft may use for the unit (fighters, troops, ...).') },
    requires: { required: ['value', 'unitWords'], properties: { value: { type: 'integer', minimum: 1 } } },
  },
};
