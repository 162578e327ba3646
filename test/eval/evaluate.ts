/**
 * `npm run eval`: precision and recall of each rule family on the labelled corpus in test/eval/corpus/
 * (see FORMAT.md), then the same engine on real published copy annotated by others (`../shared/data`):
 * attribution frames and attributed sentences flagged on PolNeAR, loaded language on the propaganda corpus
 * (PTC), and check-worthy claims on ClaimBuster; last, how noisy the rules are on ordinary technical Markdown
 * (READMEs and changelogs of the installed packages, none of it news: see real/markdownNoise.ts).
 *
 * Dev files are pooled and each holdout file is reported on its own; holdout cases are never used for tuning. `--json` prints
 * the project corpus figures as JSON; `--failures` lists every false positive and false negative of the dev
 * split (`--failures=all` includes the holdout split: look at those only to report, never to tune).
 * `--only=TEXT` scores only the corpus files whose names contain TEXT; `--only=polnear`, `--only=ptc`,
 * `--only=claimbuster`, `--only=markdown` or `--only=extraction` (or `sources`: extraction and drafts checked
 * against source documents) runs that one report alone. `--examples=N` prints N examples of
 * each kind of miss on the real corpora, and N flagged sentences of the Markdown noise report.
 *
 * Real corpora: give their folders (or ClaimBuster's sentences.json) as arguments, e.g. `npm run eval --
 * ../shared/data/polnear/dev`; with none, the folders under `../shared/data` are used when they are there.
 * `--no-real` skips them and the Markdown noise report.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import type { Finding } from '../../server/src/engine/types';
import { builtInKnowledge, lint, ROOT } from '../helpers/knowledge';
import { claimBusterReport, isClaimBusterFile, printClaimBusterReport, readClaimBuster } from './real/claimbuster';
import { crossValidatedReport, detectorReports, foldKnowledge } from './real/claimbusterFolds';
import { FOLDS } from '../train/claimTraining';
import { framesReport, printFramesReport, readArticle } from './real/framesReport';
import { printExtractionReport, scoreExtraction } from './extraction';
import { printSourceDraftReport, scoreSourceDrafts, SOURCE_DRAFT_SETS } from './sourceDrafts';
import { collectMarkdownDocs, markdownNoiseReport, printMarkdownNoiseReport } from './real/markdownNoise';
import { newsNoiseReport, printNewsNoiseReport } from './real/newsNoise';
import { isPolnearSplit, readPolnearSplit } from './real/polnear';
import { isPtcFolder, printPtcReport, ptcReport, readPtc } from './real/ptc';

interface Expectation {
  rule: string;
  span: string;
  occurrence?: number;
}
interface Case {
  id: string;
  kind: string;
  why?: string;
  text: string;
  expect: Expectation[];
}
interface CorpusFile {
  family: string;
  split: string;
  cases: Case[];
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}
const emptyTally = (): Tally => ({ tp: 0, fp: 0, fn: 0 });

function spanOf(text: string, expectation: Expectation): { start: number; end: number } {
  let index = -1;
  for (let n = 0; n < (expectation.occurrence ?? 1); n++) {
    index = text.indexOf(expectation.span, index + 1);
    if (index < 0) throw new Error(`span "${expectation.span}" not found`);
  }
  return { start: index, end: index + expectation.span.length };
}

/** Scores one case: expected labels matched by overlapping findings of the same rule. */
export function scoreCase(family: string, c: Case): { tally: Tally; misses: string[]; extras: Finding[] } {
  const findings = lint(c.text).findings.filter((f) => f.rule.startsWith(family + '.') && f.severity !== 'hint');
  const unmatched = [...findings];
  const tally = emptyTally();
  const misses: string[] = [];
  for (const expectation of c.expect) {
    const span = spanOf(c.text, expectation);
    const i = unmatched.findIndex((f) => f.rule === expectation.rule && f.start < span.end && f.end > span.start);
    if (i >= 0) {
      tally.tp++;
      unmatched.splice(i, 1);
    } else {
      tally.fn++;
      misses.push(`${expectation.rule} "${expectation.span}"`);
    }
  }
  tally.fp = unmatched.length;
  return { tally, misses, extras: unmatched };
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);
const fmt = (x: number): string => x.toFixed(3);

