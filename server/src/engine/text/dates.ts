import type { Token } from './tokens';
import { partitionPoint } from '../partitionPoint';
import { isCapitalized } from './tokens';
import dates from '../../../../seeds/language/dates.json';
import numbers from '../../../../seeds/language/numbers.json';
import { valueMap, wordSet } from './wordLists';

/** A calendar date or part of one (a year, a month, a day of a month), as written in a sentence. */
export interface DateMention {
  start: number;
  end: number;
  year?: number;
  month?: number;
  day?: number;
  part?: 'early' | 'mid' | 'late';
  /** "As of November 2017", "by November 2015": the time the sentence speaks from, not when its event happened. */
  reference?: true;
  /** A season ("the summer of 2016", "next spring"): the months it spans, in the northern hemisphere. */
  season?: 'spring' | 'summer' | 'autumn' | 'winter';
  /** The months a stretch of a year spans ("the first half of 2016": 1 to 6). */
  months?: readonly number[];
}

/**
 * A year told relative to another ("last year", "the previous year", "two years earlier"), resolved
 * against a year the same sentence states. `offset` is in years.
 */
export interface RelativeYearMention {
  start: number;
  end: number;
  offset: number;
  part?: 'early' | 'mid' | 'late';
}

/** A day of the week, as written. */
export interface WeekdayMention {
  start: number;
  end: number;
  /** A weekday's name in lower case, or "weekend" for Saturday or Sunday ("over the weekend"). */
  weekday: string;
}

/** Relative timing: "a day after", "two weeks before". `anchorFrom` is the offset where the anchor starts. */
export interface RelativeMention {
  start: number;
  end: number;
  amount: number;
  unit: 'hour' | 'day' | 'week' | 'month' | 'year';
  direction: 'after' | 'before';
  anchorFrom: number;
}

const MONTHS = valueMap<number>(dates.lists.months);
/** Month names that are also common words: only read as months next to a day or year or after a preposition. */
const AMBIGUOUS_MONTHS = wordSet(dates.lists.ambiguousMonths);
const MONTH_PREPOSITIONS = wordSet(dates.lists.monthPrepositions);
export const WEEKDAYS: readonly string[] = dates.lists.weekdays.words;
const WEEKDAY_SET = new Set(WEEKDAYS);
const WEEKEND_OPENERS = wordSet(dates.lists.weekendOpeners);
const STRETCH_NOUNS = wordSet(dates.lists.stretchNouns);
/** Words after a four-digit number that make it a count, not a year ("2000 troops"). */
const NOT_YEAR_UNITS = wordSet(dates.lists.notYearUnits);
const PARTS = valueMap(dates.lists.parts) as Map<string, 'early' | 'mid' | 'late'>;
/** "the start of", "the end of": a phrase before a month or year that names part of it. */
const PART_NOUNS = valueMap(dates.lists.partNouns) as Map<string, 'early' | 'mid' | 'late'>;

/** The part of a month or year named before word `i` ("late 2016", "the start of 2017"), with where it starts. */
function partBefore(
  words: readonly Token[],
  i: number,
): { part?: 'early' | 'mid' | 'late'; months?: readonly number[]; start: number } | undefined {
  const before = words[i - 1];
  const part = PARTS.get(before?.norm ?? '');
  if (part) return { part, start: before.start };
  if (before?.norm !== 'of') return undefined;
  const noun = words[i - 2];
  const opening = (at: number): number => (words[at - 1]?.norm === 'the' ? words[at - 1] : words[at]).start;
  const phrased = PART_NOUNS.get(noun?.norm ?? '');
  if (phrased) return { part: phrased, start: opening(i - 2) };
  // "the opening months of 2016", "the final weeks of", "the first half of", "the third quarter of"
  const which = words[i - 3]?.norm ?? '';
  const stretch =
    STRETCHES.get(`${which} ${noun?.norm ?? ''}`) ?? (STRETCH_NOUNS.has(noun?.norm ?? '') ? STRETCH_PARTS.get(which) : undefined);
  if (!stretch) return undefined;
  return { ...stretch, start: opening(i - 3) };
}

