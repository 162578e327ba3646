import type { Span } from '../types';
import type { OpenBlock } from './chunks';
import { closesBlock, mayOpenBlock, openingBlock } from './chunks';
import { lineAt } from './lines';

/**
 * The spans of a Markdown chunk taken by blocks that run to an end marker (fenced code, HTML blocks), each
 * from its opening line's start to the start of the line after its closing line (or the chunk's end), read
 * line by line with the chunk splitter's own `openingBlock` and `closesBlock`.
 */
export function blockedRanges(text: string, chunk: Span): Span[] {
  const ranges: Span[] = [];
  let open: OpenBlock | undefined;
  for (let line = lineAt(text, chunk.start); line.start < chunk.end; line = lineAt(text, line.next)) {
    if (open) {
      if (closesBlock(open, text.slice(line.start, line.contentEnd))) {
        ranges.push({ start: open.start, end: Math.min(chunk.end, line.next) });
        open = undefined;
      }
    } else if (mayOpenBlock(text, line.start)) {
      open = openingBlock(text.slice(line.start, line.contentEnd), line.start);
    }
  }
  if (open) ranges.push({ start: open.start, end: chunk.end });
  return ranges;
}
