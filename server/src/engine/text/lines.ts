/** A line of text: `[start, contentEnd)` is its content, `next` the offset after its line break. */
export interface Line {
  start: number;
  contentEnd: number;
  next: number;
}

/** Iterates the lines of `text`, treating CRLF, CR and LF alike. */
export function* lines(text: string): Generator<Line> {
  let start = 0;
  const length = text.length;
  while (start < length) {
    let i = start;
    while (i < length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    let next = i;
    if (next < length) next += text.charCodeAt(next) === 13 && text.charCodeAt(next + 1) === 10 ? 2 : 1;
    yield { start, contentEnd: i, next };
    start = next;
  }
}

/** True when `text[line.start, line.contentEnd)` is empty or white space only. */
export function isBlankLine(text: string, line: Line): boolean {
  for (let i = line.start; i < line.contentEnd; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}
