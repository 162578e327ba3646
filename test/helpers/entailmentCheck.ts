/**
 * An entailment check written apart from the engine's, for testing suggested sources: does a sentence state
 * what a fact's slots say? It reads the sentence's words directly (names and aliases of the fact's entities,
 * its numbers, weekdays and years), so an engine bug that credits the wrong fact cannot also fool the test.
 */
import type { Fact } from '../../server/src/engine/knowledge/factTypes';
import type { Knowledge } from '../../server/src/engine/knowledge/knowledge';
import type { QuantitySlot } from '../../server/src/engine/facts/slots/quantity';
import { slotsOf } from '../../server/src/engine/facts/slots';

const UNITS: Record<string, number> = {
  a: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  dozen: 12,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9 };

/** "a hundred and forty thousand" -> 140000; "seventeen" -> 17. */
function wordNumber(words: readonly string[]): number {
  let total = 0;
  let current = 0;
  for (const w of words) {
    if (w === 'and') continue;
    if (w in UNITS) current += UNITS[w];
    else if (w === 'hundred') current = (current || 1) * 100;
    else {
      total += (current || 1) * SCALES[w];
      current = 0;
    }
  }
  return total + current;
}

const NUMBER_WORD = `(?:${[...Object.keys(UNITS).filter((w) => w !== 'a'), ...Object.keys(SCALES)].join('|')})`;

/** Every number written in `sentence` ("140,000", "17", "seventeen", "1.5 million", "a hundred and forty thousand"). */
export function numbersIn(sentence: string): number[] {
  const found: number[] = [];
  const words = `(?:(?:a|${NUMBER_WORD})(?:[\\s-]+(?:and[\\s-]+)?${NUMBER_WORD})*)`;
  const re = new RegExp(`(\\d[\\d,]*(?:\\.\\d+)?)(?:\\s+(thousand|million|billion))?|\\b(${words})\\b`, 'gi');
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    if (m[1]) found.push(Number(m[1].replace(/,/g, '')) * (m[2] ? SCALES[m[2].toLowerCase()] : 1));
    else if (m[3].toLowerCase() !== 'a') found.push(wordNumber(m[3].toLowerCase().split(/[\s-]+/)));
  }
  return found;
}

const KM_PER_MILE = 1.609344;

/** Distances written in the other unit, converted to `unit` ("50 kilometres" is 31.07 miles). */
function distancesIn(sentence: string, unit: string): number[] {
  const miles = /^mi/i.test(unit);
  const other = miles ? /(\d[\d,.]*)\s*(?:-\s*)?(?:km|kilomet(?:re|er)s?)\b/gi : /(\d[\d,.]*)\s*(?:-\s*)?(?:miles?|mi)\b/gi;
  return [...sentence.matchAll(other)].map((m) => {
    const n = Number(m[1].replace(/,/g, ''));
    return miles ? n / KM_PER_MILE : n * KM_PER_MILE;
  });
}

const WEEKDAYS = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/gi;

/** True when `n` is a value a sentence may give for a fact's quantity `slot` without contradicting it. */
function quantityFits(n: number, value: number, qualifier: QuantitySlot['qualifier']): boolean {
  const v = Number(value);
  switch (qualifier) {
    case 'up-to':
    case 'fewer-than':
      return n <= v && n >= v * 0.5;
    case 'nearly':
      return n <= v && n >= v * 0.85;
    case 'about':
      return Math.abs(n - v) <= v * 0.15;
    case 'more-than':
    case 'at-least':
      return n >= v && n <= v * 1.5;
    default:
      return n === v;
  }
}

/** True when the sentence names the entity, by name, alias, adjective or descriptor, or names a place within it. */
function namesEntity(sentence: string, id: string, knowledge: Knowledge): boolean {
  const lower = sentence.toLowerCase();
  const named = (entityId: string): boolean => {
    const entity = knowledge.facts.entities.get(entityId);
    return (
      entity !== undefined &&
      [entity.name, ...(entity.aliases ?? []), ...(entity.adjectives ?? []), ...(entity.descriptors ?? [])].some((n) =>
        lower.includes(n.toLowerCase()),
      )
    );
  };
  return named(id) || [...knowledge.facts.entities.values()].some((e) => e.within?.includes(id) && named(e.id));
}

/**
 * The slots of `fact` that `sentence` does not state, as readable strings (empty when it states them all).
 * Stances are left to the engine: they need a reading of the verb, not of words in place.
 */
export function unstatedSlots(sentence: string, fact: Fact, knowledge: Knowledge): string[] {
  const missing: string[] = [];
  const numbers = numbersIn(sentence);
  for (const slot of slotsOf(fact)) {
    if (slot.type === 'quantity' || slot.type === 'ordinal') {
      const quantity = slot.type === 'quantity' ? slot : undefined;
      const values = quantity?.dimension === 'distance' ? [...numbers, ...distancesIn(sentence, quantity.unit ?? '')] : numbers;
      if (!values.some((n) => quantityFits(n, slot.value, quantity?.qualifier)))
        missing.push(`${slot.type} ${quantity?.qualifier ?? ''} ${slot.value}`);
    } else if (slot.type === 'weekday') {
      // a weekday left out is no claim about it; one given must be the fact's
      const days = [...sentence.matchAll(WEEKDAYS)].map((m) => m[1].toLowerCase());
      if (days.length > 0 && !days.includes(String(slot.value).toLowerCase())) missing.push(`weekday ${slot.value}`);
    } else if (slot.type === 'date') {
      const years = [...sentence.matchAll(/\b(19|20)\d\d\b/g)].map((m) => Number(m[0]));
      if (slot.year && years.length > 0 && !years.includes(slot.year)) missing.push(`date ${slot.year}`);
    } else if (slot.type === 'person' || slot.type === 'place') {
      if (typeof slot.value === 'string' && !namesEntity(sentence, slot.value, knowledge)) missing.push(`${slot.type} ${slot.value}`);
    }
  }
  const about = (fact.about ?? []).map((a) => (Array.isArray(a) ? a : [a]));
  if (about.length > 0 && !about.some((group) => group.some((id) => namesEntity(sentence, id, knowledge))))
    missing.push(`about ${JSON.stringify(fact.about)}`);
  return missing;
}
