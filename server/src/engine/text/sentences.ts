import type { Span } from '../types';

/** Abbreviations after which a full stop does not end a sentence when a capitalised word follows. */
const TITLE_ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt', 'cpl', 'adm', 'cmdr',
  'sen', 'rep', 'gov', 'pres', 'rev', 'hon', 'st', 'mt', 'ft', 'jr', 'sr', 'no', 'nos', 'vs', 'v', 'cf',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'inc', 'corp',
  'ltd', 'co', 'bros', 'dept', 'univ', 'approx', 'est', 'fig', 'al', 'e.g', 'i.e', 'etc', 'ca',
]);

/** Words that, capitalised after a dotted abbreviation such as "U.S.", show a new sentence began. */
const SENTENCE_STARTERS = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'but', 'and', 'in', 'on', 'at', 'this',
  'that', 'these', 'those', 'his', 'her', 'their', 'its', 'there', 'meanwhile', 'however', 'after', 'when',
  'while', 'as', 'if', 'since', 'for', 'officials', 'some', 'many',
]);

const CLOSERS = new Set(['"', '\u201D', '\u2019', "'", ')', ']', '\u00BB']);

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u00A0';
}

/** The word (letters and inner dots) that ends just before `index`, lower-cased. */
function wordBefore(text: string, index: number, floor: number): string {
  let i = index;
  while (i > floor && /[\p{L}.]/u.test(text[i - 1])) i--;
  return text.slice(i, index).toLowerCase();
}

function wordAfter(text: string, index: number, end: number): string {
  let i = index;
  while (i < end && /[\p{L}]/u.test(text[i])) i++;
  return text.slice(index, i);
}

function endsSentence(text: string, stop: number, next: number, floor: number, end: number): boolean {
  const mark = text[stop];
  const following = text[next];
  if (next >= end) return true;
  if (/\p{Ll}/u.test(following)) return false;
  if (mark !== '.') return true;
  const word = wordBefore(text, stop, floor);
  if (word === '') return true;
  if (/^\p{L}$/u.test(word)) return false; // an initial: "J. R. Smith", "George W. Bush"
  if (TITLE_ABBREVIATIONS.has(word)) return false;
  if (word.includes('.')) {
    // dotted abbreviations (U.S., U.N., a.m.): a new sentence only before a typical sentence opener
    return SENTENCE_STARTERS.has(wordAfter(text, next, end).toLowerCase());
  }
  return true;
}

/**
 * Splits `text[block.start, block.end)` into sentences. Returned spans are trimmed of surrounding white
 * space, cover every non-space character of the block exactly once, and never cross the block.
 */
export function splitSentences(text: string, block: Span): Span[] {
  const sentences: Span[] = [];
  const { start, end } = block;
  let sentenceStart = start;
  for (let i = start; i < end; i++) {
    const ch = text[i];
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '\u2026') continue;
    let j = i + 1;
    while (j < end && (text[j] === '.' || text[j] === '!' || text[j] === '?')) j++;
    while (j < end && CLOSERS.has(text[j])) j++;
    if (j < end && !isSpace(text[j])) {
      i = j - 1;
      continue;
    }
    let next = j;
    while (next < end && isSpace(text[next])) next++;
    if (endsSentence(text, i, next, sentenceStart, end)) {
      pushTrimmed(text, sentenceStart, j, sentences);
      sentenceStart = next;
    }
    i = j - 1;
  }
  pushTrimmed(text, sentenceStart, end, sentences);
  return sentences;
}

function pushTrimmed(text: string, from: number, to: number, out: Span[]): void {
  let s = from;
  let e = to;
  while (s < e && isSpace(text[s])) s++;
  while (e > s && isSpace(text[e - 1])) e--;
  if (e > s) out.push({ start: s, end: e });
}
