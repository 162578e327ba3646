/**
 * The claim detector's training sentences, read as the engine reads text: ClaimBuster (Arslan, Hassan, Li &
 * Tremayne 2020, CC BY 4.0; read from `../shared/data/claimbuster`, never copied) and the project's own
 * labelled news sentences (the `dev` attribution corpus files only: a sentence that must be flagged is a
 * claim; one with no frame that must not be is not).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import type { SentenceAnalysis } from '../../server/src/engine/analysis/blockAnalysis';
import { claimFeatures } from '../../server/src/engine/analysis/claimFeatures';
import type { DocumentFormat } from '../../server/src/engine/types';
import { analyseChunk, splitChunks } from '../../server/src/engine/document';
import type { Knowledge } from '../../server/src/engine/knowledge/knowledge';
import { readClaimBuster } from '../eval/real/claimbuster';
import { ROOT } from '../helpers/knowledge';

/** A labelled sentence (or ClaimBuster row): its features, label and origin. */
export interface Labelled {
  features: string[];
  label: 0 | 1;
  /** Where it came from: ClaimBuster sentences are cross-validated; the project's are always trained on. */
  origin: 'claimbuster' | 'news';
  /** ClaimBuster position, for the folds. */
  index: number;
}

function sentencesOf(text: string, format: DocumentFormat, knowledge: Knowledge): SentenceAnalysis[] {
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

const featuresOf = (s: SentenceAnalysis, knowledge: Knowledge): string[] =>
  claimFeatures({ tokens: s.tokens, claims: s.claims, vocabulary: knowledge.attribution });

/** ClaimBuster rows as examples, in file order (`index` is the row's position, for folds). */
export function claimBusterExamples(file: string, knowledge: Knowledge): Labelled[] {
  return readClaimBuster(file).map((row, index) => {
    const features = new Set(sentencesOf(row.text, 'plaintext', knowledge).flatMap((s) => featuresOf(s, knowledge)));
    return { features: [...features], label: row.label, origin: 'claimbuster' as const, index };
  });
}

interface CorpusCase {
  kind: string;
  text: string;
  expect: { rule: string; span: string }[];
}

/** Sentences of the dev attribution corpus: flagged ones are claims; unflagged ones with no frame are not. */
export function newsExamples(knowledge: Knowledge): Labelled[] {
  const folder = path.join(ROOT, 'test', 'eval', 'corpus');
  const examples: Labelled[] = [];
  for (const file of fs
    .readdirSync(folder)
    .filter((f) => /^attribution\.dev.*\.yaml$/.test(f))
    .sort()) {
    const corpus = parse(fs.readFileSync(path.join(folder, file), 'utf8')) as { split: string; cases: CorpusCase[] };
    if (corpus.split !== 'dev') continue;
    for (const c of corpus.cases) {
      if (c.kind === 'quote' || c.kind === 'vague' || c.kind === 'not-vague') continue;
      const spans = c.expect
        .filter((e) => e.rule === 'attribution.missing')
        .map((e) => {
          const start = c.text.indexOf(e.span);
          return { start, end: start + e.span.length };
        });
      for (const s of sentencesOf(c.text, 'markdown', knowledge)) {
        const flagged = spans.some((span) => span.start < s.end && span.end > s.start);
        if (!flagged && s.frames.some((f) => f.kind !== 'none')) continue;
        examples.push({ features: featuresOf(s, knowledge), label: flagged ? 1 : 0, origin: 'news', index: -1 });
      }
    }
  }
  return examples;
}
