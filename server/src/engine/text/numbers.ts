import type { Token } from './tokens';
import numbers from '../../../../seeds/language/numbers.json';
import { valueMap, wordSet } from './wordLists';

/** How a text qualifies a quantity. */
export type Qualifier = 'exact' | 'about' | 'up-to' | 'nearly' | 'more-than' | 'at-least' | 'fewer-than';

/** A quantity or ordinal written in a sentence, with its qualifier. */
export interface NumberMention {
  /** Span of the whole expression, qualifier included. */
  start: number;
  end: number;
  /** Span of the number alone. */
  numberStart: number;
  value: number;
  qualifier: Qualifier;
  ordinal: boolean;
  /** A four-digit number that reads as a year (2015), not a quantity. */
  year: boolean;
  /**
   * For a count given only by its order of magnitude ("dozens of", "tens of thousands"): the values it
   * allows. `value` is then the interval's low end.
   */
  range?: [number, number];
  /** Token indexes (into the sentence's tokens) of the number's first and last token. */
  first: number;
  last: number;
}

const UNITS = valueMap<number>(numbers.lists.units);
const SCALES = valueMap<number>(numbers.lists.scales);
const ARTICLE_SCALES = wordSet(numbers.lists.articleScales);
const ORDINALS = valueMap<number>(numbers.lists.ordinals);
const ORDINAL_SUFFIXES = wordSet(numbers.lists.ordinalSuffixes);

/** Qualifier phrases (as normalised word sequences), longest first. */
const QUALIFIERS: [string[], Qualifier][] = Object.entries(numbers.lists.qualifiers.values)
  .map(([phrase, q]): [string[], Qualifier] => [phrase.split(' '), q as Qualifier])
  .sort((a, b) => b[0].length - a[0].length);

function digitValue(text: string): number | undefined {
  const clean = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text) ? text.replace(/,/g, '') : text;
  if (!/^\d+(\.\d+)?$/.test(clean)) return undefined;
  return Number(clean);
}

/** Reads a written number ("one hundred and forty thousand", "twenty-five") starting at word `i`. */
function readWordNumber(words: readonly Token[], i: number): { value: number; next: number } | undefined {
  let total = 0;
  let current = 0;
  let j = i;
  let any = false;
  while (j < words.length) {
    const w = words[j].norm;
    const unit = UNITS.get(w);
    const scale = SCALES.get(w);
    if (w === 'dozen' && any) {
      // "two dozen": dozen multiplies like a scale word
      current *= 12;
    } else if (unit !== undefined) {
      current += unit;
      any = true;
    } else if (any && scale !== undefined && w.length > 2) {
      if (scale === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * scale;
        current = 0;
      }
    } else if (any && w === 'and' && j + 1 < words.length && UNITS.has(words[j + 1].norm)) {
      // "one hundred and forty"
    } else break;
    j++;
  }
  if (!any) return undefined;
  return { value: total + current, next: j };
}

/**
 * Plural scale words that give a count's order of magnitude, with the values they allow: "dozens of
 * nations" are at least two dozen and fewer than a hundred; "tens of thousands" 20,000 to 99,999.
 */
const MAGNITUDES = valueMap<number>(numbers.lists.magnitudes);

/** Reads "dozens", "hundreds of thousands", "tens of millions" at word `i`. */
function readMagnitude(words: readonly Token[], i: number): { range: [number, number]; next: number } | undefined {
  const w = words[i].norm;
  // "tens of thousands", "hundreds of millions": a plural scale of a plural scale
  const outer = w === 'tens' ? 10 : w === 'hundreds' ? 100 : undefined;
  const inner = words[i + 2] && words[i + 1].norm === 'of' ? MAGNITUDES.get(words[i + 2].norm) : undefined;
  if (outer !== undefined && inner !== undefined && inner >= 1e3)
    return { range: [2 * outer * inner, 10 * outer * inner - 1], next: i + 3 };
  const scale = MAGNITUDES.get(w);
  if (scale === undefined) return undefined;
  // "dozens of", "thousands of", or a count standing alone ("thousands fled"); never "the hundreds"
  const before = words[i - 1]?.norm;
  if (before === 'the' || before === 'in' || before === 'of') return undefined;
  return { range: [2 * scale, (scale === 12 ? 100 : 10 * scale) - 1], next: i + 1 };
}

function qualifierBefore(words: readonly Token[], i: number): { qualifier: Qualifier; first: number } {
  for (const [phrase, qualifier] of QUALIFIERS) {
    const first = i - phrase.length;
    if (first < 0) continue;
    if (phrase.every((w, k) => words[first + k].norm === w)) return { qualifier, first };
  }
  return { qualifier: 'exact', first: i };
}

/**
 * Finds quantities and ordinals in a sentence's tokens: digits with separators (140,000; 3.5), scale words
 * (1.5 million, 200k), written numbers (seventeen, twenty-five), "a dozen", ordinals (third, 4th), with the
 * qualifier before them (up to, about, nearly, more than, at least …). Four-digit whole numbers between
 * 1000 and 2199 without separators are marked as years.
 */
const numberCache = new WeakMap<readonly Token[], NumberMention[]>();

export function findNumbers(tokens: readonly Token[]): NumberMention[] {
  let found = numberCache.get(tokens);
  if (!found) {
    found = readNumbers(tokens);
    numberCache.set(tokens, found);
  }
  return found;
}

