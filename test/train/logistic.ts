/**
 * L2-regularised logistic regression over binary features, trained by full-batch gradient descent with
 * Adam steps from zero weights: no randomness, so the same data gives the same weights to the last digit.
 */

/** One training example: the indexes of its features that are present, its label and its weight. */
export interface Example {
  features: readonly number[];
  label: 0 | 1;
  weight: number;
}

export interface TrainOptions {
  /** Number of features (indexes run from 0). */
  dimensions: number;
  /** L2 penalty per unit of example weight (the bias, feature 0, is not penalised). */
  l2: number;
  epochs: number;
  rate: number;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** The model's score for `features` under `weights`. */
export function score(weights: readonly number[], features: readonly number[]): number {
  let z = 0;
  for (const f of features) z += weights[f];
  return sigmoid(z);
}

/** Trains weights for `examples`. */
export function train(examples: readonly Example[], options: TrainOptions): number[] {
  const { dimensions, l2, epochs, rate } = options;
  const weights = new Array<number>(dimensions).fill(0);
  const m = new Array<number>(dimensions).fill(0);
  const v = new Array<number>(dimensions).fill(0);
  const total = examples.reduce((sum, e) => sum + e.weight, 0);
  const [beta1, beta2, epsilon] = [0.9, 0.999, 1e-8];
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const gradient = weights.map((w, i) => (i === 0 ? 0 : l2 * w));
    for (const e of examples) {
      const error = (score(weights, e.features) - e.label) * (e.weight / total);
      for (const f of e.features) gradient[f] += error;
    }
    for (let i = 0; i < dimensions; i++) {
      m[i] = beta1 * m[i] + (1 - beta1) * gradient[i];
      v[i] = beta2 * v[i] + (1 - beta2) * gradient[i] * gradient[i];
      const mHat = m[i] / (1 - beta1 ** epoch);
      const vHat = v[i] / (1 - beta2 ** epoch);
      weights[i] -= (rate * mHat) / (Math.sqrt(vHat) + epsilon);
    }
  }
  return weights;
}
