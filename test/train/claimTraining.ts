/**
 * Fitting the claim detector's weights: feature indexing, the logistic regression, thresholds by flag rate,
 * and the measures the training script and the evaluation report.
 */
import type { Labelled } from './claimData';
import type { Example } from './logistic';
import { score, train } from './logistic';

/**
 * How much a project news sentence weighs against a ClaimBuster sentence. News sentences teach what a desk
 * accepts in a reporter's voice; weighed more, they pull the detector away from check-worthiness itself
 * (cross-validated ClaimBuster AUC: 0.878 without them, 0.875 at 0.25, 0.858 at 1, 0.819 at 3).
 */
export const NEWS_WEIGHT = 0.25;
export const MIN_COUNT = 3;
export const OPTIONS = { l2: 0.002, epochs: 400, rate: 0.05 };
export const FOLDS = 5;
/** The share of the project's news claims the cue gate may drop. */
export const NEWS_CUE_LOSS = 0.015;
/** The largest share of not check-worthy ClaimBuster sentences each sensitivity may flag (cross-validated). */
export const FLAG_RATES = { relaxed: 0.08, standard: 0.15, strict: 0.25 } as const;

function indexFeatures(examples: readonly Labelled[]): string[] {
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of e.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  return [
    'bias',
    ...[...counts]
      .filter(([f, n]) => f !== 'bias' && n >= MIN_COUNT)
      .map(([f]) => f)
      .sort(),
  ];
}

function encode(examples: readonly Labelled[], names: readonly string[]): Example[] {
  const index = new Map(names.map((n, i) => [n, i]));
  return examples.map((e) => ({
    features: e.features.map((f) => index.get(f)).filter((i): i is number => i !== undefined),
    label: e.label,
    weight: e.origin === 'news' ? NEWS_WEIGHT : 1,
  }));
}

/** The lowest threshold at which at most `rate` of the negatives score at or above it. */
export function thresholdFor(scores: readonly Scored[], rate: number): number {
  const negatives = scores
    .filter((s) => s.label === 0)
    .map((s) => s.score)
    .sort((a, b) => b - a);
  const allowed = Math.floor(negatives.length * rate);
  return allowed >= negatives.length ? 0 : negatives[allowed] + 1e-9;
}

export function recallAt(scores: readonly Scored[], threshold: number): { recall: number; flagRate: number } {
  const pos = scores.filter((s) => s.label === 1);
  const neg = scores.filter((s) => s.label === 0);
  return {
    recall: pos.filter((s) => s.score >= threshold).length / pos.length,
    flagRate: neg.filter((s) => s.score >= threshold).length / neg.length,
  };
}

export function auc(scores: readonly Scored[]): number {
  const sorted = [...scores].sort((a, b) => a.score - b.score);
  let rankSum = 0;
  sorted.forEach((s, i) => (rankSum += s.label === 1 ? i + 1 : 0));
  const p = sorted.filter((s) => s.label === 1).length;
  const n = sorted.length - p;
  return (rankSum - (p * (p + 1)) / 2) / (p * n);
}

/** A scored held-out sentence. */
export interface Scored {
  score: number;
  label: 0 | 1;
}

/** Weights by feature name for `examples` (features seen fewer than MIN_COUNT times are left out). */
export function fitWeights(examples: readonly Labelled[]): Record<string, number> {
  const names = indexFeatures(examples);
  const weights = train(encode(examples, names), { dimensions: names.length, ...OPTIONS });
  return Object.fromEntries(names.map((n, i) => [n, Number(weights[i].toFixed(4))]));
}

/** The score of `example` under `weights` (unknown features weigh nothing). */
export function scoreWith(weights: Record<string, number>, example: Labelled): number {
  return score(
    [0, ...example.features.map((f) => weights[f] ?? 0)],
    example.features.map((_, i) => i + 1),
  );
}

/** The training examples of fold `fold` for ClaimBuster cross-validation: the other folds and all news. */
export function foldTraining(debates: readonly Labelled[], news: readonly Labelled[], fold: number): Labelled[] {
  return [...debates.filter((e) => e.index % FOLDS !== fold), ...news];
}
