import { partitionPoint } from '../partitionPoint';
import type { Span } from '../types';
import { matchesWithin } from './matchesWithin';

/** A direct quotation: `start`/`end` include the quotation marks, `inner*` exclude them. */
export interface Quotation extends Span {
  innerStart: number;
  innerEnd: number;
  /** False when the quotation runs to the end of its block without a closing mark (a continued quote). */
  closed: boolean;
}

// Quotation mark characters: punctuation, not words, so in code rather than seeds/language.
const OPEN_DOUBLE = new Set(['\u201C', '\u00AB', '\u201E']);
const CLOSE_DOUBLE = new Set(['\u201D', '\u00BB']);
/** Every character `findQuotations` acts on. */
const QUOTE_MARK = /''|["\u201C\u00AB\u201E\u201D\u00BB\u2018\u2019]/g;

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/** True when a mark at `i` sits where a quotation ends: after a word or mark, before white space or the end. */
function closesLikeEnd(text: string, i: number): boolean {
  const before = text[i - 1];
  const after = text[i + 1];
  return before !== undefined && !/\s/.test(before) && (after === undefined || /[\s,.;:!?)]/.test(after));
}

/**
 * Finds top-level quotations in `text[block.start, block.end)`: curly and straight double quotes (also
 * written as two apostrophes),
 * guillemets, and curly single quotes (British style) that are not apostrophes. An opening curly mark where a
 * quotation ends (`“…,“ said`, a common typing slip) closes an open double quotation. A quotation left open at
 * the end of the block is returned with `closed: false` (news style reopens quotes each paragraph).
 */
export function findQuotations(text: string, block: Span): Quotation[] {
  const quotes: Quotation[] = [];
  let openAt = -1;
  let openLength = 1;
  let openKind: 'double' | 'straight' | 'single' | null = null;
  // only quotation marks matter: jump from one to the next
  for (const m of matchesWithin(QUOTE_MARK, text, block.start, block.end)) {
    const i = m.index;
    // two apostrophes stand for a straight double quotation mark in some archives ('' … '')
    const ch = m.text === "''" ? '"' : m.text;
    const length = m.text.length;
    if (openKind === null) {
      openLength = length;
      if (OPEN_DOUBLE.has(ch)) {
        openAt = i;
        openKind = 'double';
      } else if (ch === '"') {
        openAt = i;
        openKind = 'straight';
      } else if (ch === '\u2018' && !isLetter(text[i - 1])) {
        openAt = i;
        openKind = 'single';
      }
      continue;
    }
    const closes =
      (openKind === 'double' && (CLOSE_DOUBLE.has(ch) || ch === '"' || (ch === '\u201C' && closesLikeEnd(text, i)))) ||
      (openKind === 'straight' && (ch === '"' || CLOSE_DOUBLE.has(ch))) ||
      (openKind === 'single' && ch === '\u2019' && !isLetter(text[i + 1]) && !/\s/.test(text[i - 1] ?? ' '));
    if (closes) {
      quotes.push({ start: openAt, end: i + length, innerStart: openAt + openLength, innerEnd: i, closed: true });
      openKind = null;
    }
  }
  if (openKind !== null && openKind !== 'single') {
    quotes.push({ start: openAt, end: block.end, innerStart: openAt + openLength, innerEnd: block.end, closed: false });
  }
  return quotes;
}

/** The quotation containing `offset`, if any (`quotes` in order, as `findQuotations` gives them). */
export function quotationAt(quotes: readonly Quotation[], offset: number): Quotation | undefined {
  const quote = quotes[partitionPoint(quotes, (q) => q.innerEnd <= offset)];
  return quote && offset >= quote.innerStart && offset < quote.innerEnd ? quote : undefined;
}

/** Quotation text folded for comparing two copies of it: straight quote marks, single spaces, lower case. */
export function foldQuotationText(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
