import type { Span } from '../types';
import { isBlankLine, lineAt, lines } from './lines';

/**
 * A chunk is a run of lines that can be analysed on its own: its analysis depends only on its own text,
 * so results are cached by content and an edit re-analyses only the chunks it touched.
 */
export interface Chunk extends Span {
  /** `frontmatter` chunks are metadata, never prose. */
  kind: 'prose' | 'frontmatter';
}

/** A line opening fenced code: the fence, then the info string. */
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
/** A line closing fenced code (when its fence is the opening one's character, at least as long). */
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
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
  const fence = text
    .slice(first.start, first.contentEnd)
    .replace(/^\uFEFF/, '')
    .trim();
  for (const line of rest) {
    const content = text.slice(line.start, line.contentEnd).trimEnd();
    if (content === fence || (fence === '---' && content === '...')) return line.contentEnd;
  }
  return -1;
}

/** True when a line's first non-space character could open a fence or an HTML block (` ~ <). */
export function mayOpenBlock(text: string, start: number): boolean {
  let i = start;
  while (i < start + 4 && text.charCodeAt(i) === 32) i++;
  const c = text.charCodeAt(i);
  return c === 96 || c === 126 || c === 60;
}

/** A block that runs to an end marker (fenced code, an HTML block), from the line opening it. */
export interface OpenBlock {
  start: number;
  fence?: { marker: string; length: number };
  htmlEnd?: string;
}

/** The block a line (`content`, starting at `start`) opens, when it opens one it does not also close. */
export function openingBlock(content: string, start: number): OpenBlock | undefined {
  const fence = FENCE_OPEN.exec(content);
  if (fence && !(fence[1][0] === '`' && fence[2].includes('`'))) return { start, fence: { marker: fence[1][0], length: fence[1].length } };
  for (const [opens, end] of HTML_BLOCKS) {
    const m = opens.exec(content);
    if (m && !content.slice(m[0].length).includes(end)) return { start, htmlEnd: end };
  }
  return undefined;
}

/** True when a line (`content`) closes `block`. */
export function closesBlock(block: OpenBlock, content: string): boolean {
  if (block.htmlEnd !== undefined) return content.includes(block.htmlEnd);
  const close = FENCE_CLOSE.exec(content);
  return close !== null && block.fence !== undefined && close[1][0] === block.fence.marker && close[1].length >= block.fence.length;
}

/**
 * A split of `text` from `from` on, in the state the splitter is in at the start of any chunk. Before
 * starting a chunk at an offset it asks `stopBefore`; when that returns true the split stops there and
 * `stoppedAt` says where (see `resplitChunks`).
 */
interface PartialSplit {
  chunks: Chunk[];
  stoppedAt?: number;
}

type Splitter = (text: string, from: number, stopBefore?: (offset: number) => boolean) => PartialSplit;

/**
 * Where splitting starts: after front matter (a chunk of its own), or after a byte-order mark, which belongs
 * to the file and not to the first paragraph (parsers drop it).
 */
function markdownStart(text: string, chunks: Chunk[]): number {
  const matterEnd = frontMatterEnd(text);
  if (matterEnd < 0) return text.charCodeAt(0) === 0xfeff ? 1 : 0;
  chunks.push({ start: 0, end: matterEnd, kind: 'frontmatter' });
  return matterEnd;
}

const splitMarkdownFrom: Splitter = (text, from, stopBefore) => {
  const chunks: Chunk[] = [];
  let chunkStart = -1;
  let lastContentEnd = -1;
  let open: OpenBlock | undefined;
  let afterBlank = false;
  for (let line = lineAt(text, from); line.start < text.length; line = lineAt(text, line.next)) {
    const blank = isBlankLine(text, line);
    if (chunkStart < 0) {
      if (blank) continue;
      if (stopBefore?.(line.start)) return { chunks, stoppedAt: line.start };
      chunkStart = line.start;
    } else if (!open) {
      if (blank) {
        afterBlank = true;
        continue;
      }
      const firstChar = text.charCodeAt(line.start);
      if (afterBlank && firstChar !== 32 && firstChar !== 9) {
        chunks.push({ start: chunkStart, end: lastContentEnd, kind: 'prose' });
        if (stopBefore?.(line.start)) return { chunks, stoppedAt: line.start };
        chunkStart = line.start;
      }
    }
    afterBlank = false;
    if (!open && !mayOpenBlock(text, line.start)) {
      if (!blank) lastContentEnd = line.contentEnd;
      continue;
    }
    const content = text.slice(line.start, line.contentEnd);
    if (open) {
      if (closesBlock(open, content)) open = undefined;
    } else {
      open = openingBlock(content, line.start);
    }
    if (!blank) lastContentEnd = line.contentEnd;
  }
  if (chunkStart >= 0) chunks.push({ start: chunkStart, end: lastContentEnd, kind: 'prose' });
  return { chunks };
};

