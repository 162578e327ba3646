import type { Mention } from '../../knowledge/entityMatcher';
import { cueKey } from '../../knowledge/factBase';
import type { Entity, Fact, Slot } from '../../knowledge/factTypes';
import type { Knowledge } from '../../knowledge/knowledge';
import { pluralOf, wordForms } from '../../knowledge/inflections';
import type { DateMention } from '../../text/dates';
import { findTimes, unitDays, WEEKDAYS } from '../../text/dates';
import type { NumberMention } from '../../text/numbers';
import { claimedInterval, describeQuantity, findNumbers, quantityInterval } from '../../text/numbers';
import { PhraseMatcher, phraseKeys } from '../../text/phrases';
import type { Token } from '../../text/tokens';
import { isCapitalized, tokenize } from '../../text/tokens';
import type { SentenceFacts } from './sentenceFacts';
import { negatedBefore, nextWord, previousWord, previousWordSkippingArticles, wordBeforePlace, wordBeforeSkippingArticles } from './sentenceQueries';

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

const agreement = (span: { start: number; end: number }): Agreement => ({ agrees: true, start: span.start, end: span.end });

/** True for an agreement result. */
export function isAgreement(result: SlotResult): result is Agreement {
  return result !== undefined && 'agrees' in result;
}

type SlotCheck = (slot: Slot, sentence: SentenceFacts, fact: Fact, knowledge: Knowledge) => SlotResult;

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SMALL = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const ORDINAL_WORDS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** Conversion of distance and duration units to a common base (metres, days). */
type UnitScale = { dimension: 'distance' | 'duration'; factor: number };
const UNIT_SCALE = new Map<string, UnitScale>([
  ['mile', { dimension: 'distance', factor: 1609.344 }], ['km', { dimension: 'distance', factor: 1000 }],
  ['kilometre', { dimension: 'distance', factor: 1000 }],
  ['kilometer', { dimension: 'distance', factor: 1000 }], ['metre', { dimension: 'distance', factor: 1 }],
  ['meter', { dimension: 'distance', factor: 1 }], ['year', { dimension: 'duration', factor: 365 }],
  ['month', { dimension: 'duration', factor: 30 }], ['week', { dimension: 'duration', factor: 7 }],
  ['day', { dimension: 'duration', factor: 1 }],
]);

function singular(word: string): string {
  if (UNIT_SCALE.has(word)) return word;
  if (word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.endsWith('s') && UNIT_SCALE.has(word.slice(0, -1))) return word.slice(0, -1);
  return word;
}

const sentenceCache = new WeakMap<SentenceFacts, { numbers: NumberMention[]; times: ReturnType<typeof findTimes> }>();
function analysis(sentence: SentenceFacts): { numbers: NumberMention[]; times: ReturnType<typeof findTimes> } {
  let cached = sentenceCache.get(sentence);
  if (!cached) {
    cached = { numbers: findNumbers(sentence.sentence.tokens), times: findTimes(sentence.sentence.tokens) };
    sentenceCache.set(sentence, cached);
  }
  return cached;
}

const unitSets = new WeakMap<Slot, Set<string>>();

/** Every form of a slot's unit words ("fighter", "fighters"), built once per slot. */
function unitSet(slot: Slot): Set<string> {
  let words = unitSets.get(slot);
  if (words) return words;
  words = new Set<string>();
  for (const phrase of [slot.unit ?? '', ...(slot.unitWords ?? [])]) {
    const keys = phraseKeys(phrase);
    if (keys.length === 0) continue;
    for (const form of wordForms(keys[keys.length - 1], 'noun')) words.add(form);
  }
  unitSets.set(slot, words);
  return words;
}

const unitScales = new WeakMap<Slot, { scale: UnitScale | undefined }>();

/** The distance or duration scale of a slot's unit, if it has one. */
function slotUnitScale(slot: Slot): UnitScale | undefined {
  let found = unitScales.get(slot);
  if (!found) {
    found = { scale: UNIT_SCALE.get(singular(phraseKeys(slot.unit ?? '').pop() ?? '')) };
    unitScales.set(slot, found);
  }
  return found.scale;
}

