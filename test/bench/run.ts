/**
 * ClaimLint performance benchmark (`npm run bench`: builds, then runs this file with tsx).
 *
 *   tsx test/bench/run.ts [--quick] [--skip=lint,peers,edit,facts,sources,server,soak,cli]
 *
 * Measures, on generated Markdown news drafts of 10 KB, 100 KB and 1 MB (drafts.ts):
 *  - cold full lint (`lintDocument` without a cache), against three floors over the same text: a single regex
 *    word scan, the engine's own `tokenize`, and one pass of the tagger alone (wink-nlp reading each
 *    paragraph for sentences and parts of speech, as the engine has it do); time per KB at each size;
 *  - peer linters (write-good, alex, harper.js) on the same text, when installed;
 *  - fact lookup and knowledge build with 1k, 10k and 100k synthetic facts (factLookup.ts, in a child);
 *  - the parts of edit-to-diagnostics in-process: engine re-lint, conversion to LSP, the message (editPath.ts);
 *  - the language server over stdio: open-to-diagnostics, edit-to-diagnostics (debounce 0) and RSS, also
 *    after 10,000 small edits (serverBench.ts);
 *  - the CLI over 2,000 small drafts with 1 and 2 workers (cliBench.ts);
 *  - 2,000 source documents of 5 KB read into the fact base: time, RSS, one edited, lookups (sourceBench.ts).
 * Prints a table with PASS/MISS against the targets and writes test/bench/results/latest.json. It never
 * fails on a missed target: it is a benchmark, not a test. Timings are medians; the machine is noisy, so
 * ratios against floors and peers measured in the same run are the numbers to compare across machines.
 */
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { splitChunks } from '../../server/src/engine/document';
import type { Knowledge } from '../../server/src/engine/knowledge/knowledge';
import { buildKnowledge } from '../../server/src/engine/knowledge/knowledge';
import { lintDocument } from '../../server/src/engine/lint';
import { defaultSettings } from '../../server/src/engine/settings';
import { tokenize } from '../../server/src/engine/text/tokens';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { readBuiltInFiles } from '../../server/src/workspace/dataFiles';
import { ROOT } from '../helpers/knowledge';
import type { CliResult } from './cliBench';
import { runCliBench } from './cliBench';
import { DRAFT_SEED, generateDraft, seedSentences } from './drafts';
import { benchEditPath } from './editPath';
import type { FactLookupResult } from './factLookup';
import type { SourceBenchResult } from './sourceBench';
import { loadPeers } from './peers';
import type { ServerSizeResult, SoakResult } from './serverBench';
import { runServerLatency, runServerSoak } from './serverBench';
import { fmtMs, fmtRatio, median, now, round, timeRuns, timeRunsAsync } from './stats';

const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const SKIP = new Set((args.find((a) => a.startsWith('--skip='))?.slice('--skip='.length) ?? '').split(',').filter(Boolean));

const SIZES = QUICK ? [10_000, 100_000] : [10_000, 100_000, 1_000_000];
const FACT_SIZES = QUICK ? [0, 1_000, 10_000] : [0, 1_000, 10_000, 100_000];
const SOAK_EDITS = QUICK ? 1_000 : 10_000;
const SOAK_BATCH = 250;
/** Idle time before the last RSS reading of the soak (V8 shrinks its heap once allocation stops). */
const SOAK_IDLE_MS = 5_000;
const CLI_DRAFTS = QUICK ? 200 : 2_000;
const SOURCE_DOCS = QUICK ? 200 : 2_000;
const CLI_DRAFT_BYTES = 1_500;
const RESULTS_DIR = path.join(__dirname, 'results');

const log = (line: string): void => void process.stderr.write(line + '\n');

function sizeLabel(bytes: number): string {
  return bytes >= 1_000_000 ? `${bytes / 1_000_000} MB` : `${bytes / 1_000} KB`;
}

