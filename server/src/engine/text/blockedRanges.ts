import type { Span } from '../types';
import { FENCE_CLOSE, FENCE_OPEN, HTML_BLOCKS, mayOpenBlock } from './chunks';
import { lineAt } from './lines';

/** A block that runs to an end marker, from the line opening it. */
interface OpenBlock {
  start: number;
  fence?: { marker: string; length: number };
  htmlEnd?: string;
}

/** The block `content` (a line) opens when it opens fenced code or an HTML block it does not also close. */
function opening(content: string, start: number): OpenBlock | undefined {
  const fence = FENCE_OPEN.exec(content);
  if (fence && !(fence[1][0] === '`' && fence[2].includes('`'))) return { start, fence: { marker: fence[1][0], length: fence[1].length } };
  for (const [opens, end] of HTML_BLOCKS) {
    const m = opens.exec(content);
    if (m && !content.slice(m[0].length).includes(end)) return { start, htmlEnd: end };
  }
  return undefined;
}

function closes(block: OpenBlock, content: string): boolean {
  if (block.htmlEnd !== undefined) return content.includes(block.htmlEnd);
  const close = FENCE_CLOSE.exec(content);
  return close !== null && block.fence !== undefined && close[1][0] === block.fence.marker && close[1].length >= block.fence.length;
}

/**
 * The spans of a Markdown chunk taken by blocks that run to an end marker (fenced code, HTML blocks), each
 * from its opening line's start to the start of the line after its closing line (or the chunk's end), read
 * line by line as the chunk splitter reads them.
 */
export function blockedRanges(text: string, chunk: Span): Span[] {
  const ranges: Span[] = [];
  let open: OpenBlock | undefined;
  for (let line = lineAt(text, chunk.start); line.start < chunk.end; line = lineAt(text, line.next)) {
    if (open) {
      if (closes(open, text.slice(line.start, line.contentEnd))) {
        ranges.push({ start: open.start, end: Math.min(chunk.end, line.next) });
        open = undefined;
      }
    } else if (mayOpenBlock(text, line.start)) {
      open = opening(text.slice(line.start, line.contentEnd), line.start);
    }
  }
  if (open) ranges.push({ start: open.start, end: chunk.end });
  return ranges;
}
