import { lineAt } from './lines';
import type { BlockKind, MaskedChunk, ProseBlock } from './prose';
import { maskOutside } from './prose';

/**
 * The Markdown most drafts are made of, read without a parser. micromark is exact but costs more than all
 * the rules on a typical paragraph; these shapes are recognised in one pass and give what micromark gives
 * (property tests hold the two paths to the same blocks, masked prose and tokens):
 * - a plain paragraph: no markup at all;
 * - a paragraph, a one-line ATX heading or a tight bullet list whose only inline markup is links with plain
 *   text and a plain destination (`[report](https://…)`) and code spans between single backticks: link text
 *   is kept; brackets, destinations, code spans, heading marks and bullets are masked.
 * Anything else goes to micromark.
 */

/** Characters and sequences that may start Markdown or GFM syntax. */
const MARKUP_CHARACTER = /[`<>[\]\\|*_~#@]|:\/\/|www\./;
/** The same, less the backticks and brackets of code spans and links. */
const OTHER_MARKUP = /[<>\\|*_~#@]|:\/\/|www\./;
/** Line openings that make a chunk something other than one paragraph (lists, setext underlines, blank lines). */
const BLOCK_OPENING = /(?:^|\r\n|\n|\r(?!\n))(?: {0,3}(?:[-+=:]|\d{1,9}[.)])|[ \t]*(?:[\n\r]|$))/;
const INDENTED_START = /^(?: {4}|\t)/;
/** A chunk that starts like a bullet list item. */
const BULLET_START = /^[-*+] /;
/**
 * A bullet list item line whose content does not open a nested list or an indented block (content that
 * opens any other block starts with markup the inline reader refuses).
 */
const BULLET_ITEM = /^[-*+] (?![\s\-+]|\d{1,9}[.)])/;
/** An ATX heading opening: one to six `#` and a space or tab. */
const HEADING_OPENING = /^#{1,6}[ \t]+/;
/** An inline link with plain text and a destination without spaces, parentheses, brackets or backticks. */
const LINK = /\[([^[\]`\r\n^][^[\]`\r\n]*)\]\(([^\s()<>`\\[\]]+)\)/y;

/** True when `chunk` is certainly one plain paragraph with no markup. */
export function isPlainParagraph(chunk: string): boolean {
  return !MARKUP_CHARACTER.test(chunk) && !BLOCK_OPENING.test(chunk) && !INDENTED_START.test(chunk);
}

/** A plain paragraph's analysis: the chunk is its own prose. */
export function plainParagraph(chunk: string): MaskedChunk {
  const { start, end } = trimmedSpan(chunk, 0, chunk.length);
  return { masked: chunk, blocks: end > start ? [{ start, end, kind: 'paragraph', quoted: false }] : [], comments: [] };
}

/** `[start, end)` without white space at its edges (the same trimming on every path). */
export function trimmedSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (end > start && /\s/.test(text[end - 1])) end--;
  while (start < end && /\s/.test(text[start])) start++;
  return { start, end };
}

/** True when `text[start, end)` is free of markup (other than what this reader handles). */
const isPlain = (text: string, start: number, end: number): boolean => start >= end || !OTHER_MARKUP.test(text.slice(start, end));

/** Spans to blank between `from` and `to`: links' brackets and destinations, and code spans; undefined if anything else. */
function inlineMasks(chunk: string, from: number, to: number): [number, number][] | undefined {
  const masks: [number, number][] = [];
  let plainFrom = from;
  for (let i = from; i < to; i++) {
    const c = chunk.charCodeAt(i);
    if (c === 96 /* ` */) {
      const close = chunk.indexOf('`', i + 1);
      if (chunk.charCodeAt(i + 1) === 96 || close < 0 || close >= to || chunk.charCodeAt(close + 1) === 96) return undefined;
      if (!isPlain(chunk, plainFrom, i)) return undefined;
      masks.push([i, close + 1]);
      i = close;
      plainFrom = close + 1;
    } else if (c === 91 /* [ */) {
      LINK.lastIndex = i;
      const link = LINK.exec(chunk);
      if (!link || LINK.lastIndex > to || chunk.charCodeAt(i - 1) === 33 /* ! */) return undefined;
      const textEnd = i + 1 + link[1].length;
      if (!isPlain(chunk, plainFrom, i) || !isPlain(chunk, i + 1, textEnd)) return undefined;
      masks.push([i, i + 1], [textEnd, LINK.lastIndex]);
      i = LINK.lastIndex - 1;
      plainFrom = LINK.lastIndex;
    } else if (c === 93 /* ] */) {
      return undefined;
    }
  }
  return isPlain(chunk, plainFrom, to) ? masks : undefined;
}

/** A block of a simple chunk: where its content runs, and what it is. */
interface SimpleBlock {
  kind: BlockKind;
  contentStart: number;
  contentEnd: number;
}

/** The items of tight bullet lists: every line a bullet, one space and its content. Undefined otherwise. */
function bulletItems(chunk: string): SimpleBlock[] | undefined {
  const items: SimpleBlock[] = [];
  for (let line = lineAt(chunk, 0); line.start < chunk.length; line = lineAt(chunk, line.next)) {
    if (!BULLET_ITEM.test(chunk.slice(line.start, line.contentEnd))) return undefined;
    items.push({ kind: 'paragraph', contentStart: line.start + 2, contentEnd: line.contentEnd });
  }
  return items;
}

/** The blocks of a simple chunk before inline markup is read, or undefined when its block structure is not simple. */
function simpleBlocks(chunk: string): SimpleBlock[] | undefined {
  const heading = HEADING_OPENING.exec(chunk);
  if (heading) return /[\r\n]/.test(chunk) ? undefined : [{ kind: 'heading', contentStart: heading[0].length, contentEnd: chunk.length }];
  if (BULLET_START.test(chunk)) return bulletItems(chunk);
  if (BLOCK_OPENING.test(chunk) || INDENTED_START.test(chunk)) return undefined;
  return [{ kind: 'paragraph', contentStart: 0, contentEnd: chunk.length }];
}

/** Masks `chunk` when it is a simple paragraph, heading or bullet list (see above); undefined otherwise. */
export function maskSimpleChunk(chunk: string): MaskedChunk | undefined {
  const found = simpleBlocks(chunk);
  if (!found) return undefined;
  const kept: [number, number][] = [];
  const blocks: ProseBlock[] = [];
  for (const { kind, contentStart, contentEnd } of found) {
    const masks = inlineMasks(chunk, contentStart, contentEnd);
    if (!masks) return undefined;
    let cursor = contentStart;
    for (const [start, end] of masks) {
      if (start > cursor) kept.push([cursor, start]);
      cursor = end;
    }
    if (cursor < contentEnd) kept.push([cursor, contentEnd]);
    const span = trimmedSpan(chunk, contentStart, contentEnd);
    if (span.end > span.start) blocks.push({ ...span, kind, quoted: false });
  }
  return { masked: maskOutside(chunk, kept), blocks, comments: [] };
}
