import type { Slot } from '../../knowledge/factTypes';
import type { DateMention } from '../../text/dates';
import { unitDays, WEEKDAYS } from '../../text/dates';
import { PhraseMatcher, phraseKeys } from '../../text/phrases';
import type { SentenceFacts } from './sentenceFacts';
import type { SlotCheck } from './slotResult';
import { agreement, analysis, nearestToCues, written } from './slotResult';

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

function describeDate(slot: Slot): string {
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
export const checkDate: SlotCheck = (slot, sentence, fact) => {
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
};

/** Weekdays (and "the weekend") against a weekday slot. */
export const checkWeekday: SlotCheck = (slot, sentence) => {
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
};

const anchorMatchers = new WeakMap<Slot, PhraseMatcher<true>>();

/** Relative timings ("a day after the Paris attacks") against a relative slot. */
export const checkRelative: SlotCheck = (slot, sentence) => {
  if (slot.amount === undefined || !slot.unit || !slot.direction) return undefined;
  const candidates = analysis(sentence).times.relatives;
  if (candidates.length === 0) return undefined;
  let anchors = anchorMatchers.get(slot);
  if (!anchors) {
    anchors = new PhraseMatcher<true>();
    for (const a of slot.anchor ?? []) {
      anchors.add(a, true);
      // "a week after the attacks": the anchor's head noun alone, after "the"
      const head = phraseKeys(a).pop();
      if (head) anchors.addKeys(['the', head], true);
    }
    anchorMatchers.set(slot, anchors);
  }
  const found = anchors.findAll(sentence.text, sentence.sentence.tokens);
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
};