/** The unit word (normalised) that follows a number within a few words, or undefined. */
function unitAfter(tokens: readonly Token[], mention: NumberMention, accepts: (word: string) => boolean, window = 4): string | undefined {
  let i = mention.last;
  for (let seen = 0; seen < window; seen++) {
    const j = nextWord(tokens, i);
    if (j < 0) return undefined;
    for (let k = i + 1; k < j; k++) if (!/^[-\u2010\u2011]$/.test(tokens[k].text)) return undefined;
    if (accepts(tokens[j].norm)) return tokens[j].norm;
    if (/^(and|or|but|of|in|to|from|with|by)$/.test(tokens[j].norm) && seen > 0) return undefined;
    i = j;
  }
  return undefined;
}

const measureMatchers = new WeakMap<Slot, PhraseMatcher<true>>();

/** Verbs that give a length ("runs for 47 miles"). */
const LENGTH_VERBS = new Set(['runs', 'run', 'ran', 'stretches', 'stretch', 'stretched', 'extends', 'extend', 'extended', 'spans', 'span', 'spanned', 'measures', 'measured']);

/** For a slot naming what it measures: a test that one of those words follows the number's unit closely. */
function measuredBy(slot: Slot, text: string): ((tokens: readonly Token[], n: NumberMention) => boolean) | undefined {
  if (!slot.measures?.length) return undefined;
  let matcher = measureMatchers.get(slot);
  if (!matcher) {
    matcher = new PhraseMatcher<true>();
    for (const m of slot.measures) matcher.add(m, true);
    measureMatchers.set(slot, matcher);
  }
  const words = matcher;
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

function written(value: number): string {
  return Number.isInteger(value) && value >= 0 && value < 10 ? SMALL[value] : value.toLocaleString('en-US');
}

/**
 * "the two countries", "both sides": a small number after a definite article points back at parties the
 * story already named; it does not count anything the source counts.
 */
function refersBack(tokens: readonly Token[], n: NumberMention): boolean {
  if (n.value > 4 || n.qualifier !== 'exact' || tokens[n.first].kind === 'number') return false;
  const before = previousWord(tokens, n.first);
  return before >= 0 && /^(the|these|those|its|their)$/.test(tokens[before].norm);
}

const checkQuantity: SlotCheck = (slot, sentence) => {
  if (typeof slot.value !== 'number') return undefined;
  const units = unitSet(slot);
  const factUnit = slotUnitScale(slot);
  const tokens = sentence.sentence.tokens;
  const accepts = (word: string): boolean => units.has(word) || (factUnit !== undefined && UNIT_SCALE.get(singular(word))?.dimension === factUnit.dimension);
  const factInterval = quantityInterval(slot.value, slot.qualifier ?? 'exact');
  // two upper bounds compare as bounds: "up to 40,000" is not the source's "up to 140,000"
  const boundInterval = claimedInterval(slot.value, slot.qualifier ?? 'exact');
  const measured = measuredBy(slot, sentence.text);
  const readings = analysis(sentence)
    .numbers.filter((n) => !n.year && !n.ordinal && !refersBack(tokens, n))
    .flatMap((n) => {
      const unit = unitAfter(tokens, n, accepts);
      if (!unit || (measured && !measured(tokens, n))) return [];
      const unitScale = factUnit && UNIT_SCALE.get(singular(unit));
      const scale = factUnit && unitScale ? unitScale.factor / factUnit.factor : 1;
      const [a, b] = claimedInterval(n.value * scale, n.qualifier, n.range && [n.range[0] * scale, n.range[1] * scale]);
      const [low, high] = n.qualifier === 'up-to' && slot.qualifier === 'up-to' ? boundInterval : factInterval;
      // rounding: a draft may round to the precision it writes
      const slack = factUnit && scale !== 1 ? 0.1 : 0;
      return [{ mention: n, agrees: a <= high * (1 + slack) && b >= low * (1 - slack) }];
    });
  if (readings.length === 0) return undefined;
  const right = readings.find((r) => r.agrees);
  if (right) return agreement(right.mention);
  const wrong = readings[0].mention;
  const value = slot.qualifier === 'exact' || !slot.qualifier ? written(slot.value) : describeQuantity(slot.value, slot.qualifier);
  // "47 miles", "four years": a one-word unit agrees with its number (units written plural stay so)
  const unit = slot.unit && slot.value !== 1 && !slot.unit.includes(' ') && !slot.unit.endsWith('s') ? pluralOf(slot.unit) : (slot.unit ?? '');
  return { start: wrong.start, end: wrong.end, expected: `${value} ${unit}`.trim(), replacement: value };
};

const checkOrdinal: SlotCheck = (slot, sentence) => {
  if (typeof slot.value !== 'number') return undefined;
  const units = unitSet(slot);
  const tokens = sentence.sentence.tokens;
  const readings = analysis(sentence).numbers.filter((n) => n.ordinal && unitAfter(tokens, n, (w) => units.has(w), 5));
  if (readings.length === 0) return undefined;
  const right = readings.find((n) => n.value === slot.value);
  if (right) return agreement(right);
  const word = ORDINAL_WORDS[slot.value] ?? `${slot.value}th`;
  const original = sentence.text.slice(readings[0].start, readings[0].end);
  return { start: readings[0].start, end: readings[0].end, expected: word, replacement: isCapitalized(original) ? word[0].toUpperCase() + word.slice(1) : word };
};

/** The days of a month that "early", "mid-" and "late" name (a "mid-January deadline" is not January 1). */
const PART_DAYS: Record<'early' | 'mid' | 'late', (day: number) => boolean> = {
  early: (day) => day <= 10,
  mid: (day) => day >= 10 && day <= 20,
  late: (day) => day >= 20,
};

function describeDate(slot: Slot): string {
  const parts = [slot.part ?? '', slot.month ? MONTH_NAMES[slot.month - 1] : '', slot.day ? String(slot.day) : '', slot.year ? String(slot.year) : ''];
  return parts.filter(Boolean).join(' ').replace(/ (\d{1,2}) (\d{4})$/, ' $1, $2');
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
    return nearest?.year !== undefined ? [{ start: r.start, end: r.end, year: nearest.year + r.offset, ...(r.part ? { part: r.part } : {}) }] : [];
  });
  return resolved.length > 0 ? resolved : dates.filter((d) => !d.reference);
}

