/**
 * `npm run train:claims [-- <claimbuster sentences.json or folder>]`: trains the claim detector's logistic
 * regression and writes `seeds/claims/model.json`.
 *
 * Data: ClaimBuster (Arslan, Hassan, Li & Tremayne 2020, CC BY 4.0; read from `../shared/data/claimbuster`,
 * never copied) and the project's own labelled news sentences (the `dev` attribution corpus files only: a
 * sentence that must be flagged is a claim; one with no frame that must not be is not). Features are
 * `claimFeatures` of each sentence, so training reads text exactly as the engine does.
 *
 * Deterministic: fixed folds (by position), zero-initialised full-batch training, sorted feature names.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { claimFeatures } from '../../server/src/engine/analysis/claimFeatures';
import type { SentenceAnalysis } from '../../server/src/engine/analysis/blockAnalysis';
import { analyseChunk, splitChunks } from '../../server/src/engine/document';
import type { DocumentFormat } from '../../server/src/engine/document';
import { builtInKnowledge, ROOT } from '../helpers/knowledge';
import { readClaimBuster } from '../eval/real/claimbuster';
import type { Example } from './logistic';
import { score, train } from './logistic';

interface Labelled {
  features: string[];
  label: 0 | 1;
  /** Where it came from: ClaimBuster sentences are cross-validated; the project's are always trained on. */
  origin: 'claimbuster' | 'news';
  /** ClaimBuster position, for the folds. */
  index: number;
}

const knowledge = builtInKnowledge();

function sentencesOf(text: string, format: DocumentFormat): SentenceAnalysis[] {
  const sentences: SentenceAnalysis[] = [];
  for (const chunk of splitChunks(text, format)) {
    const analysed = analyseChunk(text.slice(chunk.start, chunk.end), format, knowledge);
    for (const block of analysed.blocks) {
      if (block.kind !== 'paragraph') continue;
      for (const s of block.sentences) sentences.push({ ...s, start: s.start + chunk.start, end: s.end + chunk.start });
    }
  }
  return sentences;
}

const featuresOf = (s: SentenceAnalysis): string[] => claimFeatures({ tokens: s.tokens, claims: s.claims, vocabulary: knowledge.attribution });

function claimBusterExamples(file: string): Labelled[] {
  return readClaimBuster(file).map((row, index) => {
    const features = new Set(sentencesOf(row.text, 'plaintext').flatMap(featuresOf));
    return { features: [...features], label: row.label, origin: 'claimbuster' as const, index };
  });
}

interface CorpusCase {
  kind: string;
  text: string;
  expect: { rule: string; span: string }[];
}

/** Sentences of the dev attribution corpus: flagged ones are claims; unflagged ones with no frame are not. */
function newsExamples(): Labelled[] {
  const folder = path.join(ROOT, 'test', 'eval', 'corpus');
  const examples: Labelled[] = [];
  for (const file of fs.readdirSync(folder).filter((f) => /^attribution\.dev.*\.yaml$/.test(f)).sort()) {
    const corpus = parse(fs.readFileSync(path.join(folder, file), 'utf8')) as { split: string; cases: CorpusCase[] };
    if (corpus.split !== 'dev') continue;
    for (const c of corpus.cases) {
      if (c.kind === 'quote' || c.kind === 'vague' || c.kind === 'not-vague') continue;
      const spans = c.expect.filter((e) => e.rule === 'attribution.missing').map((e) => {
        const start = c.text.indexOf(e.span);
        return { start, end: start + e.span.length };
      });
      for (const s of sentencesOf(c.text, 'markdown')) {
        const flagged = spans.some((span) => span.start < s.end && span.end > s.start);
        if (!flagged && s.frames.some((f) => f.kind !== 'none')) continue;
        examples.push({ features: featuresOf(s), label: flagged ? 1 : 0, origin: 'news', index: -1 });
      }
    }
  }
  return examples;
}

/** Project news sentences weigh this much more than a debate sentence: drafts are not debates. */
const NEWS_WEIGHT = 3;
const MIN_COUNT = 3;
const OPTIONS = { l2: 0.002, epochs: 400, rate: 0.05 };
const FOLDS = 5;
/** The share of the project's news claims the cue gate may drop. */
const NEWS_CUE_LOSS = 0.02;
/** The largest share of not check-worthy ClaimBuster sentences each sensitivity may flag (cross-validated). */
const FLAG_RATES = { relaxed: 0.08, standard: 0.15, strict: 0.25 } as const;

