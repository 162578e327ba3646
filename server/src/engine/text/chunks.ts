import type { Span } from '../types';
import { isBlankLine, lines } from './lines';

/**
 * A chunk is a run of lines that can be analysed on its own: its analysis depends only on its own text,
 * so results are cached by content and an edit re-analyses only the chunks it touched.
 */
export interface Chunk extends Span {
  /** `frontmatter` chunks are metadata, never prose. */
  kind: 'prose' | 'frontmatter';
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const FRONT_MATTER_OPEN = /^\uFEFF?(---|\+\+\+)[ \t]*$/;

/** HTML block kinds 1-5 of CommonMark run across blank lines until their end marker. */
const HTML_BLOCKS: [RegExp, string][] = [
  [/^ {0,3}<!--/, '-->'],
  [/^ {0,3}<(script|pre|style|textarea)(\s|>|$)/i, '</'],
  [/^ {0,3}<\?/, '?>'],
  [/^ {0,3}<![A-Za-z]/, '>'],
  [/^ {0,3}<!\[CDATA\[/, ']]>'],
];

function frontMatterEnd(text: string): number {
  if (!/^\uFEFF?(---|\+\+\+)/.test(text)) return -1;
  const [first, ...rest] = lines(text);
  if (!first || !FRONT_MATTER_OPEN.test(text.slice(first.start, first.contentEnd))) return -1;
  const fence = text.slice(first.start, first.contentEnd).replace(/^\uFEFF/, '').trim();
  for (const line of rest) {
    const content = text.slice(line.start, line.contentEnd).trimEnd();
    if (content === fence || (fence === '---' && content === '...')) return line.contentEnd;
  }
  return -1;
}

/** True when a line's first non-space character could open a fence or an HTML block (` ~ <). */
function mayOpenBlock(text: string, start: number): boolean {
  let i = start;
  while (i < start + 4 && text.charCodeAt(i) === 32) i++;
  const c = text.charCodeAt(i);
  return c === 96 || c === 126 || c === 60;
}

/**
 * Splits a Markdown document into chunks at blank lines that are followed by a line starting in column 0
 * (so indented continuations stay with their list item), never inside fenced code, multi-line HTML blocks
 * or front matter.
 */
export function splitMarkdownChunks(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  // a byte-order mark belongs to the file, not to the first paragraph (parsers drop it)
  let from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const matterEnd = frontMatterEnd(text);
  if (matterEnd >= 0) {
    chunks.push({ start: 0, end: matterEnd, kind: 'frontmatter' });
    from = matterEnd;
  }
  let chunkStart = -1;
  let lastContentEnd = -1;
  let fence: { marker: string; length: number } | null = null;
  let htmlEnd: string | null = null;
  let afterBlank = false;
  for (const raw of lines(text)) {
    if (raw.next <= from) continue;
    const line = raw.start < from ? { ...raw, start: from } : raw;
    const blank = isBlankLine(text, line);
    if (chunkStart < 0) {
      if (blank) continue;
      chunkStart = line.start;
    } else if (fence === null && htmlEnd === null) {
      if (blank) {
        afterBlank = true;
        continue;
      }
      const firstChar = text.charCodeAt(line.start);
      if (afterBlank && firstChar !== 32 && firstChar !== 9) {
        chunks.push({ start: chunkStart, end: lastContentEnd, kind: 'prose' });
        chunkStart = line.start;
      }
    }
    afterBlank = false;
    if (fence === null && htmlEnd === null && !mayOpenBlock(text, line.start)) {
      if (!blank) lastContentEnd = line.contentEnd;
      continue;
    }
    const content = text.slice(line.start, line.contentEnd);
    if (fence !== null) {
      const close = content.match(/^ {0,3}(`{3,}|~{3,})[ \t]*$/);
      if (close && close[1][0] === fence.marker && close[1].length >= fence.length) fence = null;
    } else if (htmlEnd !== null) {
      if (content.includes(htmlEnd)) htmlEnd = null;
    } else {
      const open = content.match(FENCE_OPEN);
      if (open && !(open[1][0] === '`' && open[2].includes('`'))) {
        fence = { marker: open[1][0], length: open[1].length };
      } else {
        for (const [start, end] of HTML_BLOCKS) {
          const m = content.match(start);
          if (m && !content.slice(m[0].length).includes(end)) {
            htmlEnd = end;
            break;
          }
        }
      }
    }
    if (!blank) lastContentEnd = line.contentEnd;
  }
  if (chunkStart >= 0) chunks.push({ start: chunkStart, end: lastContentEnd, kind: 'prose' });
  return chunks;
}

/** Splits plain text into paragraphs: runs of non-blank lines. */
export function splitPlainChunks(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let chunkStart = -1;
  let lastContentEnd = -1;
  const from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (const raw of lines(text)) {
    const line = raw.start < from ? { ...raw, start: from } : raw;
    if (isBlankLine(text, line)) {
      if (chunkStart >= 0) chunks.push({ start: chunkStart, end: lastContentEnd, kind: 'prose' });
      chunkStart = -1;
      continue;
    }
    if (chunkStart < 0) chunkStart = line.start;
    lastContentEnd = line.contentEnd;
  }
  if (chunkStart >= 0) chunks.push({ start: chunkStart, end: lastContentEnd, kind: 'prose' });
  return chunks;
}