/** The months a part of a year or a season spans. */
const PART_MONTHS: Record<'early' | 'mid' | 'late', readonly number[]> = { early: [1, 2, 3, 4], mid: [5, 6, 7, 8], late: [9, 10, 11, 12] };
const SEASON_MONTHS: Record<NonNullable<DateMention['season']>, readonly number[]> = {
  spring: [3, 4, 5], summer: [6, 7, 8], autumn: [9, 10, 11], winter: [12, 1, 2],
};

/** The months a date may fall in: its month, season or part of the year; undefined when it names none. */
function monthsOf(date: { month?: number; part?: 'early' | 'mid' | 'late'; season?: DateMention['season']; months?: readonly number[] }): readonly number[] | undefined {
  if (date.month !== undefined) return [date.month];
  if (date.months) return date.months;
  if (date.season) return SEASON_MONTHS[date.season];
  return date.part ? PART_MONTHS[date.part] : undefined;
}

/**
 * Of the values that conflict, the one nearest to the fact's own cue words: "In late 2015 the priority was
 * stopping Islamic State, who had overrun large parts of Syria in 2012" dates the overrunning by 2012.
 */
function nearestToCues<T extends { start: number }>(values: readonly T[], sentence: SentenceFacts, fact: Fact): T {
  const cues = sentence.cues.filter((c) => fact.cueKeys.includes(c.value));
  if (values.length < 2 || cues.length === 0) return values[0];
  const distance = (v: T): number => Math.min(...cues.map((c) => Math.abs(c.start - v.start)));
  return values.reduce((best, v) => (distance(v) < distance(best) ? v : best));
}

