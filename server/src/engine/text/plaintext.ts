import type { MaskedChunk, RawComment } from './prose';
import { maskOutside } from './prose';
import { lines } from './lines';
import { matchesWithin } from './matchesWithin';

/** Bare URLs, e-mail addresses and `www.` hosts: not prose. */
const URL_PATTERN =
  /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>"\u201C\u201D]*[^\s<>"\u201C\u201D.,;:!?)\]'\u2019]|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;

/** A plain-text directive line: `claimlint-disable …`, optionally inside `<!-- -->`, `#` or `//`. */
const DIRECTIVE_LINE = /^\s*(?:<!--|#|\/\/)?\s*(claimlint-(?:disable-next-line|disable|enable)\b.*?)\s*(?:-->)?\s*$/;

/**
 * Masks one plain-text paragraph: URLs and directive lines become spaces. The paragraph is one block.
 */
export function maskPlainText(chunk: string): MaskedChunk {
  const kept: [number, number][] = [];
  const comments: RawComment[] = [];
  let cursor = 0;
  for (const line of lines(chunk)) {
    const content = chunk.slice(line.start, line.contentEnd);
    const directive = DIRECTIVE_LINE.exec(content);
    if (directive) {
      comments.push({ start: line.start, end: line.contentEnd, body: directive[1], bodyStart: line.start + content.indexOf(directive[1]) });
      if (line.start > cursor) kept.push([cursor, line.start]);
      cursor = line.next;
    }
  }
  if (cursor < chunk.length) kept.push([cursor, chunk.length]);
  const withoutUrls: [number, number][] = [];
  for (const [start, end] of kept) {
    let from = start;
    // kept spans start at line starts, so `\b` sees the same edge in the span as in the chunk
    for (const m of matchesWithin(URL_PATTERN, chunk, start, end)) {
      withoutUrls.push([from, m.index]);
      from = m.index + m.text.length;
    }
    withoutUrls.push([from, end]);
  }
  const masked = comments.length === 0 && withoutUrls.length === 1 ? chunk : maskOutside(chunk, withoutUrls);
  let start = 0;
  let end = masked.length;
  while (start < end && /\s/.test(masked[start])) start++;
  while (end > start && /\s/.test(masked[end - 1])) end--;
  return { masked, blocks: end > start ? [{ start, end, kind: 'paragraph', quoted: false }] : [], comments };
}
