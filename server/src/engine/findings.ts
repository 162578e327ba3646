import type { Finding } from './types';
import { partitionPoint } from './partitionPoint';

/** `finding` with its span and every fix edit moved by `delta` characters. */
export function shiftFinding(finding: Finding, delta: number): Finding {
  if (delta === 0) return finding;
  return {
    ...finding,
    start: finding.start + delta,
    end: finding.end + delta,
    fixes: finding.fixes.map((fix) => ({
      ...fix,
      edits: fix.edits.map((edit) => ({ ...edit, start: edit.start + delta, end: edit.end + delta })),
    })),
  };
}

/** Document order: by start, then end, then rule id. */
export function byPosition(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

/**
 * The `keep` findings that start nearest `focus` (the earlier one on a tie), as a contiguous run of
 * `sorted` (findings sorted by start), still in order.
 */
export function nearestFindings(sorted: readonly Finding[], focus: number, keep: number): Finding[] {
  if (keep >= sorted.length) return [...sorted];
  // from the first finding starting at or after the focus, widen to whichever side is nearer
  let from = partitionPoint(sorted, (f) => f.start < focus);
  let to = from;
  while (to - from < keep) {
    const takeBefore = to >= sorted.length || (from > 0 && focus - sorted[from - 1].start <= sorted[to].start - focus);
    if (takeBefore) from--;
    else to++;
  }
  return sorted.slice(from, to);
}