const checkDate: SlotCheck = (slot, sentence, fact) => {
  const dates = eventDates(sentence);
  const slotMonths = monthsOf(slot);
  const comparable = dates.filter((d) => (slot.year !== undefined && d.year !== undefined) || (slotMonths !== undefined && monthsOf(d) !== undefined));
  const agrees = (d: (typeof dates)[number]): boolean => {
    const months = monthsOf(d);
    return (
      (slot.year === undefined || d.year === undefined || d.year === slot.year) &&
      (slotMonths === undefined || months === undefined || months.some((m) => slotMonths.includes(m))) &&
      (slot.day === undefined || d.month !== slot.month || (d.day === undefined ? d.part === undefined || PART_DAYS[d.part](slot.day) : d.day === slot.day))
    );
  };
  if (comparable.length === 0) return undefined;
  const right = comparable.find(agrees);
  if (right) return agreement(right);
  const expected = describeDate(slot);
  const wrong = nearestToCues(comparable, sentence, fact);
  return { start: wrong.start, end: wrong.end, expected };
};

const checkWeekday: SlotCheck = (slot, sentence) => {
  if (typeof slot.value !== 'string') return undefined;
  const days = analysis(sentence).times.weekdays;
  if (days.length === 0) return undefined;
  const right = days.find((d) => d.weekday === slot.value || (d.weekday === 'weekend' && (slot.value === 'saturday' || slot.value === 'sunday')));
  if (right) return agreement(right);
  const name = slot.value[0].toUpperCase() + slot.value.slice(1);
  if (!WEEKDAYS.includes(slot.value)) return undefined;
  // "over the weekend" needs rewording ("on Monday"), not a swapped word
  return { start: days[0].start, end: days[0].end, expected: name, ...(days[0].weekday !== 'weekend' ? { replacement: name } : {}) };
};

const anchorMatchers = new WeakMap<Slot, PhraseMatcher<true>>();

const checkRelative: SlotCheck = (slot, sentence) => {
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
  const agrees = (r: (typeof relatives)[number]): boolean => r.direction === slot.direction && Math.abs(r.amount * unitDays(r.unit) - factDays) < 0.01;
  if (relatives.length === 0) return undefined;
  const right = relatives.find(agrees);
  if (right) return agreement(right);
  const amount = slot.amount === 1 ? 'a' : written(slot.amount);
  const expected = `${amount} ${slot.unit}${slot.amount === 1 ? '' : 's'} ${slot.direction}`;
  return { start: relatives[0].start, end: relatives[0].end, expected, replacement: expected };
};

/** Places that contain `entity` (its `within` chain and country), itself included. */
export function containers(entity: Entity, entities: ReadonlyMap<string, Entity>): Set<string> {
  const out = new Set<string>([entity.id]);
  const queue: string[] = [];
  const enqueueContainersOf = (e: Entity): void => {
    for (const id of e.within ?? []) queue.push(id);
    if (e.country) queue.push(e.country);
  };
  enqueueContainersOf(entity);
  // a cursor, not shift(): each id is read once however long the chain
  for (let next = 0; next < queue.length; next++) {
    const id = queue[next];
    if (out.has(id)) continue;
    out.add(id);
    const e = entities.get(id);
    if (e) enqueueContainersOf(e);
  }
  return out;
}

/** Kinds of place that can stand in for one another in a conflict (a city for a city, a base for a base). */
export const PLACE_CLASSES = new Map<string, string>([
  ['city', 'settlement'], ['resort-city', 'settlement'], ['capital', 'settlement'], ['town', 'settlement'],
  ['village', 'settlement'], ['air-base', 'base'], ['naval-base', 'base'], ['base', 'base'],
  ['military-base', 'base'], ['sea', 'sea'], ['border', 'border'],
]);
const PREPOSITIONS: Record<NonNullable<Slot['relation']>, RegExp> = {
  venue: /^(in|at|inside|near|hosted)$/,
  location: /^(in|at|inside|near|from)$/,
  // "a stop at Tartus", "the visit to Hmeimim": where a trip ends is also where its visit took place
  destination: /^(to|into|at|visited|visiting|visit|visits|for|toured)$/,
  origin: /^(from)$/,
};

/** Words before a place that put someone or something there, whatever the slot's relation. */
const PLACING = /^(in|at|inside|near|to|into|visited|visiting|toured)$/;

/**
 * Nouns (and a few participles) whose "in X" names their own place, not where the event happened
 * ("involvement in Syria", "a secretariat based in Doha").
 */
