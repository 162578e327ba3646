/**
 * Fact lookup against fact bases of growing size: the built-in data alone, then with 1k, 10k and 100k
 * synthetic facts appended (see syntheticFacts.ts). For each: the knowledge build time and the heap it
 * keeps, the cost of `readSentenceFacts` (mentions, cues, candidate facts) over every sentence of a fixed
 * draft, and a full lint of that draft. Lookup should cost the same whatever the size of the base.
 *
 * Runs in a child process of run.ts (`node --expose-gc --import tsx test/bench/factLookup.ts --sizes=0,1000`), so the
 * gigabytes a 100k-fact YAML parse allocates neither skew nor outlive the other measurements. It prints
 * its result as JSON on the last line of stdout.
 */
import * as path from 'node:path';
import * as fs from 'node:fs';
import type { SentenceAnalysis } from '../../server/src/engine/document';
import { analyseChunk, splitChunks } from '../../server/src/engine/document';
import type { Knowledge } from '../../server/src/engine/knowledge/knowledge';
import { buildKnowledge } from '../../server/src/engine/knowledge/knowledge';
import { lintDocument } from '../../server/src/engine/lint';
import { computeSentenceFacts } from '../../server/src/engine/facts/sentenceFacts';
import { defaultSettings } from '../../server/src/engine/settings';
import { readBuiltInFiles } from '../../server/src/workspace/dataFiles';
import { ROOT } from '../helpers/knowledge';
import { generateDraft, seedSentences } from './drafts';
import { median, now, round, timeRuns } from './stats';
import { seedPassages, syntheticFactBase, syntheticSentence } from './syntheticFacts';

export interface FactLookupRow {
  /** Synthetic facts appended to the built-in data (0: built-in only). */
  syntheticFacts: number;
  totalFacts: number;
  entities: number;
  /** Size of the synthetic YAML files. */
  dataBytes: number;
  /** Problems reported while loading (should be 0). */
  problems: number;
  buildMs: number;
  /** Heap kept by the built knowledge after a full GC (MB), when GC could be forced. */
  retainedHeapMb?: number;
  /** Peak RSS of the process so far (MB): sizes grow, so this is the peak of this build. */
  peakRssMb: number;
  sentences: number;
  /** Median time of `readSentenceFacts` per sentence (µs). */
  lookupUsPerSentence: number;
  /** Candidate facts found per sentence, on average. */
  candidatesPerSentence: number;
  /** Median full lint of the fixed draft (ms). */
  lintMs: number;
  /** First lint with this knowledge (lazily built indexes included), ms. */
  firstLintMs: number;
  findings: number;
  contradictions: number;
}

export interface FactLookupResult {
  draftBytes: number;
  rows: FactLookupRow[];
}

const gc = (globalThis as { gc?: () => void }).gc;

function heapMb(): number | undefined {
  if (!gc) return undefined;
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1e6;
}

