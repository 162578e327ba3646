/** Word-level alignment of a draft quotation against a recorded one. */

/** The result of aligning draft words inside a recorded quote. */
export interface Alignment {
  /** Matched draft words / draft words. */
  score: number;
  /** Recorded-word window `[from, to)` the draft aligns to. */
  from: number;
  to: number;
  /** Draft word indexes that do not match the recorded words (changed or inserted). */
  changed: number[];
  /** Draft word indexes right after which recorded words were left out. */
  omittedAfter: number[];
}

/**
 * Aligns all of `draft` against the best window of `recorded` (semi-global: the draft may quote part of
 * the recording). Matching is exact on normalised words; the score is the share of draft words matched.
 */
export function alignQuote(draft: readonly string[], recorded: readonly string[]): Alignment {
  const n = draft.length;
  const m = recorded.length;
  // score[i][j]: best matches aligning draft[0..i) ending at recorded position j (local start in recorded)
  const width = m + 1;
  const score = new Int32Array((n + 1) * width);
  const from = new Int32Array((n + 1) * width);
  const at = (i: number, j: number): number => i * width + j;
  for (let j = 0; j <= m; j++) from[at(0, j)] = j;
  for (let i = 1; i <= n; i++) {
    from[at(i, 0)] = 0;
    for (let j = 1; j <= m; j++) {
      const diag = score[at(i - 1, j - 1)] + (draft[i - 1] === recorded[j - 1] ? 1 : 0);
      const up = score[at(i - 1, j)];
      const left = score[at(i, j - 1)];
      let best = diag;
      let origin = from[at(i - 1, j - 1)];
      if (up > best) {
        best = up;
        origin = from[at(i - 1, j)];
      }
      if (left > best || (left === best && from[at(i, j - 1)] > origin)) {
        best = left;
        origin = from[at(i, j - 1)];
      }
      score[at(i, j)] = best;
      from[at(i, j)] = origin;
    }
  }
  let bestJ = 0;
  for (let j = 1; j <= m; j++) if (score[at(n, j)] > score[at(n, bestJ)]) bestJ = j;
  const start = from[at(n, bestJ)];
  const window = recorded.slice(start, bestJ);
  const { changed, omittedAfter } = diffWords(draft, window);
  return { score: n === 0 ? 0 : score[at(n, bestJ)] / n, from: start, to: bestJ, changed, omittedAfter };
}

/** Draft words not in the longest common subsequence with `window`, and where window words were dropped. */
function diffWords(draft: readonly string[], window: readonly string[]): { changed: number[]; omittedAfter: number[] } {
  const n = draft.length;
  const m = window.length;
  // lcs(i, j): length of the longest common subsequence of draft[i..] and window[j..], row by row
  const width = m + 1;
  const table = new Int32Array((n + 1) * width);
  const lcs = (i: number, j: number): number => table[i * width + j];
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--)
      table[i * width + j] = draft[i] === window[j] ? lcs(i + 1, j + 1) + 1 : Math.max(lcs(i + 1, j), lcs(i, j + 1));
  }
  const changed: number[] = [];
  const omittedAfter: number[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (draft[i] === window[j]) {
      i++;
      j++;
    } else if (lcs(i + 1, j) >= lcs(i, j + 1)) {
      changed.push(i++);
    } else {
      if (omittedAfter[omittedAfter.length - 1] !== i - 1) omittedAfter.push(i - 1);
      j++;
    }
  }
  while (i < n) changed.push(i++);
  return { changed, omittedAfter };
}
