import type { Span } from '../types';

/** What a block of prose is, as far as the rules care. */
export type BlockKind = 'paragraph' | 'heading' | 'cell';

/** A run of prose sentences can be split in: a paragraph, heading or table cell. */
export interface ProseBlock extends Span {
  kind: BlockKind;
  /** True inside a Markdown block quote: quoted material, not the writer's own voice. */
  quoted: boolean;
}

/** A comment that may hold an inline directive (`claimlint-disable …`); `body` excludes the comment marks. */
export interface RawComment extends Span {
  body: string;
  /** Offset of `body` in the chunk. */
  bodyStart: number;
}

/**
 * A chunk reduced to its prose. Invariant: `masked.length` equals the chunk's length and every character
 * of `masked` is either the original character or a space (line breaks are always kept), so offsets into
 * `masked` are offsets into the original chunk.
 */
export interface MaskedChunk {
  masked: string;
  blocks: ProseBlock[];
  comments: RawComment[];
}

/** Replaces every character outside the `kept` spans by a space, keeping line breaks. */
export function maskOutside(text: string, kept: [number, number][]): string {
  kept.sort((a, b) => a[0] - b[0]);
  let out = '';
  let cursor = 0;
  for (const [start, end] of kept) {
    if (start > cursor) out += blankOut(text.slice(cursor, start));
    const from = Math.max(start, cursor);
    if (end > from) out += text.slice(from, end);
    cursor = Math.max(cursor, end);
  }
  if (cursor < text.length) out += blankOut(text.slice(cursor));
  return out;
}

/** `text` with every character but CR and LF replaced by a space. */
export function blankOut(text: string): string {
  return text.replace(/[^\r\n]/g, ' ');
}
