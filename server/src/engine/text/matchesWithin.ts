/** A match of `matchesWithin`: where it starts in the whole text, and what it matched. */
export interface MatchAt {
  index: number;
  text: string;
}

/**
 * The matches of `pattern` (a global regular expression) in `text[start, end)`, at offsets in `text`. The
 * search reads nothing past `end`: searching the whole text from `lastIndex` scans on to the text's end
 * whenever the span holds no match, so looking through each of many spans that way costs their number times
 * the text's length. Assertions at the span's edges (`\b`, `^`) see the span's edges.
 */
export function matchesWithin(pattern: RegExp, text: string, start: number, end: number): MatchAt[] {
  if (!pattern.global) throw new Error('matchesWithin needs a global pattern');
  const span = start === 0 && end === text.length ? text : text.slice(start, end);
  const found: MatchAt[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(span); m; m = pattern.exec(span)) {
    if (m[0].length === 0) pattern.lastIndex++;
    found.push({ index: start + m.index, text: m[0] });
  }
  return found;
}
