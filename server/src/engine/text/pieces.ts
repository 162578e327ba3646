import type { Chunk } from './chunks';
import { blockedRanges } from './blockedRanges';
import type { Span } from '../types';

/**
 * Chunks longer than this (UTF-16 code units) are linted in pieces no longer than it. A news paragraph is
 * well under 2 KB; the bound keeps what one analysis holds at once (parser events, tokens, tags) to a few
 * megabytes, however large the paragraph, and bounds the Markdown parser's own superlinear cases (thousands
 * of brackets or emphasis marks in one paragraph) to the piece. A piece is analysed like a paragraph of its
 * own, so what crosses a cut (a sentence's frame carried to the next, an inline link split in two) is lost
 * at the cut only.
 */
export const MAX_PIECE_LENGTH = 16 * 1024;

/** A cut is looked for in the last half of a piece's room, so no piece but the last is shorter than half. */
const MIN_PIECE_LENGTH = MAX_PIECE_LENGTH / 2;

const isLineBreak = (c: number): boolean => c === 10 || c === 13;
const isSpace = (c: number): boolean => c === 32 || c === 9 || isLineBreak(c) || c === 0xa0;
const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isSentenceEnd = (c: number): boolean => c === 46 || c === 33 || c === 63;
/** Closing quotation marks and brackets that may follow a sentence's final mark. */
const isCloser = (c: number): boolean => c === 34 || c === 39 || c === 41 || c === 93 || c === 0x201d || c === 0x2019 || c === 0xbb;
const isUpper = (c: number): boolean =>
  (c >= 65 && c <= 90) || (c > 127 && String.fromCharCode(c) !== String.fromCharCode(c).toLowerCase());

/** True when `at` starts a line (at column 0, not blank): a Markdown line there opens no indented code. */
function startsLine(text: string, at: number): boolean {
  return isLineBreak(text.charCodeAt(at - 1)) && !isSpace(text.charCodeAt(at));
}

/** True when `at` starts a sentence: a capital after white space after a sentence's final mark. */
function startsSentence(text: string, at: number): boolean {
  if (!isUpper(text.charCodeAt(at))) return false;
  let i = at - 1;
  if (!isSpace(text.charCodeAt(i))) return false;
  while (i > 0 && isSpace(text.charCodeAt(i))) i--;
  while (i > 0 && isCloser(text.charCodeAt(i))) i--;
  return isSentenceEnd(text.charCodeAt(i));
}

/** True when `at` starts a word after white space. */
function startsWord(text: string, at: number): boolean {
  return isSpace(text.charCodeAt(at - 1)) && !isSpace(text.charCodeAt(at));
}

/** Characters before a position that decide whether it is a content mark. */
const MARK_WINDOW = 4;

/** Content marks are looked for in the last this many characters of a piece's room only (about 32 marks). */
const MARK_SEARCH = 2048;

/**
 * True when the characters before `at` hash to a mark (about one position in 64): a cut chosen by content
 * alone, for text with no white space to cut at. A cut at a fixed length moves when text is inserted before
 * it, and with it every later cut, so every later piece would be linted again; a mark moves with the text,
 * and the pieces after an edit are found in the cache again (content-defined chunking, as rsync does).
 */
function atContentMark(text: string, at: number): boolean {
  if (isHighSurrogate(text.charCodeAt(at - 1))) return false;
  let hash = 0x811c9dc5;
  for (let i = at - MARK_WINDOW; i < at; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 26 === 0;
}

/** The kinds of cut, best first: at a line, at a sentence, at a word. */
const CUTS = [startsLine, startsSentence, startsWord];

/**
 * Where to end a piece that may end anywhere in `(from, to]`: the last line start in the last half of its
 * room, else the last sentence start, else the last word start, else the last content mark in its last 2 KB, else `to`
 * itself (moved back one so as never to split a surrogate pair).
 */
function cutBefore(text: string, from: number, to: number): number {
  const lowest = Math.max(from + 1, to - MIN_PIECE_LENGTH);
  for (const cutsAt of CUTS) {
    for (let at = to; at >= lowest; at--) if (cutsAt(text, at)) return at;
  }
  for (let at = to; at >= Math.max(lowest, to - MARK_SEARCH); at--) if (atContentMark(text, at)) return at;
  return isHighSurrogate(text.charCodeAt(to - 1)) && to - 1 > from ? to - 1 : to;
}

/**
 * The pieces `chunk` of `text` is linted in: the chunk itself when it is no longer than `MAX_PIECE_LENGTH`,
 * else consecutive spans that cover it, each as long as it may be but ending at a line, sentence or word
 * where it can. A Markdown block that runs to an end marker (fenced code, an HTML block) is never cut: a
 * piece starting inside one would read its code as prose, so a longer block is one piece.
 */
export function piecesOf(text: string, chunk: Chunk, format: 'markdown' | 'plaintext'): Chunk[] {
  if (chunk.end - chunk.start <= MAX_PIECE_LENGTH) return [chunk];
  const blocked: Span[] = format === 'markdown' ? blockedRanges(text, chunk) : [];
  const pieces: Chunk[] = [];
  let blockIndex = 0;
  for (let start = chunk.start; start < chunk.end;) {
    const to = Math.min(chunk.end, start + MAX_PIECE_LENGTH);
    while (blockIndex < blocked.length && blocked[blockIndex].end <= start) blockIndex++;
    const block = blocked[blockIndex];
    let end: number;
    if (to === chunk.end) end = to;
    else if (block && block.start <= start) end = block.end;
    else if (block && block.start < to) end = block.start;
    else end = cutBefore(text, start, to);
    pieces.push({ start, end, kind: chunk.kind });
    start = end;
  }
  return pieces;
}