/** Halves and quarters of a year by the months they span. */
const STRETCHES = new Map(Object.entries(dates.lists.stretches.values).map(([phrase, months]) => [phrase, { months }]));
/** "The opening months of", "the final weeks of": the part of the year they name. */
const STRETCH_PARTS = new Map(
  Object.entries(dates.lists.stretchParts.values).map(([word, part]) => [word, { part: part as 'early' | 'late' }]),
);

/** Named days that are dates ("New Year's Day" is January 1). */
const HOLIDAYS: { words: readonly string[]; month: number; day: number }[] = Object.entries(dates.lists.holidays.values).map(
  ([phrase, [month, day]]) => ({ words: phrase.split(' '), month, day }),
);

/** The holiday whose words start at word `i` ("New Year's Day"), skipping the possessive "'s". */
function holidayAt(words: readonly Token[], i: number): { month: number; day: number; last: number } | undefined {
  for (const holiday of HOLIDAYS) {
    let j = i;
    let matched = true;
    for (const word of holiday.words) {
      while (j < words.length && words[j].norm === "'s") j++;
      if (words[j]?.norm !== word && words[j]?.norm !== `${word}'s`) {
        matched = false;
        break;
      }
      j++;
    }
    if (matched && isCapitalized(words[i].text)) return { month: holiday.month, day: holiday.day, last: j - 1 };
  }
  return undefined;
}

const SEASONS = valueMap(dates.lists.seasons) as Map<string, NonNullable<DateMention['season']>>;
/** Words before a season that make it a time ("fall" is also a verb, "a summer offensive" a kind of thing). */
const SEASON_OPENERS = wordSet(dates.lists.seasonOpeners);
const SEASON_MODIFIERS = wordSet(dates.lists.seasonModifiers);

const SMALL_NUMBERS = valueMap<number>(dates.lists.smallNumbers);
const UNIT_WORDS = valueMap(dates.lists.timeUnits) as Map<string, RelativeMention['unit']>;

const RELATIVE_DAYS = wordSet(dates.lists.relativeDays);

/** True for a weekday, month or relative day name ("Monday", "March", "yesterday"): a when, never a who. */
export function isTimeWord(norm: string): boolean {
  return (
    WEEKDAY_SET.has(norm) ||
    (MONTHS.has(norm) && !AMBIGUOUS_MONTHS.has(norm)) ||
    norm === 'march' ||
    norm === 'may' ||
    RELATIVE_DAYS.has(norm)
  );
}

function yearOf(token: Token | undefined): number | undefined {
  if (!token || token.kind !== 'number' || token.text.length !== 4 || !/^\d{4}$/.test(token.text)) return undefined;
  const y = Number(token.text);
  return y >= 1000 && y < 2200 ? y : undefined;
}

const ORDINAL_SUFFIX = wordSet(numbers.lists.ordinalSuffixes);

function dayOf(token: Token | undefined, next?: Token): number | undefined {
  if (!token || token.kind !== 'number' || token.text.length > 2) return undefined;
  const d = Number(token.text);
  if (!Number.isInteger(d) || (next && next.start === token.end && !ORDINAL_SUFFIX.has(next.norm))) return undefined;
  return d >= 1 && d <= 31 ? d : undefined;
}

/** Finds dates, weekdays and relative timings in a sentence's tokens (offsets into the text). */
type Times = { dates: DateMention[]; weekdays: WeekdayMention[]; relatives: RelativeMention[]; relativeYears: RelativeYearMention[] };
const timeCache = new WeakMap<readonly Token[], Times>();

export function findTimes(tokens: readonly Token[]): Times {
  let found = timeCache.get(tokens);
  if (!found) {
    found = readTimes(tokens);
    timeCache.set(tokens, found);
  }
  return found;
}

