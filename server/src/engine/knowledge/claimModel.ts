/**
 * The claim detector's learned part: a logistic regression over `claimFeatures`, its weights trained by
 * `npm run train:claims` (test/train/trainClaims.ts) into `seeds/claims/model.json`, which is bundled.
 */
import shipped from '../../../../seeds/claims/model.json';
import type { Sensitivity } from '../settings';

/** Weights by feature name, and the score from which a sentence with no claim cue counts as a claim. */
export interface ClaimModel {
  weights: ReadonlyMap<string, number>;
  /** Per sensitivity: the score from which a sentence counts as a check-worthy claim. */
  thresholds: Readonly<Record<Sensitivity, number>>;
  /** The score below which a claim cue ("will", "because") is not trusted: the sentence is surely no claim. */
  cueGate: number;
}

/** The model as `model.json` stores it. */
export interface ClaimModelFile {
  weights: Record<string, number>;
  thresholds: Record<Sensitivity, number>;
  cueGate: number;
}

/** Reads a model file's contents. */
export function claimModelFrom(file: ClaimModelFile): ClaimModel {
  return { weights: new Map(Object.entries(file.weights)), thresholds: { ...file.thresholds }, cueGate: file.cueGate };
}

/** The model that ships with ClaimLint. */
export const SHIPPED_CLAIM_MODEL: ClaimModel = claimModelFrom(shipped as ClaimModelFile);

/** How check-worthy a sentence with these features is, from 0 to 1. Unknown features weigh nothing. */
export function claimScore(model: ClaimModel, features: readonly string[]): number {
  let z = 0;
  for (const f of features) z += model.weights.get(f) ?? 0;
  return 1 / (1 + Math.exp(-z));
}