function peakRssMb(): number {
  try {
    const status = fs.readFileSync('/proc/self/status', 'utf8');
    const match = /VmHWM:\s+(\d+)\s+kB/.exec(status);
    if (match) return Number(match[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.memoryUsage().rss / 1e6;
}

export function runFactLookup(sizes: readonly number[], log: (line: string) => void = () => undefined): FactLookupResult {
  const builtIn = readBuiltInFiles(path.join(ROOT, 'seeds'));
  const passages = seedPassages(builtIn.seeds);
  const pool = seedSentences(path.join(ROOT, 'seeds'));
  const draft = generateDraft(pool, 50_000, 77, { extraSentences: (r) => (r.chance(0.25) ? syntheticSentence(r) : undefined) });
  const settings = defaultSettings();
  // the draft's sentences, analysed once per fact base (entity mentions depend on it): lookups are timed on
  // their own
  const analysedSentences = (knowledge: Knowledge): { text: string; sentence: SentenceAnalysis }[] => {
    const found: { text: string; sentence: SentenceAnalysis }[] = [];
    for (const chunk of splitChunks(draft, 'markdown')) {
      if (chunk.kind !== 'prose') continue;
      const analysed = analyseChunk(draft.slice(chunk.start, chunk.end), 'markdown', knowledge);
      for (const block of analysed.blocks) for (const sentence of block.sentences) found.push({ text: analysed.text, sentence });
    }
    return found;
  };
  let sentenceCount = 0;
  // builds first (one at a time, each measured on its own), then the lookups and lints of every base in
  // turns, so that a change of load on the machine during the run hits every size alike
  const built: {
    size: number;
    knowledge: Knowledge;
    sentences: ReturnType<typeof analysedSentences>;
    row: Omit<FactLookupRow, 'lookupUsPerSentence' | 'lintMs'>;
  }[] = [];
  const lookupWith = (knowledge: Knowledge, sentences: ReturnType<typeof analysedSentences>) => (): number => {
    let candidates = 0;
    for (const { text, sentence } of sentences) candidates += computeSentenceFacts(text, sentence, knowledge.facts).candidates.length;
    return candidates;
  };
  const lintWith = (knowledge: Knowledge) => (): ReturnType<typeof lintDocument> =>
    lintDocument({ text: draft, format: 'markdown', settings, knowledge });
  for (const size of sizes) {
    let base = size > 0 ? syntheticFactBase(size, passages) : { files: [], entityCount: 0, factCount: 0, quoteFacts: 0 };
    const dataBytes = base.files.reduce((sum, f) => sum + Buffer.byteLength(f.text), 0);
    const before = heapMb();
    const started = now();
    const knowledge = buildKnowledge({ ...builtIn, factFiles: [...builtIn.factFiles, ...base.files] });
    const buildMs = now() - started;
    base = { files: [], entityCount: 0, factCount: 0, quoteFacts: 0 };
    const after = heapMb();
    const peak = peakRssMb();
    const sentences = analysedSentences(knowledge);
    sentenceCount = sentences.length;
    const candidates = lookupWith(knowledge, sentences)();
    const firstStart = now();
    const outcome = lintWith(knowledge)();
    const firstLintMs = now() - firstStart;
    built.push({
      size,
      knowledge,
      sentences,
      row: {
        syntheticFacts: size,
        totalFacts: knowledge.facts.facts.size,
        entities: knowledge.facts.entities.size,
        dataBytes,
        problems: knowledge.problems.length,
        buildMs: round(buildMs, 1),
        ...(before !== undefined && after !== undefined ? { retainedHeapMb: round(after - before, 1) } : {}),
        peakRssMb: round(peak, 0),
        sentences: sentences.length,
        candidatesPerSentence: round(candidates / sentences.length, 3),
        firstLintMs: round(firstLintMs, 2),
        findings: outcome.findings.length,
        contradictions: outcome.findings.filter((f) => f.rule === 'fact.contradiction').length,
      },
    });
    log(
      `  facts +${size}: build ${buildMs.toFixed(0)} ms` +
        (knowledge.problems.length
          ? `, ${knowledge.problems.length} data problem(s): ${knowledge.problems
              .slice(0, 2)
              .map((p) => p.message)
              .join('; ')}`
          : ''),
    );
  }
  heapMb();
  const lookupSamples = built.map(() => [] as number[]);
  const lintSamples = built.map(() => [] as number[]);
  for (let turn = 0; turn < 7; turn++) {
    built.forEach(({ knowledge, sentences }, i) => {
      lookupSamples[i].push(...timeRuns(lookupWith(knowledge, sentences), { runs: 9, warmup: 1 }));
      lintSamples[i].push(...timeRuns(lintWith(knowledge), { runs: 1, warmup: 0 }));
    });
  }
  const rows: FactLookupRow[] = built.map(({ row }, i) => ({
    ...row,
    lookupUsPerSentence: round((median(lookupSamples[i]) * 1000) / sentenceCount, 2),
    lintMs: round(median(lintSamples[i]), 2),
  }));
  for (const row of rows) log(`  facts +${row.syntheticFacts}: lookup ${row.lookupUsPerSentence} µs/sentence, lint ${row.lintMs} ms`);
  return { draftBytes: Buffer.byteLength(draft), rows };
}

if (require.main === module) {
  const sizes = (process.argv.find((a) => a.startsWith('--sizes='))?.slice('--sizes='.length) ?? '0,1000,10000,100000')
    .split(',')
    .map(Number);
  const result = runFactLookup(sizes, (line) => process.stderr.write(line + '\n'));
  process.stdout.write(JSON.stringify(result) + '\n');
}
