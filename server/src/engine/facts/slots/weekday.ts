import { WEEKDAYS } from '../../text/dates';
import { agreement, analysis } from '../slotResult';
import type { SlotKind } from './slotKind';

/** The day of the week something happened on. */
export interface WeekdaySlot {
  type: 'weekday';
  /** A day name in lower case ("tuesday"). */
  value: string;
}

/** Weekdays (and "the weekend") against a weekday slot. */
export const weekday: SlotKind<WeekdaySlot> = {
  type: 'weekday',
  name: 'weekday',
  eventDetail: true,
  check(slot, sentence) {
    if (typeof slot.value !== 'string') return undefined;
    const days = analysis(sentence).times.weekdays;
    if (days.length === 0) return undefined;
    const right = days.find(
      (d) => d.weekday === slot.value || (d.weekday === 'weekend' && (slot.value === 'saturday' || slot.value === 'sunday')),
    );
    if (right) return agreement(right);
    const name = slot.value[0].toUpperCase() + slot.value.slice(1);
    if (!WEEKDAYS.includes(slot.value)) return undefined;
    // "over the weekend" needs rewording ("on Monday"), not a swapped word
    return { start: days[0].start, end: days[0].end, expected: name, ...(days[0].weekday !== 'weekend' ? { replacement: name } : {}) };
  },
  describe(slot) {
    const day = String(slot.value);
    return `on a ${day.charAt(0).toUpperCase()}${day.slice(1)}`;
  },
  schema: {
    value: 'a day name',
    requires: {
      required: ['value'],
      properties: { value: { enum: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] } },
    },
  },
};