/** The reports `--only=NAME` runs alone: the real corpora under ../shared/data (by folder), then Markdown noise. */
const REPORTS = { polnear: 'polnear/dev', ptc: 'ptc', claimbuster: 'claimbuster', markdown: undefined } as const;
type ReportName = keyof typeof REPORTS;
const isReportName = (name: string | undefined): name is ReportName => name !== undefined && Object.hasOwn(REPORTS, name);

/** The real corpora under ../shared/data (all, or the one `only` names), when that folder is beside the project. */
function defaultRealCorpora(only?: ReportName): string[] {
  const data = path.resolve(ROOT, '..', 'shared', 'data');
  const folders = Object.entries(REPORTS).flatMap(([name, folder]) => (folder && (!only || only === name) ? [folder] : []));
  return folders.map((p) => path.join(data, p)).filter((p) => fs.existsSync(p));
}

/** How noisy the rules are on the technical Markdown of node_modules (see real/markdownNoise.ts). */
function markdownNoise(examples: number): void {
  const docs = collectMarkdownDocs(ROOT);
  if (docs.length === 0) {
    console.log('\nMarkdown noise: no documents (node_modules missing? run npm ci)');
    return;
  }
  printMarkdownNoiseReport(
    'Markdown noise (node_modules READMEs and changelogs)',
    markdownNoiseReport(docs, { knowledge: builtInKnowledge(), examples }),
  );
}