/**
 * Splits a Markdown document into chunks at blank lines that are followed by a line starting in column 0
 * (so indented continuations stay with their list item), never inside fenced code, multi-line HTML blocks
 * or front matter.
 */
export function splitMarkdownChunks(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  const from = markdownStart(text, chunks);
  return [...chunks, ...splitMarkdownFrom(text, from).chunks];
}

const splitPlainFrom: Splitter = (text, from, stopBefore) => {
  const chunks: Chunk[] = [];
  let chunkStart = -1;
  let lastContentEnd = -1;
  for (let line = lineAt(text, from); line.start < text.length; line = lineAt(text, line.next)) {
    if (isBlankLine(text, line)) {
      if (chunkStart >= 0) chunks.push({ start: chunkStart, end: lastContentEnd, kind: 'prose' });
      chunkStart = -1;
      continue;
    }
    if (chunkStart < 0) {
      if (stopBefore?.(line.start)) return { chunks, stoppedAt: line.start };
      chunkStart = line.start;
    }
    lastContentEnd = line.contentEnd;
  }
  if (chunkStart >= 0) chunks.push({ start: chunkStart, end: lastContentEnd, kind: 'prose' });
  return { chunks };
};

/** Splits plain text into paragraphs: runs of non-blank lines. */
export function splitPlainChunks(text: string): Chunk[] {
  return splitPlainFrom(text, text.charCodeAt(0) === 0xfeff ? 1 : 0).chunks;
}

/** The chunks of the previous version of a document, and how the new version differs from it. */
export interface ChunkedEdit {
  previousChunks: readonly Chunk[];
  /** Length of the text both versions start with. */
  prefix: number;
  /** Length of the text both versions end with (not overlapping `prefix`). */
  suffix: number;
  /** New length minus old length. */
  delta: number;
}

/**
 * Splits `text` like `splitMarkdownChunks` or `splitPlainChunks`, reusing the previous version's split where
 * an edit cannot have changed it, so an edit costs in proportion to the chunks it touched. Every chunk
 * starts in the splitter's initial state, so splitting resumes at the last old chunk starting before the
 * edit, and stops at the first new chunk that starts (after the edit) where an old chunk started: from
 * there on the old split holds, moved by `delta`. An edit that may change front matter splits afresh.
 */
export function resplitChunks(text: string, format: 'markdown' | 'plaintext', edit: ChunkedEdit): Chunk[] {
  const { previousChunks, prefix, suffix, delta } = edit;
  const fresh = format === 'markdown' ? splitMarkdownChunks : splitPlainChunks;
  // front matter is found by reading from the first line to its closing fence: unchanged only when the old
  // text had it and it ends before the edit
  const matter = previousChunks[0]?.kind === 'frontmatter' ? previousChunks[0] : undefined;
  if (/^\uFEFF?(---|\+\+\+)/.test(text) && !(matter && matter.end < prefix)) return fresh(text);
  // the last old chunk starting strictly inside the common prefix: its first character, which ended the
  // chunk before it, is unchanged
  let resume = -1;
  for (let i = 0; i < previousChunks.length && previousChunks[i].start < prefix; i++) resume = i;
  // resuming at the first chunk saves nothing, and it may follow a byte-order mark or old front matter
  if (resume < 1) return fresh(text);
  const suffixStart = text.length - suffix;
  const oldStarts = new Map<number, number>();
  for (let i = resume + 1; i < previousChunks.length; i++)
    if (previousChunks[i].start + delta >= suffixStart) oldStarts.set(previousChunks[i].start, i);
  const split = format === 'markdown' ? splitMarkdownFrom : splitPlainFrom;
  const resumed = split(text, previousChunks[resume].start, (offset) => offset >= suffixStart && oldStarts.has(offset - delta));
  const chunks = [...previousChunks.slice(0, resume), ...resumed.chunks];
  if (resumed.stoppedAt !== undefined) {
    for (let i = oldStarts.get(resumed.stoppedAt - delta) as number; i < previousChunks.length; i++) {
      const old = previousChunks[i];
      chunks.push({ start: old.start + delta, end: old.end + delta, kind: old.kind });
    }
  }
  return chunks;
}