interface LintRow {
  size: number;
  bytes: number;
  chunks: number;
  uniqueChunks: number;
  findings: number;
  findingsByRule: Record<string, number>;
  lintMs: number[];
  lintMedianMs: number;
  /** Fastest run: the least disturbed by other load on the machine. */
  lintMinMs: number;
  msPerKb: number;
  regexFloorMs: number;
  tokenizeFloorMs: number;
  /** One pass of wink-nlp alone over the draft's paragraphs (sentences and parts of speech). */
  taggerFloorMs: number;
  ratioToRegex: number;
  ratioToTokenize: number;
  ratioToTagger: number;
}

interface PeerRow {
  peer: string;
  version: string;
  size: number;
  ms: number[];
  medianMs: number;
  findings: number;
  /** ClaimLint's median over the peer's: below 1 ClaimLint is faster. */
  claimlintOverPeer: number;
}

interface Target {
  target: string;
  measured: string;
  pass: boolean | null;
}

function loadavg(): number[] {
  return os.loadavg().map((v) => round(v, 2));
}

function gitCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

/** Samples per round of the lint bench, by size: rounds alternate sizes so load drift hits all alike. */
function lintSamplesPerRound(size: number): number {
  return size >= 1_000_000 ? 1 : size >= 100_000 ? 2 : 8;
}
const LINT_ROUNDS = 5;

function benchLint(texts: Map<number, string>, knowledge: Knowledge): LintRow[] {
  const settings = defaultSettings();
  const nlp = winkNLP(model, ['sbd', 'pos']);
  const cases = [...texts].map(([size, text]) => {
    const wordPattern = /[\p{L}\p{N}]+/gu;
    return {
      size,
      text,
      lint: (): ReturnType<typeof lintDocument> => lintDocument({ text, format: 'markdown', settings, knowledge }),
      regexScan: (): number => {
        let count = 0;
        wordPattern.lastIndex = 0;
        while (wordPattern.exec(text)) count++;
        return count;
      },
      tokenizeScan: (): number => tokenize(text).length,
      tagScan: (): number => {
        let count = 0;
        for (const paragraph of text.split(/\n\s*\n/)) count += nlp.readDoc(paragraph).tokens().out(nlp.its.pos).length;
        return count;
      },
      lintMs: [] as number[],
      regexMs: [] as number[],
      tokenizeMs: [] as number[],
      tagMs: [] as number[],
    };
  });
  // one untimed pass of everything (JIT warm-up, lazily built indexes), then alternating rounds
  const outcomes = cases.map((c) => c.lint());
  for (let turn = 0; turn < LINT_ROUNDS; turn++) {
    for (const c of cases) {
      c.lintMs.push(...timeRuns(c.lint, { runs: lintSamplesPerRound(c.size), warmup: 0 }));
      c.regexMs.push(...timeRuns(c.regexScan, { runs: 5, warmup: 1 }));
      c.tokenizeMs.push(...timeRuns(c.tokenizeScan, { runs: 5, warmup: 1 }));
      c.tagMs.push(...timeRuns(c.tagScan, { runs: lintSamplesPerRound(c.size), warmup: 1 }));
    }
    log(
      `  lint round ${turn + 1}/${LINT_ROUNDS}: ${cases.map((c) => `${sizeLabel(c.size)} ${fmtMs(c.lintMs[c.lintMs.length - 1])}`).join(', ')}`,
    );
  }
  return cases.map((c, i) => {
    const bytes = Buffer.byteLength(c.text);
    const chunks = splitChunks(c.text, 'markdown');
    const findingsByRule: Record<string, number> = {};
    for (const f of outcomes[i].findings) findingsByRule[f.rule] = (findingsByRule[f.rule] ?? 0) + 1;
    const lintMedianMs = median(c.lintMs);
    const row: LintRow = {
      size: c.size,
      bytes,
      chunks: chunks.length,
      uniqueChunks: new Set(chunks.map((chunk) => c.text.slice(chunk.start, chunk.end))).size,
      findings: outcomes[i].findings.length,
      findingsByRule,
      lintMs: c.lintMs.map((v) => round(v, 2)),
      lintMedianMs: round(lintMedianMs, 2),
      lintMinMs: round(Math.min(...c.lintMs), 2),
      msPerKb: round(lintMedianMs / (bytes / 1000), 3),
      regexFloorMs: round(median(c.regexMs), 3),
      tokenizeFloorMs: round(median(c.tokenizeMs), 3),
      taggerFloorMs: round(median(c.tagMs), 3),
      ratioToRegex: round(lintMedianMs / median(c.regexMs), 1),
      ratioToTokenize: round(lintMedianMs / median(c.tokenizeMs), 1),
      ratioToTagger: round(lintMedianMs / median(c.tagMs), 2),
    };
    log(
      `  lint ${sizeLabel(c.size)}: ${fmtMs(row.lintMedianMs)} median of ${row.lintMs.length}, regex floor ${fmtMs(row.regexFloorMs)}, tokenize floor ${fmtMs(row.tokenizeFloorMs)}, tagger alone ${fmtMs(row.taggerFloorMs)}, ${row.findings} findings`,
    );
    return row;
  });
}