/** Runs the report that fits each real corpus path. */
function realCorpora(paths: readonly string[], examples: number): void {
  const knowledge = builtInKnowledge();
  for (const target of paths) {
    if (isPolnearSplit(target)) {
      const started = Date.now();
      const report = framesReport(readPolnearSplit(target), readArticle, knowledge);
      printFramesReport(`PolNeAR ${target}`, report);
      for (const example of report.flaggedExamples.slice(0, examples)) console.log('  flagged: ' + example.slice(0, 200));
      printNewsNoiseReport(`PolNeAR ${target} as published news`, newsNoiseReport(readPolnearSplit(target), knowledge, examples));
      console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
    } else if (isPtcFolder(target)) {
      printPtcReport(`PTC ${target}`, ptcReport(readPtc(target), { knowledge, examples }));
    } else if (isClaimBusterFile(target)) {
      printClaimBusterReport(
        `ClaimBuster ${target}, shipped model (trained on these sentences: flattering)`,
        claimBusterReport(readClaimBuster(target), { knowledge, examples: 0 }),
      );
      const folds = foldKnowledge(target, knowledge);
      for (const sensitivity of ['standard', 'strict'] as const) {
        printClaimBusterReport(
          `ClaimBuster cross-validated (${FOLDS} folds), sensitivity ${sensitivity}`,
          crossValidatedReport(target, folds, sensitivity, examples),
        );
      }
      for (const d of detectorReports(target, folds)) {
        console.log(
          `claim detector alone, cross-validated, score ≥ ${d.threshold.toFixed(3)}: recall ${d.recall.toFixed(3)}, flag rate ${d.flagRate.toFixed(3)} (target: recall ≥ 0.8 at flag rate ≤ 0.15)`,
        );
      }
    } else {
      console.error(`${target}: not a PolNeAR split, PTC folder or ClaimBuster file`);
      process.exitCode = 2;
    }
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const paths = args.filter((a) => !a.startsWith('--'));
  const examples = Number(args.find((a) => a.startsWith('--examples='))?.slice('--examples='.length) ?? 0);
  if (paths.length > 0) {
    realCorpora(paths, examples);
    return;
  }
  const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  if (only === 'extraction' || only === 'sources') {
    printExtractionReport(scoreExtraction(builtInKnowledge()));
    printSourceDraftReport(SOURCE_DRAFT_SETS.map(scoreSourceDrafts));
    return;
  }
  if (isReportName(only)) {
    if (only === 'markdown') markdownNoise(examples);
    else {
      const folders = defaultRealCorpora(only);
      if (folders.length === 0)
        console.log(`no ${REPORTS[only]} under ${path.resolve(ROOT, '..', 'shared', 'data')}: give its folder as an argument`);
      realCorpora(folders, examples);
    }
    return;
  }
  const dir = path.join(__dirname, 'corpus');
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') && (!only || f.includes(only)))
    .sort();
  const byGroup = new Map<string, Tally>();
  const byKind = new Map<string, Tally & { cases: number }>();
  const failures: string[] = [];
  for (const name of files) {
    let corpus: CorpusFile;
    try {
      corpus = parse(fs.readFileSync(path.join(dir, name), 'utf8')) as CorpusFile;
    } catch (error) {
      console.error(`skipping ${name}: ${(error as Error).message.split('\n')[0]}`);
      process.exitCode = 1;
      continue;
    }
    // dev files pool; each holdout file is its own split (one written blind before a round of tuning)
    const group =
      corpus.split === 'holdout' ? `${corpus.family}/${name.replace(/^[^.]+\.|\.yaml$/g, '')}` : `${corpus.family}/${corpus.split}`;
    const tally = byGroup.get(group) ?? emptyTally();
    for (const c of corpus.cases) {
      const { tally: t, misses, extras } = scoreCase(corpus.family, c);
      tally.tp += t.tp;
      tally.fp += t.fp;
      tally.fn += t.fn;
      const kindKey = `${group}/${c.kind}`;
      const k = byKind.get(kindKey) ?? { ...emptyTally(), cases: 0 };
      k.tp += t.tp;
      k.fp += t.fp;
      k.fn += t.fn;
      k.cases++;
      byKind.set(kindKey, k);
      if (corpus.split === 'dev' || args.includes('--failures=all')) {
        for (const miss of misses) failures.push(`FN ${c.id} [${c.kind}] ${miss}`);
        for (const extra of extras)
          failures.push(`FP ${c.id} [${c.kind}] ${extra.rule} "${c.text.slice(extra.start, extra.end)}": ${extra.message}`);
      }
    }
    byGroup.set(group, tally);
  }
  const summary = [...byGroup].map(([group, t]) => ({
    group,
    ...t,
    precision: ratio(t.tp, t.tp + t.fp),
    recall: ratio(t.tp, t.tp + t.fn),
  }));
  if (args.includes('--json')) {
    process.stdout.write(JSON.stringify({ summary, kinds: Object.fromEntries(byKind) }, null, 2) + '\n');
    return;
  }
  console.log('family/split              TP    FP    FN  precision  recall');
  for (const s of summary) {
    console.log(
      `${s.group.padEnd(24)} ${String(s.tp).padStart(4)}  ${String(s.fp).padStart(4)}  ${String(s.fn).padStart(4)}  ${fmt(s.precision).padStart(9)}  ${fmt(s.recall).padStart(6)}`,
    );
  }
  console.log('\nper kind (cases, TP/FP/FN):');
  for (const [kind, t] of [...byKind].sort()) console.log(`  ${kind.padEnd(44)} ${String(t.cases).padStart(3)}  ${t.tp}/${t.fp}/${t.fn}`);
  if (args.some((a) => a.startsWith('--failures'))) {
    console.log('\nfailures:');
    for (const f of failures) console.log('  ' + f);
  }
  printExtractionReport(scoreExtraction(builtInKnowledge()));
  printSourceDraftReport(SOURCE_DRAFT_SETS.map(scoreSourceDrafts));
  if (args.includes('--no-real')) return;
  realCorpora(defaultRealCorpora(), examples);
  markdownNoise(examples);
}

main();