function readNumbers(tokens: readonly Token[]): NumberMention[] {
  const wordIndex: number[] = [];
  tokens.forEach((t, i) => t.kind !== 'punct' && wordIndex.push(i));
  const words = wordIndex.map((i) => tokens[i]);
  const mentions: NumberMention[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    let value: number | undefined;
    let next = i + 1;
    let ordinal = false;
    let year = false;
    let range: [number, number] | undefined;
    const magnitude = readMagnitude(words, i);
    if (magnitude) {
      range = magnitude.range;
      value = range[0];
      next = magnitude.next;
    } else if (word.kind === 'number') {
      value = digitValue(word.text);
      if (value === undefined) continue;
      const following = words[i + 1];
      if (following && following.start === word.end && ORDINAL_SUFFIXES.has(following.norm)) {
        ordinal = true;
        next = i + 2;
      } else if (following && SCALES.has(following.norm) && (following.start === word.end || following.norm.length > 2)) {
        value *= SCALES.get(following.norm) as number;
        next = i + 2;
      } else if (/^\d{4}$/.test(word.text) && value >= 1000 && value < 2200) {
        year = true;
      }
    } else if (ORDINALS.has(word.norm)) {
      value = ORDINALS.get(word.norm) as number;
      ordinal = true;
    } else if (word.norm === 'a' && words[i + 1]?.norm === 'dozen') {
      value = 12;
      next = i + 2;
    } else if (word.norm === 'a' && ARTICLE_SCALES.has(words[i + 1]?.norm ?? '')) {
      // "a hundred miles", "a million people"
      value = SCALES.get(words[i + 1].norm) as number;
      next = i + 2;
    } else if (word.norm === 'half' && words[i + 1]?.norm === 'a' && words[i + 2]?.norm === 'dozen') {
      value = 6;
      next = i + 3;
    } else {
      const read = readWordNumber(words, i);
      if (!read) continue;
      value = read.value;
      next = read.next;
      const scale = words[next];
      if (scale && SCALES.has(scale.norm) && scale.norm.length > 2) {
        value *= SCALES.get(scale.norm) as number;
        next++;
      }
    }
    const { qualifier, first } = ordinal || year ? { qualifier: 'exact' as Qualifier, first: i } : qualifierBefore(words, i);
    mentions.push({
      start: words[first].start,
      end: words[next - 1].end,
      numberStart: word.start,
      value,
      qualifier,
      ordinal,
      year,
      ...(range ? { range } : {}),
      first: wordIndex[i],
      last: wordIndex[next - 1],
    });
    i = next - 1;
  }
  return mentions;
}

/** Just above a bound: "more than 140,000" excludes 140,000 itself. */
const EXCLUSIVE = 1.000001;

/** The closed interval of values a source's qualified quantity allows ("up to 140,000": 0 to 140,000). */
export function quantityInterval(value: number, qualifier: Qualifier): [number, number] {
  switch (qualifier) {
    case 'about':
      return [value * 0.85, value * 1.15];
    case 'up-to':
    case 'fewer-than':
      return [0, value];
    case 'nearly':
      return [value * 0.85, value];
    case 'more-than':
      return [value * EXCLUSIVE, Infinity];
    case 'at-least':
      return [value, Infinity];
    default:
      return [value, value];
  }
}

/**
 * The interval a draft's qualified quantity claims. A bound in a draft states its value: "as many as
 * 200,000" claims about 200,000 at most, so it conflicts with a source's "up to 140,000".
 */
export function claimedInterval(value: number, qualifier: Qualifier, range?: [number, number]): [number, number] {
  if (range) return range;
  if (qualifier === 'up-to' || qualifier === 'fewer-than') return [value * 0.85, value];
  return quantityInterval(value, qualifier);
}

/** How a qualified quantity is written ("up to 140,000"). */
export function describeQuantity(value: number, qualifier: Qualifier | undefined): string {
  const words: Record<Qualifier, string> = {
    exact: '',
    about: 'about ',
    'up-to': 'up to ',
    nearly: 'nearly ',
    'more-than': 'more than ',
    'at-least': 'at least ',
    'fewer-than': 'fewer than ',
  };
  return `${words[qualifier ?? 'exact']}${value.toLocaleString('en-US')}`;
}

/** Currency signs written before an amount, and the word a source's figure names them by ("£2.3 million": pounds). */
const CURRENCY_SIGNS = valueMap<string>(numbers.lists.currencyNames);

/** The word for a currency sign ("£": pounds), or undefined. */
export function currencyName(sign: string): string | undefined {
  return CURRENCY_SIGNS.get(sign);
}

/** The currency of an amount written with its sign before it ("£2.3 million"), as a word; undefined otherwise. */
export function currencyBefore(tokens: readonly Token[], mention: NumberMention): string | undefined {
  const sign = tokens[mention.first - 1];
  return sign && sign.end === tokens[mention.first].start ? CURRENCY_SIGNS.get(sign.text) : undefined;
}

/** True when a percentage sign or "per cent" / "percent" follows the number ("27 per cent", "27%"). */
export function percentAfter(tokens: readonly Token[], mention: NumberMention): boolean {
  const next = tokens[mention.last + 1];
  if (!next) return false;
  if (next.text === '%') return true;
  return next.norm === 'percent' || (next.norm === 'per' && tokens[mention.last + 2]?.norm === 'cent');
}

/** The unit a percentage is recorded in, however it is written. */
export const PERCENT_UNIT = 'per cent';

/** The word a token stands for as a unit: "£" pounds, "%" and "percent" cent (of "per cent"), else its own. */
export function unitWord(token: Token): string {
  return currencyName(token.text) ?? (token.text === '%' || token.norm === 'percent' ? 'cent' : token.norm);
}
