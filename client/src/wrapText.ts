/** Line wrapping that keeps every offset (no VS Code API here, so unit tests can load it). */

/** How wide a source line may run before it is wrapped. */
const WRAP_COLUMN = 100;

/**
 * Wraps long lines at spaces by turning the space into a line break: every character keeps its offset, so a
 * passage's offset in the seed is its offset in the window too.
 */
export function wrapKeepingOffsets(text: string, column = WRAP_COLUMN): string {
  const out = text.split('');
  let lineStart = 0;
  let lastSpace = -1;
  for (let i = 0; i < out.length; i++) {
    if (out[i] === '\n') {
      lineStart = i + 1;
      lastSpace = -1;
      continue;
    }
    if (out[i] === ' ') lastSpace = i;
    if (i - lineStart >= column && lastSpace > lineStart) {
      out[lastSpace] = '\n';
      lineStart = lastSpace + 1;
      lastSpace = -1;
    }
  }
  return out.join('');
}