async function benchPeers(
  texts: Map<number, string>,
  lintRows: LintRow[],
): Promise<{ rows: PeerRow[]; missing: { name: string; reason: string }[]; setupMs: Record<string, number> }> {
  const { peers, missing, setupMs } = await loadPeers(ROOT);
  for (const m of missing)
    log(`  peer ${m.name}: skipped (${m.reason}); install it (see test/bench/README.md) or set CLAIMLINT_BENCH_PEERS`);
  const rows: PeerRow[] = [];
  for (const peer of peers) {
    for (const [size, text] of texts) {
      const big = size >= 1_000_000;
      let findings = 0;
      const ms = await timeRunsAsync(
        async () => {
          findings = await peer.lint(text);
        },
        { runs: big ? 2 : 7, warmup: big ? 0 : 1, budgetMs: big ? 15_000 : 6_000, minRuns: 1 },
      );
      const claimlint = lintRows.find((r) => r.size === size)?.lintMedianMs ?? NaN;
      const row: PeerRow = {
        peer: peer.name,
        version: peer.version,
        size,
        ms: ms.map((v) => round(v, 2)),
        medianMs: round(median(ms), 2),
        findings,
        claimlintOverPeer: round(claimlint / median(ms), 3),
      };
      rows.push(row);
      log(`  ${peer.name} ${sizeLabel(size)}: ${fmtMs(row.medianMs)}, ${findings} findings`);
    }
  }
  return { rows, missing, setupMs };
}

/** Runs factLookup.ts in a child process (its 100k-fact build allocates gigabytes). */
function benchFacts(sizes: readonly number[]): Promise<FactLookupResult> {
  return benchInChild<FactLookupResult>('factLookup.ts', [`--sizes=${sizes.join(',')}`]);
}

/** Runs a benchmark script in a child process (its own heap and RSS) and parses the JSON of its last line. */
function benchInChild<T>(script: string, args: readonly string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', path.join(__dirname, script), ...args],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const last = stdout.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(new Error(`${script} exited with ${code} without a result`));
      }
    });
  });
}

/** Left-aligns the first `leftColumns` columns, right-aligns the rest. */
function pad(cells: string[], widths: number[], leftColumns: number): string {
  return cells
    .map((c, i) => (i < leftColumns ? c.padEnd(widths[i]) : c.padStart(widths[i])))
    .join('  ')
    .trimEnd();
}

function table(title: string, header: string[], rows: string[][], leftColumns = 1): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const lines = [
    `\n${title}`,
    pad(header, widths, leftColumns),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map((r) => pad(r, widths, leftColumns)),
  ];
  return lines.join('\n');
}

function verdict(pass: boolean | null): string {
  return pass === null ? 'n/a' : pass ? 'PASS' : 'MISS';
}