const PLACE_GOVERNING_NOUN = /(ment|tion|sion|ence|ance|ity|ism|ship)$|^(based|headquartered|born|registered|war|conflict|presence|forces|troops|role|crisis|fighting|operations|interests|policy|strategy|influence|allies|fighters|militias|base|bases|campaign|intervention|violence|strife|situation|future|peace|people|government|regime)$/;

function governedByNoun(tokens: readonly Token[], first: number): boolean {
  let i = previousWord(tokens, first);
  while (i >= 0 && /^(the|a|an)$/.test(tokens[i].norm)) i = previousWord(tokens, i);
  if (i < 0 || !/^(in|at|inside|near|from|into|to)$/.test(tokens[i].norm)) return false;
  const head = previousWord(tokens, i);
  return head >= 0 && PLACE_GOVERNING_NOUN.test(tokens[head].norm);
}

/** How many tokens a place may stand from the fact's cue word to count as where the event happened. */
const PLACE_WINDOW = 6;
/** How far (in words) a participant may stand from the fact's cue to place the event by standing near it. */
const PARTICIPANT_REACH = 15;

const checkPlace: SlotCheck = (slot, sentence, fact, knowledge) => {
  const entities = knowledge.facts.entities;
  const place = typeof slot.value === 'string' ? entities.get(slot.value) : undefined;
  if (!place) return undefined;
  const preposition = PREPOSITIONS[slot.relation ?? 'venue'];
  const tokens = sentence.sentence.tokens;
  const placeContainers = containers(place, entities);
  const cueStarts = new Set(sentence.cues.map((c) => c.first));
  const ownCues = new Set((fact.cues ?? []).map(cueKey));
  const ownCueEnds = new Set(sentence.cues.filter((c) => ownCues.has(c.value)).map((c) => c.last));
  const located = sentence.mentions.filter(
    (m) =>
      (m.entity.type === 'place' || m.entity.type === 'country') &&
      // a place by its name or a description that names one place ("the Russian capital")
      m.kind !== 'adjective' &&
      // "at Russia's Tartus base": a possessive owns the place that follows; it is not the place itself
      !tokens[m.last].possessive &&
      (slot.relation !== undefined && slot.relation !== 'venue' ? true : !governedByNoun(tokens, m.first)) &&
      // "in Moscow", "to Moscow", attributive ("the Moscow talks"), or the object of the fact's own cue
      // verb ("retaken the Iraqi-Jordanian border")
      (preposition.test(wordBeforePlace(tokens, m.first)) ||
        (m.entity.type === 'place' && !tokens[m.last].possessive && cueStarts.has(nextWord(tokens, m.last))) ||
        // (not a capital that stands for its country: "thanked Moscow" thanks Russia)
        (m.entity.type === 'place' && !m.entity.standsFor?.length && ownCueEnds.has(previousWordSkippingArticles(tokens, m.first)))),
  );
  const relation = (m: (typeof located)[number]): 'agree' | 'conflict' | 'unknown' => {
    if (placeContainers.has(m.entity.id) || containers(m.entity, entities).has(place.id)) return 'agree';
    if (m.entity.type === 'country') return 'conflict';
    const a = PLACE_CLASSES.get(m.entity.kind ?? '');
    return a !== undefined && a === PLACE_CLASSES.get(place.kind ?? '') ? 'conflict' : 'unknown';
  };
  const relations = located.map((m) => ({ m, r: relation(m) }));
  // the place itself or a place inside it agrees; a place that merely contains it ("in Syria") agrees only
  // when no place of the same kind is named against it ("a stop in Syria at the Tartus base")
  // a place of the slot's own kind named against it outweighs a place of another kind inside it ("in
  // Sochi, Russia's Caspian Sea resort": the sea is the claim, Sochi lies on the Black Sea)
  const sameKind = (m: Mention): boolean => PLACE_CLASSES.get(m.entity.kind ?? '') === PLACE_CLASSES.get(place.kind ?? '');
  const kindConflict = relations.some((x) => x.r === 'conflict' && x.m.entity.type === 'place' && sameKind(x.m));
  const exact = relations.find((x) => x.r === 'agree' && containers(x.m.entity, entities).has(place.id) && (sameKind(x.m) || !kindConflict))?.m;
  const container = relations.find((x) => x.r === 'agree')?.m;
  // a place named anywhere agrees, unless it stands for a country there ("Moscow and Tehran showcased …")
  // (a trip's destination places its event too: "went to Tehran for the summit")
  const placed = (m: Mention): boolean => located.includes(m) || PLACING.test(wordBeforePlace(tokens, m.first));
  const named = sentence.mentions.find((m) => m.entity.id === place.id && (!m.entity.standsFor?.length || placed(m)));
  const right = exact ?? named;
  if (right) return agreement(right);
  if (container && !relations.some((x) => x.r === 'conflict' && x.m.entity.type === 'place')) return { ...agreement(container), loose: true };
  // where the event happened is said next to its cue word, or to the people it is about where they take
  // part in it (near the cue: "While Putin was in Tehran, attention turned to the plan … to start talking"
  // puts Putin in Tehran, not the talks)
  const about = new Set((fact.about ?? []).flat());
  const words = (from: number, to: number): number => tokens.slice(Math.min(from, to), Math.max(from, to)).filter((t) => t.kind !== 'punct').length;
  const cueSpans = sentence.cues.filter((c) => fact.cueKeys.includes(c.value)).map((c) => [c.first, c.last]);
  const anchors = [
    ...cueSpans,
    ...sentence.mentions.filter((m) => about.has(m.entity.id) && cueSpans.some(([first, last]) => words(last, m.first) <= PARTICIPANT_REACH && words(m.last, first) <= PARTICIPANT_REACH)).map((m) => [m.first, m.last]),
  ];
  const found = relations.find((x) => x.r === 'conflict' && anchors.some(([first, last]) => words(last, x.m.first) <= PLACE_WINDOW || words(x.m.last, first) <= PLACE_WINDOW));
  if (!found) return undefined;
  // a place described, then named in apposition ("the Qatari capital, Doha") is reported by its name
  const named2 = found.m.kind === 'alias' ? undefined : sentence.mentions.find((m) => m.kind === 'alias' && m.entity === found.m.entity && m.first > found.m.last && words(found.m.last, m.first) <= 2);
  const wrong = named2 ? { m: named2 } : found;
  // a name replaces a name; "the Russian capital" needs rewording, not a swapped word
  return { start: wrong.m.start, end: wrong.m.end, expected: place.name, ...(wrong.m.kind === 'alias' ? { replacement: place.name } : {}) };
};

