/**
 * ClaimBuster cross-validated: the shipped claim model was trained on these very sentences, so scoring it on
 * them flatters it. Here each fifth of the sentences is linted with a model trained (by the training
 * script's own code) on the other four fifths and the project's news sentences, with the shipped
 * thresholds and cue gate; the five reports are summed.
 */
import * as path from 'node:path';
import * as fs from 'node:fs';
import { claimModelFrom } from '../../../server/src/engine/knowledge/claimModel';
import { analyseChunk } from '../../../server/src/engine/document';
import type { Knowledge } from '../../../server/src/engine/knowledge/knowledge';
import type { Sensitivity } from '../../../server/src/engine/settings';
import { claimBusterExamples, newsExamples } from '../../train/claimData';
import { fitWeights, FOLDS, foldTraining } from '../../train/claimTraining';
import type { ClaimBusterReport } from './claimbuster';
import { claimBusterReport, mergeClaimBusterReports, readClaimBuster } from './claimbuster';

/** Knowledge whose claim model is trained without fold `fold`, one per fold. */
export function foldKnowledge(target: string, knowledge: Knowledge): Knowledge[] {
  const file = fs.statSync(target).isDirectory() ? path.join(target, 'sentences.json') : target;
  const debates = claimBusterExamples(file, knowledge);
  const news = newsExamples(knowledge);
  return Array.from({ length: FOLDS }, (_, fold) => ({
    ...knowledge,
    claimModel: claimModelFrom({
      weights: fitWeights(foldTraining(debates, news, fold)),
      thresholds: { ...knowledge.claimModel.thresholds },
      cueGate: knowledge.claimModel.cueGate,
    }),
  }));
}

/** The ClaimBuster report at `sensitivity`, each sentence linted by the model that did not train on it. */
export function crossValidatedReport(
  target: string,
  folds: readonly Knowledge[],
  sensitivity: Sensitivity,
  examples: number,
): ClaimBusterReport {
  const sentences = readClaimBuster(target);
  return mergeClaimBusterReports(
    folds.map((knowledge, fold) =>
      claimBusterReport(
        sentences.filter((_, i) => i % FOLDS === fold),
        { knowledge, sensitivity, examples: Math.ceil(examples / FOLDS) },
      ),
    ),
  );
}

/** The detector alone, cross-validated: a sentence is a claim when its best sentence score reaches `threshold`. */
export interface DetectorReport {
  threshold: number;
  recall: number;
  flagRate: number;
}

/**
 * The claim detector by itself (no cue words, no frames, no context): each fold's sentences scored by the
 * model that did not train on them, at the shipped standard and strict thresholds.
 */
export function detectorReports(target: string, folds: readonly Knowledge[]): DetectorReport[] {
  const sentences = readClaimBuster(target);
  const scored = sentences.map((row, i) => {
    const knowledge = folds[i % FOLDS];
    const blocks = analyseChunk(row.text, 'plaintext', knowledge).blocks;
    const score = Math.max(0, ...blocks.flatMap((b) => b.sentences.map((s) => s.claimScore)));
    return { score, label: row.label };
  });
  const positives = scored.filter((s) => s.label === 1);
  const negatives = scored.filter((s) => s.label === 0);
  const { standard, strict } = folds[0].claimModel.thresholds;
  return [standard, strict].map((threshold) => ({
    threshold,
    recall: positives.filter((s) => s.score >= threshold).length / positives.length,
    flagRate: negatives.filter((s) => s.score >= threshold).length / negatives.length,
  }));
}
