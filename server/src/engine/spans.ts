/** Sets of spans looked up by binary search: merge once, then ask whether a span lies inside one. */
import { partitionPoint } from './partitionPoint';
import type { Span } from './types';

/** `spans` sorted and merged into disjoint spans (overlapping or touching ones become one), for `withinAny`. */
export function mergedSpans(spans: readonly Span[]): Span[] {
  const merged: Span[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ start: span.start, end: span.end });
  }
  return merged;
}

/** True when `span` lies inside one of `spans`, which are in order and disjoint (a binary search). */
export function withinAny(spans: readonly Span[], span: Span): boolean {
  const holder = spans[partitionPoint(spans, (s) => s.end < span.end)];
  return holder !== undefined && holder.start <= span.start && holder.end >= span.end;
}