/** The person in a role next to one of the fact's cues: the subject before it, or who follows "with" or the cue. */
function personInRole(sentence: SentenceFacts, fact: Fact, role: Slot['role']): Mention | undefined {
  const tokens = sentence.sentence.tokens;
  // roles are read next to the fact's own cue words only, not the wider cue groups
  const own = new Set((fact.cues ?? []).map(cueKey));
  const people = sentence.mentions.filter((m) => m.entity.type === 'person' && m.kind === 'alias');
  for (const cue of sentence.cues.filter((c) => own.has(c.value))) {
    if (role === 'counterpart') {
      let i = nextWord(tokens, cue.last);
      if (i >= 0 && tokens[i].norm === 'with') i = nextWord(tokens, i);
      for (let steps = 0; i >= 0 && steps < 4; steps++, i = nextWord(tokens, i)) {
        const found = people.find((m) => m.first === i);
        if (found) return found;
        if (!isCapitalized(tokens[i].text) && !/^(the|a|an)$/.test(tokens[i].norm)) break;
      }
    } else {
      const subject = [...people].reverse().find((m) => m.end <= cue.start);
      if (subject && nextWord(tokens, subject.last) >= cue.first - 2) return subject;
    }
  }
  return undefined;
}

const checkPerson: SlotCheck = (slot, sentence, fact, knowledge) => {
  const person = typeof slot.value === 'string' ? knowledge.facts.entities.get(slot.value) : undefined;
  if (!person) return undefined;
  const named = sentence.mentions.find((m) => m.entity.id === person.id);
  if (named) return agreement(named);
  const inRole = personInRole(sentence, fact, slot.role);
  return inRole ? { start: inRole.start, end: inRole.end, expected: person.name, replacement: person.name } : undefined;
};