function readTimes(tokens: readonly Token[]): Times {
  const words = tokens.filter((t) => t.kind !== 'punct');
  const dates: DateMention[] = [];
  const weekdays: WeekdayMention[] = [];
  const relatives: RelativeMention[] = [];
  const relativeYears: RelativeYearMention[] = [];
  const used = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const month = MONTHS.get(w.norm);
    const holiday = holidayAt(words, i);
    if (holiday) {
      dates.push({ start: w.start, end: words[holiday.last].end, month: holiday.month, day: holiday.day });
      i = holiday.last;
      continue;
    }
    // "over the weekend", "last weekend": Saturday or Sunday
    if (w.norm === 'weekend' && WEEKEND_OPENERS.has(words[i - 1]?.norm ?? '')) {
      weekdays.push({ start: words[i - 1].start, end: w.end, weekday: 'weekend' });
      continue;
    }
    if (month === undefined && w.kind === 'word' && !WEEKDAY_SET.has(w.norm) && !UNIT_WORDS.has(w.norm) && !SEASONS.has(w.norm)) continue;
    if (month !== undefined && isCapitalized(w.text)) {
      const before = words[i - 1];
      const dayAfter = dayOf(words[i + 1], words[i + 2]);
      const dayBefore = dayOf(before, w);
      const ambiguous = AMBIGUOUS_MONTHS.has(w.norm) || (i === 0 && w.norm === 'march');
      let start = w.start;
      let end = w.end;
      let day: number | undefined;
      let j = i + 1;
      if (dayAfter !== undefined) {
        day = dayAfter;
        j = words[i + 2] && ORDINAL_SUFFIX.has(words[i + 2].norm) ? i + 3 : i + 2;
        end = words[j - 1].end;
      } else if (dayBefore !== undefined && !used.has(i - 1)) {
        day = dayBefore;
        start = before.start;
      }
      const year = yearOf(words[j]);
      if (year !== undefined) end = words[j].end;
      if (ambiguous && day === undefined && year === undefined && !MONTH_PREPOSITIONS.has(before?.norm ?? '')) continue;
      const part = day === undefined ? partBefore(words, i) : undefined;
      if (part?.part) start = part.start;
      dates.push({
        start,
        end,
        month,
        ...(day !== undefined ? { day } : {}),
        ...(year !== undefined ? { year } : {}),
        ...(part?.part ? { part: part.part } : {}),
      });
      if (year !== undefined) used.add(j);
      continue;
    }
    const season = SEASONS.get(w.norm);
    if (season !== undefined) {
      // "the summer of 2016", "summer 2016", "next summer", "in the spring"
      const of = words[i + 1]?.norm === 'of' ? 1 : 0;
      const seasonYear = yearOf(words[i + 1 + of]);
      if (seasonYear === undefined && !SEASON_OPENERS.has(words[i - 1]?.norm ?? '')) continue;
      if (seasonYear !== undefined) used.add(i + 1 + of);
      let first = i;
      while (first > 0 && SEASON_MODIFIERS.has(words[first - 1].norm)) first--;
      const end = seasonYear !== undefined ? words[i + 1 + of].end : w.end;
      dates.push({ start: words[first].start, end, season, ...(seasonYear !== undefined ? { year: seasonYear } : {}) });
      continue;
    }
    const year = yearOf(w);
    if (year !== undefined && !used.has(i)) {
      const part = partBefore(words, i);
      const following = words[i + 1];
      if (following && NOT_YEAR_UNITS.has(following.norm)) continue;
      dates.push({
        start: part ? part.start : w.start,
        end: w.end,
        year,
        ...(part?.part ? { part: part.part } : {}),
        ...(part?.months ? { months: part.months } : {}),
      });
      continue;
    }
    // "Wednesday's talks" is a day; "Mondays" is a habit
    if (WEEKDAY_SET.has(w.norm) && isCapitalized(w.text) && (!w.text.toLowerCase().endsWith('s') || w.possessive)) {
      // (without the possessive, so that a fix keeps it: "Tuesday's talks")
      weekdays.push({ start: w.start, end: w.possessive ? w.start + w.norm.length : w.end, weekday: w.norm });
      continue;
    }
    const unit = UNIT_WORDS.get(w.norm);
    const direction = words[i + 1]?.norm;
    if (unit && (direction === 'after' || direction === 'before' || direction === 'later' || direction === 'earlier')) {
      const prev = words[i - 1];
      let amount: number | undefined;
      let start = w.start;
      if (prev?.norm === 'the' || prev?.norm === 'a' || prev?.norm === 'an') {
        amount = 1;
        start = prev.start;
      } else if (prev && SMALL_NUMBERS.has(prev.norm)) {
        amount = SMALL_NUMBERS.get(prev.norm);
        start = (words[i - 2]?.norm === 'a' && prev.norm === 'few' ? words[i - 2] : prev).start;
      } else if (prev?.kind === 'number' && /^\d+$/.test(prev.text)) {
        amount = Number(prev.text);
        start = prev.start;
      }
      if (amount === undefined) continue;
      relatives.push({
        start,
        end: words[i + 1].end,
        amount,
        unit,
        direction: direction === 'after' || direction === 'later' ? 'after' : 'before',
        anchorFrom: words[i + 1].end,
      });
    }
  }
  for (const date of dates) if (isReference(words, date)) date.reference = true;
  for (let i = 0; i < words.length; i++) {
    const found = relativeYearAt(words, i);
    if (found) relativeYears.push(found);
  }
  return { dates, weekdays, relatives, relativeYears };
}

