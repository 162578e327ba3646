/**
 * How a source article is shown in a window of its own, shared by the extension (which serves the window) and
 * the server (which points diagnostics at passages in it): wrapped without moving any offset, titled by
 * headline and outlet, under the `claimlint-source` scheme. No editor API here.
 */

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

/** The scheme of source-article windows: `claimlint-source:/<headline> — <outlet>.txt?seed=<file under seeds/>`. */
export const SOURCE_SCHEME = 'claimlint-source';

/** A title safe as a path segment: no slashes or backslashes, at most 120 characters. */
function segment(title: string): string {
  const safe = title.replace(/[\\/]/g, '\u2215').replace(/\s+/g, ' ').trim();
  return safe.length > 120 ? `${safe.slice(0, 119)}\u2026` : safe;
}

/** "<headline> — <outlet>", or the seed's file name when neither is known. */
export function sourceWindowName(seed: string, title: string | undefined, outlet: string | undefined): string {
  return (
    [title, outlet]
      .filter((p): p is string => !!p && p.trim() !== '')
      .map(segment)
      .join(' \u2014 ') || seed
  );
}

/** The URI of a seed's window, as a string. */
export function sourceWindowUri(seed: string, title: string | undefined, outlet: string | undefined): string {
  return `${SOURCE_SCHEME}:/${encodeURIComponent(sourceWindowName(seed, title, outlet))}.txt?seed=${encodeURIComponent(seed)}`;
}