/** Words around an outlet that make it the channel of a claim: "told X", "according to X", "X reported". */
export function outletIsChannel(tokens: readonly Token[], first: number, last: number): boolean {
  const before = wordBeforeSkippingArticles(tokens, first);
  const beforeTwo = (() => {
    const i = previousWord(tokens, first);
    const j = i >= 0 ? previousWord(tokens, i) : -1;
    return j >= 0 ? `${tokens[j].norm} ${tokens[i].norm}` : '';
  })();
  let after = nextWord(tokens, last);
  while (after >= 0 && /^(news|agency|newspaper|daily|television|tv|channel|website|radio|network|broadcaster|outlet|service)$/.test(tokens[after].norm)) after = nextWord(tokens, after);
  const afterWord = after >= 0 ? tokens[after].norm : '';
  return (
    /^(told|to|by|with|from|in|via|on)$/.test(before) ||
    /^(according to|quoted by|cited by|reported by|interview with|speaking to|told the|talking to)$/.test(beforeTwo) ||
    /^(reported|reports|quoted|quotes|cited|cites|said|says|noted|notes|learned|learnt|wrote|reiterated|carried|aired|broadcast|broadcasts|showed|shows|published|revealed|claimed)$/.test(afterWord)
  );
}

const passageEntityCache = new WeakMap<Fact, { knowledge: Knowledge; ids: Set<string> }>();

/** Ids of the entities a fact's source passage names, found once per fact and knowledge. */
function passageEntities(fact: Fact, knowledge: Knowledge): Set<string> {
  const hit = passageEntityCache.get(fact);
  if (hit && hit.knowledge === knowledge) return hit.ids;
  const passage = fact.source.passage;
  const ids = new Set(knowledge.facts.mentions.find(passage, tokenize(passage)).map((m) => m.entity.id));
  passageEntityCache.set(fact, { knowledge, ids });
  return ids;
}

const checkOutlet: SlotCheck = (slot, sentence, fact, knowledge) => {
  const outlet = typeof slot.value === 'string' ? knowledge.facts.entities.get(slot.value) : undefined;
  if (!outlet) return undefined;
  const tokens = sentence.sentence.tokens;
  const outlets = sentence.mentions.filter((m) => m.entity.type === 'outlet' && m.kind === 'alias');
  const right = outlets.find((m) => m.entity.id === outlet.id || (m.entity.standsFor ?? []).includes(outlet.id));
  if (right) return agreement(right);
  // outlets the source passage itself names relayed the report ("Haaretz noted that RIA Novosti cited …")
  const relays = passageEntities(fact, knowledge);
  const channel = outlets.find((m) => !relays.has(m.entity.id) && outletIsChannel(tokens, m.first, m.last));
  return channel ? { start: channel.start, end: channel.end, expected: outlet.name, replacement: outlet.name } : undefined;
};