/** "As of November 2017", "by November 2015": a date the sentence speaks from. */
function isReference(words: readonly Token[], date: DateMention): boolean {
  const i = partitionPoint(words, (w) => w.start < date.start);
  if (i < 1 || words[i]?.start !== date.start) return false;
  return (words[i - 1].norm === 'of' && words[i - 2]?.norm === 'as') || (words[i - 1].norm === 'by' && words[i - 2]?.norm !== 'announced');
}

const YEAR_OFFSETS = valueMap<number>(dates.lists.yearOffsets);
const YEAR_DIRECTIONS = valueMap<number>(dates.lists.yearDirections);

/**
 * Reads a relative year at word `i`, the word "year" or "years": "(early) last year", "the previous
 * year", "two years earlier", "a year before" (with nothing after it: "a year before the vote" is told
 * against an event, not a year).
 */
function relativeYearAt(words: readonly Token[], i: number): RelativeYearMention | undefined {
  const w = words[i];
  if (w.norm !== 'year' && w.norm !== 'years') return undefined;
  const before = words[i - 1];
  const offset = YEAR_OFFSETS.get(before?.norm ?? '');
  if (offset !== undefined && w.norm === 'year') {
    let first = i - 1;
    if (words[first - 1]?.norm === 'the') first--;
    const part = PARTS.get(words[first - 1]?.norm ?? '');
    if (part) first--;
    return { start: words[first].start, end: w.end, offset, ...(part ? { part } : {}) };
  }
  const direction = YEAR_DIRECTIONS.get(words[i + 1]?.norm ?? '');
  // "the year before" is one year, like "a year before"
  const amount =
    before?.kind === 'number' && /^\d{1,2}$/.test(before.text)
      ? Number(before.text)
      : before?.norm === 'the' && w.norm === 'year'
        ? 1
        : SMALL_NUMBERS.get(before?.norm ?? '');
  if (direction === undefined || amount === undefined || before?.norm === 'few' || before?.norm === 'several') return undefined;
  // "two years after the war began": an event anchors it, not a year
  const next = words[i + 2];
  // (a word right after it, with no punctuation between)
  if ((words[i + 1].norm === 'before' || words[i + 1].norm === 'after') && next && next.start - words[i + 1].end <= 1) return undefined;
  return { start: before.start, end: words[i + 1].end, offset: direction * amount };
}

/** Days in a relative unit, for comparing "a week" with "seven days". */
export function unitDays(unit: RelativeMention['unit']): number {
  return { hour: 1 / 24, day: 1, week: 7, month: 30, year: 365 }[unit];
}
