/**
 * Source documents at newsroom scale (run in a child of run.ts, for a clean RSS; or alone:
 * `node --expose-gc --import tsx test/bench/sourceBench.ts --docs=2000`). Writes N synthetic source documents
 * of about 5 KB (sourceDocs.ts) and measures in one process:
 *  - a bare tokenisation pass over all their text (the floor);
 *  - reading them all into the fact base (metadata and extraction), as the language server's background
 *    indexer does, and the RSS before and after;
 *  - re-reading after one document is edited (only that one is extracted again);
 *  - the lint of a 10 KB draft with the built-in knowledge and with the N documents' facts (lookups stay flat).
 * Prints one JSON line.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintDocument } from '../../server/src/engine/lint';
import { defaultSettings } from '../../server/src/engine/settings';
import { tokenize } from '../../server/src/engine/text/tokens';
import { readBuiltInFiles, readDataFile, readSourceDocument } from '../../server/src/workspace/dataFiles';
import { KnowledgeStore } from '../../server/src/workspace/knowledgeStore';
import { ROOT } from '../helpers/knowledge';
import { DRAFT_SEED, generateDraft, seedSentences } from './drafts';
import { syntheticSource } from './sourceDocs';

export interface SourceBenchResult {
  docs: number;
  totalBytes: number;
  tokenizeMs: number;
  indexMs: number;
  /** Extracted facts and entities in the knowledge. */
  facts: number;
  entities: number;
  rssBeforeMb: number;
  rssAfterMb: number;
  /** Re-reading after one document changed. */
  reindexOneMs: number;
  /** A 10 KB draft about the seeds, linted without and with the sources' facts (lookups stay flat). */
  lintBaseMs: number;
  lintWithSourcesMs: number;
  /** Three sources restated with other numbers (every figure checked), linted with the sources' facts. */
  lintRestatedMs: number;
  restatedFindings: number;
}

const rssMb = (): number => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss / 1e6;
};

/** Runs the source-document benchmark over `docs` generated documents. */
export function runSourceBench(docs: number): SourceBenchResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimlint-sources-bench-'));
  try {
    let totalBytes = 0;
    const texts: string[] = [];
    for (let i = 0; i < docs; i++) {
      const text = syntheticSource(i);
      texts.push(text);
      totalBytes += Buffer.byteLength(text);
      fs.writeFileSync(path.join(dir, `source-${String(i).padStart(5, '0')}.${i % 2 ? 'md' : 'txt'}`), text);
    }
    const t0 = performance.now();
    for (const text of texts) tokenize(text);
    const tokenizeMs = performance.now() - t0;

    const store = new KnowledgeStore(readBuiltInFiles(), readDataFile, readSourceDocument);
    const base = store.get([], []);
    const rssBeforeMb = rssMb();
    const t1 = performance.now();
    const knowledge = store.get([], [], [dir]);
    const indexMs = performance.now() - t1;
    const rssAfterMb = rssMb();
    const facts = [...knowledge.facts.facts.values()].filter((f) => f.extracted).length;
    const entities = knowledge.facts.entities.size - base.facts.entities.size;

    const edited = path.join(dir, 'source-00000.txt');
    fs.appendFileSync(edited, '\n\nThe council said 12,345 new homes would follow.\n');
    store.invalidate();
    store.get([], []);
    const t2 = performance.now();
    store.get([], [], [dir]);
    const reindexOneMs = performance.now() - t2;

    const draft = generateDraft(seedSentences(path.join(ROOT, 'seeds')), 10_000, DRAFT_SEED);
    const restated = texts
      .slice(0, 3)
      .map((t) => t.split('\n\n').slice(1).join('\n\n'))
      .join('\n\n')
      .replace(/\d+/g, '7');
    const lint = (text: string, k: typeof base): { ms: number; findings: number } => {
      const times: number[] = [];
      let findings = 0;
      for (let run = 0; run < 5; run++) {
        const start = performance.now();
        findings = lintDocument({ text, format: 'markdown', settings: defaultSettings(), knowledge: k }).count;
        times.push(performance.now() - start);
      }
      return { ms: times.sort((a, b) => a - b)[2], findings };
    };
    const restatedRun = lint(restated, knowledge);
    return {
      docs,
      totalBytes,
      tokenizeMs,
      indexMs,
      facts,
      entities,
      rssBeforeMb,
      rssAfterMb,
      reindexOneMs,
      lintBaseMs: lint(draft, base).ms,
      lintWithSourcesMs: lint(draft, knowledge).ms,
      lintRestatedMs: restatedRun.ms,
      restatedFindings: restatedRun.findings,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const docs = Number(process.argv.find((a) => a.startsWith('--docs='))?.slice('--docs='.length) ?? 2000);
  process.stdout.write(JSON.stringify(runSourceBench(docs)) + '\n');
}
