/**
 * `npm run train:claims [-- <claimbuster sentences.json or folder>]`: trains the claim detector's logistic
 * regression and writes `seeds/claims/model.json` (weights, a threshold per sensitivity, the cue gate).
 *
 * Deterministic: fixed folds (by position), zero-initialised full-batch training, sorted feature names.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtInKnowledge, ROOT } from '../helpers/knowledge';
import { claimBusterExamples, newsExamples } from './claimData';
import type { Scored } from './claimTraining';
import {
  auc,
  FLAG_RATES,
  fitWeights,
  FOLDS,
  foldTraining,
  MIN_COUNT,
  NEWS_CUE_LOSS,
  NEWS_WEIGHT,
  OPTIONS,
  recallAt,
  scoreWith,
  thresholdFor,
} from './claimTraining';

function main(): void {
  const target = process.argv[2] ?? path.join(ROOT, '..', 'shared', 'data', 'claimbuster', 'sentences.json');
  const started = Date.now();
  const knowledge = builtInKnowledge();
  const debates = claimBusterExamples(fs.statSync(target).isDirectory() ? path.join(target, 'sentences.json') : target, knowledge);
  const news = newsExamples(knowledge);
  console.log(
    `examples: ${debates.length} ClaimBuster sentences, ${news.length} project news sentences (${news.filter((e) => e.label === 1).length} claims), read in ${Date.now() - started} ms`,
  );

  // cross-validation on ClaimBuster: each fold is scored by a model trained on the other folds and all news
  const held: Scored[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const weights = fitWeights(foldTraining(debates, news, fold));
    for (const e of debates.filter((d) => d.index % FOLDS === fold)) held.push({ score: scoreWith(weights, e), label: e.label });
  }
  console.log(`cross-validated AUC ${auc(held).toFixed(3)}`);
  const thresholds: Record<string, number> = {};
  for (const [sensitivity, rate] of Object.entries(FLAG_RATES)) {
    const threshold = thresholdFor(held, rate);
    const at = recallAt(held, threshold);
    thresholds[sensitivity] = Number(threshold.toFixed(4));
    console.log(
      `${sensitivity.padEnd(9)} threshold ${threshold.toFixed(3)}: recall ${at.recall.toFixed(3)}, flag rate ${at.flagRate.toFixed(3)}`,
    );
  }

  // the gate below which a sentence's claim cue is not trusted: it keeps all but NEWS_CUE_LOSS of the
  // project's news claims (scored by fold models too), and is never above the standard threshold
  const newsHeld: number[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const weights = fitWeights([...debates, ...news.filter((_, i) => i % FOLDS !== fold)]);
    news.forEach((e, i) => i % FOLDS === fold && e.label === 1 && newsHeld.push(scoreWith(weights, e)));
  }
  newsHeld.sort((a, b) => a - b);
  const cueGate = Math.min(newsHeld[Math.floor(newsHeld.length * NEWS_CUE_LOSS)], thresholds.standard);
  const gated = held.filter((h) => h.score < cueGate);
  console.log(
    `cue gate ${cueGate.toFixed(3)}: below it ${gated.filter((h) => h.label === 0).length} not check-worthy and ${gated.filter((h) => h.label === 1).length} check-worthy ClaimBuster sentences (cross-validated)`,
  );

  const weights = fitWeights([...debates, ...news]);
  const model = {
    about:
      'Claim detector weights: logistic regression over claimFeatures (server/src/engine/analysis/claimFeatures.ts). Written by `npm run train:claims`; do not edit by hand.',
    data: 'ClaimBuster (Arslan, Hassan, Li & Tremayne 2020, CC BY 4.0) and the project dev attribution corpus',
    options: { ...OPTIONS, newsWeight: NEWS_WEIGHT, minCount: MIN_COUNT, folds: FOLDS },
    crossValidated: { auc: Number(auc(held).toFixed(4)) },
    thresholds,
    cueGate: Number(cueGate.toFixed(4)),
    weights,
  };
  const out = path.join(ROOT, 'seeds', 'claims', 'model.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(model, null, 1) + '\n');
  console.log(`wrote ${path.relative(ROOT, out)}: ${Object.keys(weights).length} weights, in ${Date.now() - started} ms`);
}

main();
