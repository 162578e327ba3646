/** A line of text: `[start, contentEnd)` is its content, `next` the offset after its line break. */
export interface Line {
  start: number;
  contentEnd: number;
  next: number;
}

const LINE_BREAK = /\r\n?|\n/g;

/** The lines of `text`, treating CRLF, CR and LF alike. */
export function lines(text: string): Line[] {
  const found: Line[] = [];
  let start = 0;
  LINE_BREAK.lastIndex = 0;
  for (let m = LINE_BREAK.exec(text); m; m = LINE_BREAK.exec(text)) {
    found.push({ start, contentEnd: m.index, next: m.index + m[0].length });
    start = m.index + m[0].length;
  }
  if (start < text.length) found.push({ start, contentEnd: text.length, next: text.length });
  return found;
}

/** The line starting at `start` (which must be a line start or `text.length`). */
export function lineAt(text: string, start: number): Line {
  let i = start;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return { start, contentEnd: i, next: i + 1 };
    if (c === 13) return { start, contentEnd: i, next: text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1 };
  }
  return { start, contentEnd: i, next: i };
}

/** True when `text[line.start, line.contentEnd)` is empty or white space only. */
export function isBlankLine(text: string, line: Line): boolean {
  for (let i = line.start; i < line.contentEnd; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}