function indexFeatures(examples: readonly Labelled[]): string[] {
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of e.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  return ['bias', ...[...counts].filter(([f, n]) => f !== 'bias' && n >= MIN_COUNT).map(([f]) => f).sort()];
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
function thresholdFor(scores: readonly { score: number; label: 0 | 1 }[], rate: number): number {
  const negatives = scores.filter((s) => s.label === 0).map((s) => s.score).sort((a, b) => b - a);
  const allowed = Math.floor(negatives.length * rate);
  return allowed >= negatives.length ? 0 : negatives[allowed] + 1e-9;
}

function recallAt(scores: readonly { score: number; label: 0 | 1 }[], threshold: number): { recall: number; flagRate: number } {
  const pos = scores.filter((s) => s.label === 1);
  const neg = scores.filter((s) => s.label === 0);
  return { recall: pos.filter((s) => s.score >= threshold).length / pos.length, flagRate: neg.filter((s) => s.score >= threshold).length / neg.length };
}

function auc(scores: readonly { score: number; label: 0 | 1 }[]): number {
  const sorted = [...scores].sort((a, b) => a.score - b.score);
  let rankSum = 0;
  sorted.forEach((s, i) => (rankSum += s.label === 1 ? i + 1 : 0));
  const p = sorted.filter((s) => s.label === 1).length;
  const n = sorted.length - p;
  return (rankSum - (p * (p + 1)) / 2) / (p * n);
}

function main(): void {
  const target = process.argv[2] ?? path.join(ROOT, '..', 'shared', 'data', 'claimbuster', 'sentences.json');
  const started = Date.now();
  const debates = claimBusterExamples(fs.statSync(target).isDirectory() ? path.join(target, 'sentences.json') : target);
  const news = newsExamples();
  console.log(`examples: ${debates.length} ClaimBuster sentences, ${news.length} project news sentences (${news.filter((e) => e.label === 1).length} claims), read in ${Date.now() - started} ms`);

  // cross-validation on ClaimBuster: each fold is scored by a model trained on the other folds and all news
  const held: { score: number; label: 0 | 1 }[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const training = [...debates.filter((e) => e.index % FOLDS !== fold), ...news];
    const names = indexFeatures(training);
    const weights = train(encode(training, names), { dimensions: names.length, ...OPTIONS });
    for (const e of encode(debates.filter((d) => d.index % FOLDS === fold), names)) held.push({ score: score(weights, e.features), label: e.label });
  }
  console.log(`cross-validated AUC ${auc(held).toFixed(3)}`);
  const thresholds: Record<string, number> = {};
  for (const [sensitivity, rate] of Object.entries(FLAG_RATES)) {
    const threshold = thresholdFor(held, rate);
    const at = recallAt(held, threshold);
    thresholds[sensitivity] = Number(threshold.toFixed(4));
    console.log(`${sensitivity.padEnd(9)} threshold ${threshold.toFixed(3)}: recall ${at.recall.toFixed(3)}, flag rate ${at.flagRate.toFixed(3)}`);
  }

  // the gate below which a sentence's claim cue is not trusted: it keeps all but NEWS_CUE_LOSS of the
  // project's news claims (scored by fold models too), and is never above the standard threshold
  const newsHeld: number[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const training = [...debates, ...news.filter((_, i) => i % FOLDS !== fold)];
    const names = indexFeatures(training);
    const weights = train(encode(training, names), { dimensions: names.length, ...OPTIONS });
    encode(news, names).forEach((e, i) => i % FOLDS === fold && e.label === 1 && newsHeld.push(score(weights, e.features)));
  }
  newsHeld.sort((a, b) => a - b);
  const cueGate = Math.min(newsHeld[Math.floor(newsHeld.length * NEWS_CUE_LOSS)], thresholds.standard);
  const gated = held.filter((h) => h.score < cueGate);
  console.log(`cue gate ${cueGate.toFixed(3)}: below it ${gated.filter((h) => h.label === 0).length} not check-worthy and ${gated.filter((h) => h.label === 1).length} check-worthy ClaimBuster sentences (cross-validated)`);

  const all = [...debates, ...news];
  const names = indexFeatures(all);
  const weights = train(encode(all, names), { dimensions: names.length, ...OPTIONS });
  const model = {
    about: 'Claim detector weights: logistic regression over claimFeatures (server/src/engine/analysis/claimFeatures.ts). Written by `npm run train:claims`; do not edit by hand.',
    data: 'ClaimBuster (Arslan, Hassan, Li & Tremayne 2020, CC BY 4.0) and the project dev attribution corpus',
    options: { ...OPTIONS, newsWeight: NEWS_WEIGHT, minCount: MIN_COUNT, folds: FOLDS },
    crossValidated: { auc: Number(auc(held).toFixed(4)) },
    thresholds,
    cueGate: Number(cueGate.toFixed(4)),
    weights: Object.fromEntries(names.map((n, i) => [n, Number(weights[i].toFixed(4))])),
  };
  const out = path.join(ROOT, 'seeds', 'claims', 'model.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(model, null, 1) + '\n');
  console.log(`wrote ${path.relative(ROOT, out)}: ${names.length} weights, in ${Date.now() - started} ms`);
}

main();
