import type { DateMention } from '../../text/dates';
import type { SentenceFacts } from '../sentenceFacts';
import { agreement, analysis, nearestToCues } from '../slotResult';
import type { SlotKind } from './slotKind';

/** When something happened: a year, a month, a day, or a part of a month ("mid-January 2016"). */
export interface DateSlot {
  type: 'date';
  year?: number;
  month?: number;
  day?: number;
  part?: 'early' | 'mid' | 'late';
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The days of a month that "early", "mid-" and "late" name (a "mid-January deadline" is not January 1). */
const PART_DAYS: Record<'early' | 'mid' | 'late', (day: number) => boolean> = {
  early: (day) => day <= 10,
  mid: (day) => day >= 10 && day <= 20,
  late: (day) => day >= 20,
};

function describeDate(slot: DateSlot): string {
  const parts = [
    slot.part ?? '',
    slot.month ? MONTH_NAMES[slot.month - 1] : '',
    slot.day ? String(slot.day) : '',
    slot.year ? String(slot.year) : '',
  ];
  return parts
    .filter(Boolean)
    .join(' ')
    .replace(/ (\d{1,2}) (\d{4})$/, ' $1, $2');
}

/**
 * The dates a sentence gives its events: relative years ("early last year") resolved against the nearest
 * year the sentence states, which is then only their reference; otherwise its dates, less those it speaks
 * from ("As of November 2017").
 */
function eventDates(sentence: SentenceFacts): DateMention[] {
  const { dates, relativeYears } = analysis(sentence).times;
  const anchors = dates.filter((d) => d.year !== undefined);
  const resolved = relativeYears.flatMap((r): DateMention[] => {
    const nearest = [...anchors].sort((a, b) => Math.abs(a.start - r.start) - Math.abs(b.start - r.start))[0];
    return nearest?.year !== undefined
      ? [{ start: r.start, end: r.end, year: nearest.year + r.offset, ...(r.part ? { part: r.part } : {}) }]
      : [];
  });
  return resolved.length > 0 ? resolved : dates.filter((d) => !d.reference);
}

/** The months a part of a year or a season spans. */
const PART_MONTHS: Record<'early' | 'mid' | 'late', readonly number[]> = { early: [1, 2, 3, 4], mid: [5, 6, 7, 8], late: [9, 10, 11, 12] };
const SEASON_MONTHS: Record<NonNullable<DateMention['season']>, readonly number[]> = {
  spring: [3, 4, 5],
  summer: [6, 7, 8],
  autumn: [9, 10, 11],
  winter: [12, 1, 2],
};

/** The months a date may fall in: its month, season or part of the year; undefined when it names none. */
function monthsOf(date: {
  month?: number;
  part?: 'early' | 'mid' | 'late';
  season?: DateMention['season'];
  months?: readonly number[];
}): readonly number[] | undefined {
  if (date.month !== undefined) return [date.month];
  if (date.months) return date.months;
  if (date.season) return SEASON_MONTHS[date.season];
  return date.part ? PART_MONTHS[date.part] : undefined;
}

/** Dates, months, seasons and parts of years against a date slot. */
export const date: SlotKind<DateSlot> = {
  type: 'date',
  name: 'date',
  eventDetail: true,
  check(slot, sentence, fact) {
    const dates = eventDates(sentence);
    const slotMonths = monthsOf(slot);
    const comparable = dates.filter(
      (d) => (slot.year !== undefined && d.year !== undefined) || (slotMonths !== undefined && monthsOf(d) !== undefined),
    );
    const agrees = (d: (typeof dates)[number]): boolean => {
      const months = monthsOf(d);
      return (
        (slot.year === undefined || d.year === undefined || d.year === slot.year) &&
        (slotMonths === undefined || months === undefined || months.some((m) => slotMonths.includes(m))) &&
        (slot.day === undefined ||
          d.month !== slot.month ||
          (d.day === undefined ? d.part === undefined || PART_DAYS[d.part](slot.day) : d.day === slot.day))
      );
    };
    if (comparable.length === 0) return undefined;
    const right = comparable.find(agrees);
    if (right) return agreement(right);
    const expected = describeDate(slot);
    const wrong = nearestToCues(comparable, sentence, fact);
    return { start: wrong.start, end: wrong.end, expected };
  },
  describe(slot) {
    const month = slot.month ? MONTH_NAMES[slot.month - 1] : undefined;
    const words = [slot.part, slot.day, month, slot.year].filter((x) => x !== undefined).join(' ');
    return `${slot.day ? 'on' : 'in'} ${words}`;
  },
  schema: {
    properties: {
      year: { type: 'integer', minimum: 1000, maximum: 3000 },
      month: { type: 'integer', minimum: 1, maximum: 12 },
      day: { type: 'integer', minimum: 1, maximum: 31 },
      part: { enum: ['early', 'mid', 'late'], description: 'date: early/mid/late part of the period.' },
    },
    requires: { anyOf: [{ required: ['year'] }, { required: ['month'] }] },
  },
};