/** Polarity words of a scale in the sentence, with negation applied. */
function stanceReadings(sentence: SentenceFacts, scale: PhraseMatcher<'positive' | 'negative'>): { start: number; end: number; polarity: 'positive' | 'negative'; negated: boolean }[] {
  const tokens = sentence.sentence.tokens;
  return scale.findAll(sentence.text, tokens).map((m) => {
    const negated = negatedBefore(tokens, m.first);
    const polarity = negated ? (m.value === 'positive' ? 'negative' : 'positive') : m.value;
    let start = m.start;
    if (negated) {
      let i = previousWord(tokens, m.first);
      while (i >= 0 && !/^(not|never|no|neither|nor|cannot|without|lack|lacks|lacked|lacking)$|n't$/.test(tokens[i].norm)) i = previousWord(tokens, i);
      if (i >= 0) start = tokens[i].start;
    }
    return { start, end: m.end, polarity, negated };
  });
}

const topicMatchers = new WeakMap<Slot, PhraseMatcher<true>>();

/** Entities that hold stances (a place only through what it stands for: "Moscow" for Russia). */
const STANCE_HOLDER_TYPES = new Set(['person', 'country', 'organisation', 'place']);

const checkStance: SlotCheck = (slot, sentence, fact, knowledge) => {
  const scale = slot.scale ? knowledge.vocabulary.scales.get(slot.scale) : undefined;
  if (!scale || !slot.polarity) return undefined;
  let topics = topicMatchers.get(slot);
  if (!topics) {
    topics = new PhraseMatcher<true>();
    for (const t of slot.topic ?? []) topics.add(t, true);
    topicMatchers.set(slot, topics);
  }
  const topic = topics.findAll(sentence.text, sentence.sentence.tokens)[0];
  if (!topic) return undefined;
  const readings = stanceReadings(sentence, scale).filter((r) => r.end <= topic.start || r.start >= topic.end);
  if (readings.length === 0) return undefined;
  // the stance word of the fact's holder: nearest to a mention of the first `about` group (Russia, not the
  // United States in "The U.S. has opposed Assad's rule, but Russia continues to stand by him"), else to the topic
  const holders = new Set([(fact.about ?? [])[0] ?? []].flat());
  const holderAt = sentence.mentions.filter((m) => holders.has(m.entity.id) || (m.entity.standsFor ?? []).some((id) => holders.has(id))).map((m) => m.start);
  const distance = (r: { start: number }): number =>
    holderAt.length > 0 ? holderAt.reduce((nearest, h) => Math.min(nearest, Math.abs(r.start - h)), Infinity) : Math.abs(r.start - topic.start);
  const nearest = [...readings].sort((a, b) => distance(a) - distance(b))[0];
  // "…, while Washington remains opposed to his government": a stance word right after another party, a
  // party the fact is not about, is that party's
  const tokens = sentence.sentence.tokens;
  // a leader's country speaks for them ("Putin told Assad that Russia would …")
  const parties = new Set((fact.about ?? []).flat());
  for (const id of [...parties]) {
    const country = knowledge.facts.entities.get(id)?.country;
    if (country && knowledge.facts.entities.get(id)?.type === 'person') parties.add(country);
  }
  const owner = [...sentence.mentions].reverse().find((m) => m.end <= nearest.start && m.kind !== 'adjective' && STANCE_HOLDER_TYPES.has(m.entity.type));
  const isParty = (m: Mention): boolean => parties.has(m.entity.id) || (m.entity.standsFor ?? []).some((id) => parties.has(id));
  // the party is the subject: a verb joins it to the stance word ("remains opposed") or is the stance word
  const between = owner ? tokens.filter((t) => t.start >= owner.end && t.end <= nearest.start && t.kind !== 'punct') : [];
  const joined = between.some((t) => t.pos === 'VERB' || t.pos === 'AUX') || (between.length === 0 && tokens.some((t) => t.start === nearest.start && t.pos === 'VERB'));
  const object = owner !== undefined && tokens[previousWord(tokens, owner.first)]?.pos === 'ADP';
  if (owner && !isParty(owner) && !object && !tokens[owner.last].possessive && between.length <= 2 && joined) return undefined;
  if (nearest.polarity === slot.polarity) return agreement(nearest);
  if (fact.disputedBy.some((other) => other.slots?.some((s) => s.type === 'stance' && s.scale === slot.scale && s.polarity === nearest.polarity))) return undefined;
  const word = sourceStanceWord(fact, scale, slot.polarity) ?? slot.polarity;
  return { start: nearest.start, end: nearest.end, expected: word };
};

/** The scale word the source itself uses for the fact's stance ("legitimate", "opposed"). */
const passageTokens = new WeakMap<Fact, Token[]>();

function sourceStanceWord(fact: Fact, scale: PhraseMatcher<'positive' | 'negative'>, polarity: 'positive' | 'negative'): string | undefined {
  const passage = fact.source.passage;
  let tokens = passageTokens.get(fact);
  if (!tokens) {
    tokens = tokenize(passage);
    passageTokens.set(fact, tokens);
  }
  const match = scale.findAll(passage, tokens).find((m) => m.value === polarity);
  return match ? passage.slice(match.start, match.end) : undefined;
}

/** The comparison for each slot type. */
export const SLOT_CHECKS: Record<Slot['type'], SlotCheck> = {
  quantity: checkQuantity,
  ordinal: checkOrdinal,
  date: checkDate,
  weekday: checkWeekday,
  relative: checkRelative,
  place: checkPlace,
  person: checkPerson,
  outlet: checkOutlet,
  stance: checkStance,
};