async function main(): Promise<void> {
  const started = now();
  const loadBefore = loadavg();
  log(
    `ClaimLint bench${QUICK ? ' (quick)' : ''}: node ${process.version}, ${os.availableParallelism?.() ?? os.cpus().length} cores, load ${loadBefore.join(' ')}`,
  );
  if (!fs.existsSync(path.join(ROOT, 'dist', 'server.js')) || !fs.existsSync(path.join(ROOT, 'dist', 'cli.js'))) {
    throw new Error('dist/ is missing: run `npm run build` first (npm run bench does)');
  }
  const builtIn = readBuiltInFiles(path.join(ROOT, 'seeds'));
  const buildSamples = timeRuns(() => buildKnowledge(builtIn), { runs: 3, warmup: 0 });
  const knowledge = buildKnowledge(builtIn);
  log(`  knowledge (built-in data): ${fmtMs(median(buildSamples))}`);
  const pool = seedSentences(path.join(ROOT, 'seeds'));
  const texts = new Map(SIZES.map((size) => [size, generateDraft(pool, size, DRAFT_SEED)]));
  const warmupText = generateDraft(pool, 3_000, 7);

  const lintRows = SKIP.has('lint') ? [] : benchLint(texts, knowledge);
  const peers = SKIP.has('peers') || lintRows.length === 0 ? { rows: [], missing: [], setupMs: {} } : await benchPeers(texts, lintRows);
  const editPath = SKIP.has('edit') ? [] : benchEditPath(texts, knowledge);
  let facts: FactLookupResult | undefined;
  if (!SKIP.has('facts')) {
    try {
      facts = await benchFacts(FACT_SIZES);
    } catch (error) {
      log(`  fact lookup failed: ${(error as Error).message}`);
    }
  }
  let sources: SourceBenchResult | undefined;
  if (!SKIP.has('sources')) {
    try {
      sources = await benchInChild<SourceBenchResult>('sourceBench.ts', [`--docs=${SOURCE_DOCS}`]);
    } catch (error) {
      log(`  source documents failed: ${(error as Error).message}`);
    }
  }
  let server: ServerSizeResult[] = [];
  if (!SKIP.has('server')) {
    try {
      const largest = Math.max(...SIZES);
      server = await runServerLatency(
        // the largest draft once more with no problem limit: every finding published on every edit
        [...[...texts].map(([bytes, text]) => ({ bytes, text })), { bytes: largest, text: texts.get(largest)!, maxProblems: 0 }],
        { openRuns: (bytes) => (bytes >= 1_000_000 ? 2 : bytes >= 100_000 ? 3 : 5), editRuns: 30, warmupText },
        log,
      );
    } catch (error) {
      log(`  server latency failed: ${(error as Error).message}`);
    }
  }
  let soak: SoakResult | undefined;
  if (!SKIP.has('soak')) {
    const largest = Math.max(...SIZES);
    try {
      soak = await runServerSoak(
        texts.get(largest)!,
        { edits: SOAK_EDITS, batch: SOAK_BATCH, budgetMs: 240_000, idleMs: SOAK_IDLE_MS, warmupText },
        log,
      );
    } catch (error) {
      log(`  soak failed: ${(error as Error).message}`);
    }
  }
  let cli: CliResult | undefined;
  if (!SKIP.has('cli')) {
    const drafts = Array.from({ length: CLI_DRAFTS }, (_, i) => generateDraft(pool, CLI_DRAFT_BYTES, 50_000 + i));
    cli = await runCliBench(drafts, [1, 2], log);
  }

  // ---------------------------------------------------------------- targets
  const targets: Target[] = [];
  const lintAt = (size: number): LintRow | undefined => lintRows.find((r) => r.size === size);
  const small = lintAt(10_000);
  const large = lintAt(1_000_000);
  if (small)
    targets.push({
      target: 'full lint of 10 KB ≤ 5 ms (performance issue)',
      measured: fmtMs(small.lintMedianMs),
      pass: small.lintMedianMs <= 5,
    });
  if (large)
    targets.push({
      target: 'full lint of 1 MB ≤ 0.5 s (performance issue)',
      measured: fmtMs(large.lintMedianMs),
      pass: large.lintMedianMs <= 500,
    });
  for (const row of lintRows) {
    targets.push({
      target: `full lint ≤ 2× one pass of the tagger alone (${sizeLabel(row.size)})`,
      measured: `${fmtRatio(row.ratioToTagger)} (${fmtMs(row.lintMedianMs)} vs ${fmtMs(row.taggerFloorMs)}; tokenize floor: ${fmtRatio(row.ratioToTokenize)})`,
      pass: row.ratioToTagger <= 2,
    });
  }
  if (lintRows.length > 1) {
    const perKb = lintRows.map((r) => r.msPerKb);
    const spread = Math.max(...perKb) / Math.min(...perKb);
    targets.push({
      target: 'lint time linear in size (ms/KB within 1.5× across sizes)',
      measured: `${perKb.map((v) => v.toFixed(2)).join(' / ')} ms/KB (${fmtRatio(spread)})`,
      pass: spread <= 1.5,
    });
  }
  for (const row of peers.rows.filter((r) => r.peer === 'write-good')) {
    targets.push({
      target: `≥ 2× faster than write-good (${sizeLabel(row.size)})`,
      measured: row.claimlintOverPeer <= 1 ? `${fmtRatio(1 / row.claimlintOverPeer)} faster` : `${fmtRatio(row.claimlintOverPeer)} slower`,
      pass: row.claimlintOverPeer <= 0.5,
    });
  }
  if (!peers.rows.some((r) => r.peer === 'write-good') && !SKIP.has('peers'))
    targets.push({ target: '≥ 2× faster than write-good', measured: 'write-good not installed', pass: null });
  const serverSmall = server.find((r) => r.bytes === 10_000 && r.maxProblems === undefined);
  const serverLarge = server.find((r) => r.bytes === Math.max(...SIZES) && r.maxProblems === undefined);
  const serverUnlimited = server.find((r) => r.bytes === Math.max(...SIZES) && r.maxProblems === 0);
  if (serverSmall && serverLarge && serverLarge !== serverSmall) {
    targets.push({
      target: `edit→diagnostics in ${sizeLabel(serverLarge.bytes)} ≤ 1.5× that in 10 KB`,
      measured:
        `${fmtMs(serverLarge.editMedianMs)} vs ${fmtMs(serverSmall.editMedianMs)} (${fmtRatio(serverLarge.editMedianMs / serverSmall.editMedianMs)})` +
        (serverUnlimited ? `; no problem limit: ${fmtMs(serverUnlimited.editMedianMs)}` : ''),
      pass: serverLarge.editMedianMs <= serverSmall.editMedianMs * 1.5,
    });
  }
  const soakLabel = sizeLabel(Math.max(...SIZES));
  if (soak?.rssOpenMb !== undefined)
    targets.push({
      target: `server RSS with the ${soakLabel} draft open ≤ 200 MB`,
      measured: `${soak.rssOpenMb.toFixed(0)} MB`,
      pass: soak.rssOpenMb <= 200,
    });
  if (soak?.rssAfterIdleMb !== undefined && soak.rssOpenMb !== undefined) {
    const after = soak.rssAfterIdleMb;
    targets.push({
      target: `server RSS after ${soak.edits} edits ≤ 200 MB (after ${SOAK_IDLE_MS / 1000} s idle)`,
      measured: `${after.toFixed(0)} MB (right after: ${soak.rssAfterMb?.toFixed(0)} MB, max ${soak.rssMaxMb?.toFixed(0)} MB)`,
      pass: after <= 200,
    });
    // growth is the trend over the run: RSS sampled after each batch moves by tens of MB from one batch to
    // the next as V8 collects, so the first and last quarters of the samples are compared by their medians
    const quarter = Math.max(1, Math.floor(soak.rssSeries.length / 4));
    const early = median(soak.rssSeries.slice(0, quarter));
    const late = median(soak.rssSeries.slice(-quarter));
    const signed = (mb: number): string => `${mb >= 0 ? '+' : ''}${mb.toFixed(0)} MB`;
    targets.push({
      target: `no RSS growth over ${soak.edits} edits (median of the last quarter of batches ≤ +10% of the first)`,
      measured: `${early.toFixed(0)} → ${late.toFixed(0)} MB (${signed(late - early)}; last sample vs open: ${signed(after - soak.rssOpenMb)})`,
      pass: late <= early * 1.1,
    });
  }
  if (soak?.error)
    targets.push({
      target: `server survives ${SOAK_EDITS} edits`,
      measured: `stopped after ${soak.edits}: ${soak.error.slice(0, 80)}`,
      pass: false,
    });
  const factRows = facts?.rows.filter((r) => r.syntheticFacts > 0) ?? [];
  if (factRows.length > 1) {
    const first = factRows[0];
    const last = factRows[factRows.length - 1];
    const lookupRatio = last.lookupUsPerSentence / first.lookupUsPerSentence;
    targets.push({
      target: `fact lookup flat in base size (${first.syntheticFacts / 1000}k→${last.syntheticFacts / 1000}k facts, ≤ 1.5×)`,
      measured: `readSentenceFacts ${first.lookupUsPerSentence} → ${last.lookupUsPerSentence} µs/sentence (${fmtRatio(lookupRatio)})`,
      pass: lookupRatio <= 1.5,
    });
    const lintRatio = last.lintMs / first.lintMs;
    targets.push({
      target: `lint of a fixed draft flat in base size (${first.syntheticFacts / 1000}k→${last.syntheticFacts / 1000}k facts, ≤ 1.5×)`,
      measured: `${fmtMs(first.lintMs)} → ${fmtMs(last.lintMs)} (${fmtRatio(lintRatio)})`,
      pass: lintRatio <= 1.5,
    });
  }

  // ---------------------------------------------------------------- report
  const out: string[] = [];
  out.push(
    `ClaimLint bench — ${new Date().toISOString()} — node ${process.version}, ${os.cpus().length} cores, load avg ${loadBefore.join(' ')} → ${loadavg().join(' ')}`,
  );
  out.push(`knowledge build (built-in data): ${fmtMs(median(buildSamples))}`);
  if (lintRows.length) {
    out.push(
      table(
        'Cold full lint (lintDocument, no cache; median) against the tokenisation and tagger floors',
        [
          'draft',
          'bytes',
          'chunks',
          'findings',
          'lint',
          '(min)',
          'ms/KB',
          'regex scan',
          'tokenize',
          'tagger',
          'lint/regex',
          'lint/tokenize',
          'lint/tagger',
        ],
        lintRows.map((r) => [
          sizeLabel(r.size),
          String(r.bytes),
          `${r.chunks} (${r.uniqueChunks} unique)`,
          String(r.findings),
          fmtMs(r.lintMedianMs),
          fmtMs(r.lintMinMs),
          r.msPerKb.toFixed(3),
          fmtMs(r.regexFloorMs),
          fmtMs(r.tokenizeFloorMs),
          fmtMs(r.taggerFloorMs),
          fmtRatio(r.ratioToRegex),
          fmtRatio(r.ratioToTokenize),
          fmtRatio(r.ratioToTagger),
        ]),
      ),
    );
    const rules = [...new Set(lintRows.flatMap((r) => Object.keys(r.findingsByRule)))].sort();
    out.push(
      table(
        'Findings by rule (every rule family fires)',
        ['draft', ...rules],
        lintRows.map((r) => [sizeLabel(r.size), ...rules.map((rule) => String(r.findingsByRule[rule] ?? 0))]),
      ),
    );
  }
  if (peers.rows.length || peers.missing.length) {
    out.push(
      table(
        'Peer linters on the same text (median; ClaimLint/peer < 1 means ClaimLint is faster)',
        ['peer', 'draft', 'time', 'findings', 'ClaimLint', 'ClaimLint/peer'],
        peers.rows.map((r) => [
          `${r.peer} ${r.version}`,
          sizeLabel(r.size),
          fmtMs(r.medianMs),
          String(r.findings),
          fmtMs(lintAt(r.size)?.lintMedianMs ?? NaN),
          fmtRatio(r.claimlintOverPeer),
        ]),
      ),
    );
    for (const [peer, ms] of Object.entries(peers.setupMs)) out.push(`  ${peer} one-off setup (WebAssembly compile): ${fmtMs(ms)}`);
    for (const m of peers.missing) out.push(`  ${m.name}: not run (${m.reason})`);
  }
  if (facts) {
    out.push(
      table(
        `Fact lookup (fixed ${Math.round(facts.draftBytes / 1000)} KB draft; synthetic facts appended to the built-in data)`,
        [
          'synthetic facts',
          'facts',
          'entities',
          'YAML',
          'problems',
          'build',
          'heap kept',
          'peak RSS',
          'lookup/sentence',
          'candidates/sent.',
          'lint draft',
          'contradictions',
        ],
        facts.rows.map((r) => [
          r.syntheticFacts === 0 ? 'none (built-in)' : `${r.syntheticFacts / 1000}k`,
          String(r.totalFacts),
          String(r.entities),
          `${(r.dataBytes / 1e6).toFixed(1)} MB`,
          String(r.problems),
          fmtMs(r.buildMs),
          r.retainedHeapMb !== undefined ? `${r.retainedHeapMb.toFixed(0)} MB` : 'n/a',
          `${r.peakRssMb} MB`,
          `${r.lookupUsPerSentence.toFixed(2)} µs`,
          r.candidatesPerSentence.toFixed(2),
          fmtMs(r.lintMs),
          String(r.contradictions),
        ]),
      ),
    );
  }
  if (sources) {
    const s = sources;
    out.push(
      `\nSource documents: ${s.docs} synthetic documents (${(s.totalBytes / 1e6).toFixed(1)} MB) read into the fact base in ${(s.indexMs / 1000).toFixed(1)} s ` +
        `(${fmtRatio(s.indexMs / s.tokenizeMs)} a bare tokenisation pass over the same text, ${fmtMs(s.tokenizeMs)}; ${(s.indexMs / s.docs).toFixed(1)} ms per document), ` +
        `${s.facts} facts and ${s.entities} new entities; RSS ${s.rssBeforeMb.toFixed(0)} → ${s.rssAfterMb.toFixed(0)} MB. ` +
        `After one document is edited, reading again takes ${(s.reindexOneMs / 1000).toFixed(1)} s (one extraction, the rest the fact base rebuilt). ` +
        `A 10 KB draft lints in ${fmtMs(s.lintBaseMs)} without them and ${fmtMs(s.lintWithSourcesMs)} with them (${fmtRatio(s.lintWithSourcesMs / s.lintBaseMs)}); ` +
        `three sources restated with other numbers lint in ${fmtMs(s.lintRestatedMs)} with ${s.restatedFindings} findings.`,
    );
  }
  if (editPath.length) {
    out.push(
      table(
        'Where edit→diagnostics goes, in-process (one-character edit in the middle; median)',
        ['draft', 'chunks re-analysed', 'engine re-lint', 'findings → diagnostics', 'diagnostics', 'message', 'stringify + parse'],
        editPath.map((r) => [
          sizeLabel(r.size),
          String(r.analysedChunks),
          fmtMs(r.engineMs),
          fmtMs(r.toDiagnosticsMs),
          String(r.diagnostics),
          `${(r.payloadBytes / 1e6).toFixed(2)} MB`,
          fmtMs(r.payloadMs),
        ]),
      ),
    );
  }
  if (server.length) {
    out.push(
      table(
        'Language server over stdio (debounce 0; median)',
        ['draft', 'maxProblems', 'diagnostics', 'open→diagnostics', 'edit→diagnostics', 'RSS open'],
        server.map((r) => [
          sizeLabel(r.bytes),
          r.maxProblems === undefined ? 'default' : r.maxProblems === 0 ? '0 (no limit)' : String(r.maxProblems),
          String(r.diagnostics),
          fmtMs(r.openMedianMs),
          fmtMs(r.editMedianMs),
          r.rssOpenMb !== undefined ? `${r.rssOpenMb.toFixed(0)} MB` : 'n/a',
        ]),
      ),
    );
    const d = server.find((r) => r.editDefaultDebounceMedianMs !== undefined);
    if (d)
      out.push(`  with the default 250 ms debounce, edit→diagnostics in ${sizeLabel(d.bytes)}: ${fmtMs(d.editDefaultDebounceMedianMs!)}`);
  }
  if (soak) {
    out.push(
      `\nServer soak (${soakLabel} draft): ${soak.edits} one-letter edits in ${soak.batches} batches of ${SOAK_BATCH} in ${soak.seconds} s; ` +
        `RSS before open ${soak.rssBeforeOpenMb?.toFixed(0)} MB, open ${soak.rssOpenMb?.toFixed(0)} MB, right after the edits ${soak.rssAfterMb?.toFixed(0)} MB, after ${SOAK_IDLE_MS / 1000} s idle ${soak.rssAfterIdleMb?.toFixed(0)} MB, ` +
        `max between batches ${soak.rssMaxMb?.toFixed(0)} MB, peak (VmHWM) ${soak.peakRssMb?.toFixed(0)} MB; ` +
        `median wait for a batch's diagnostics ${fmtMs(soak.batchSettleMedianMs)}` +
        (soak.error ? `\n  STOPPED EARLY: ${soak.error}` : ''),
    );
  }
  if (cli) {
    out.push(
      table(
        `CLI: ${cli.drafts} drafts (${(cli.totalBytes / 1e6).toFixed(1)} MB) with node dist/cli.js --format json (two busy-loop threads got ${cli.effectiveCores} cores' worth of CPU; two single-worker CLI processes side by side reach ${cli.twoProcessSpeedup}× the throughput of one)`,
        ['workers', 'time', 'drafts/s', 'exit', 'findings'],
        cli.runs.map((r) => [
          String(r.workers),
          `${r.seconds.toFixed(1)} s`,
          r.draftsPerSecond.toFixed(0),
          String(r.exitCode),
          String(r.findings),
        ]),
      ),
    );
  }
  out.push(
    table(
      'Targets',
      ['target', 'measured', 'verdict'],
      targets.map((t) => [t.target, t.measured, verdict(t.pass)]),
      3,
    ),
  );
  const seconds = (now() - started) / 1000;
  out.push(`\nbench took ${seconds.toFixed(0)} s`);
  console.log(out.join('\n'));

  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const json = {
    date: new Date().toISOString(),
    commit: gitCommit(),
    quick: QUICK,
    machine: {
      node: process.version,
      platform: `${os.platform()} ${os.arch()}`,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryGb: round(os.totalmem() / 2 ** 30, 1),
      loadavgBefore: loadBefore,
      loadavgAfter: loadavg(),
    },
    seconds: round(seconds, 1),
    knowledgeBuildMs: round(median(buildSamples), 1),
    lint: lintRows,
    peers,
    facts,
    editPath,
    sources,
    server,
    soak,
    cli,
    targets,
  };
  const file = path.join(RESULTS_DIR, 'latest.json');
  fs.writeFileSync(file, JSON.stringify(json, null, 2) + '\n');
  log(`results written to ${path.relative(ROOT, file)}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
