/** Span-overlap scoring shared by the real-corpus reports. */
import type { Span } from '../../../server/src/engine/types';

export interface PrecisionRecall {
  /** Predicted items matched to a gold item. */
  matchedPredicted: number;
  predicted: number;
  /** Gold items matched by a predicted item. */
  matchedGold: number;
  gold: number;
}

export const emptyScore = (): PrecisionRecall => ({ matchedPredicted: 0, predicted: 0, matchedGold: 0, gold: 0 });

export function addScore(into: PrecisionRecall, from: PrecisionRecall): void {
  into.matchedPredicted += from.matchedPredicted;
  into.predicted += from.predicted;
  into.matchedGold += from.matchedGold;
  into.gold += from.gold;
}

export const precision = (s: PrecisionRecall): number => (s.predicted === 0 ? 1 : s.matchedPredicted / s.predicted);
export const recall = (s: PrecisionRecall): number => (s.gold === 0 ? 1 : s.matchedGold / s.gold);

const WORD = /[\p{L}\p{N}]+/gu;

/** The word tokens of `text` as spans: the unit of "token overlap". */
export function wordSpans(text: string): Span[] {
  return [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

const hasWord = (text: string, spans: readonly Span[]): boolean => spans.some((s) => /[\p{L}\p{N}]/u.test(text.slice(s.start, s.end)));

/**
 * True when two fragment lists share at least one word character, or, when one of them holds no word at all
 * (a colon or a dash as cue), when they overlap.
 */
export function sharesWord(text: string, a: readonly Span[], b: readonly Span[]): boolean {
  const marksOnly = !hasWord(text, a) || !hasWord(text, b);
  for (const x of a) {
    for (const y of b) {
      const start = Math.max(x.start, y.start);
      const end = Math.min(x.end, y.end);
      if (start < end && (marksOnly || /[\p{L}\p{N}]/u.test(text.slice(start, end)))) return true;
    }
  }
  return false;
}

/**
 * Item-level score: each predicted item is matched to at most one gold item and vice versa, when they share
 * a word (greedy, in document order).
 */
export function overlapScore(text: string, gold: readonly Span[][], predicted: readonly Span[][]): PrecisionRecall {
  const used = new Set<number>();
  let matchedGold = 0;
  for (const g of gold) {
    const i = predicted.findIndex((p, k) => !used.has(k) && sharesWord(text, g, p));
    if (i >= 0) {
      used.add(i);
      matchedGold++;
    }
  }
  const matchedPredicted = predicted.filter((p) => gold.some((g) => sharesWord(text, g, p))).length;
  return { matchedPredicted, predicted: predicted.length, matchedGold, gold: gold.length };
}

/** Token-level score: the share of predicted word tokens inside gold spans, and of gold tokens predicted. */
export function tokenScore(words: readonly Span[], gold: readonly Span[][], predicted: readonly Span[][]): PrecisionRecall {
  const inside = (w: Span, items: readonly Span[][]): boolean =>
    items.some((item) => item.some((s) => s.start <= w.start && s.end >= w.end));
  const score = emptyScore();
  for (const w of words) {
    const isGold = inside(w, gold);
    const isPredicted = inside(w, predicted);
    if (isGold) score.gold++;
    if (isPredicted) score.predicted++;
    if (isGold && isPredicted) {
      score.matchedGold++;
      score.matchedPredicted++;
    }
  }
  return score;
}
