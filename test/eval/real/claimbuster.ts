/**
 * ClaimBuster (Arslan, Hassan, Li & Tremayne 2020): US presidential-debate sentences labelled check-worthy
 * factual claims (1) or not (0). The report asks how often `attribution.missing` fires on each: a sentence
 * linted on its own is "flagged" when it gets at least one. Read from a path given on the command line (the
 * `sentences.json` file or its folder); never copied into the project.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Knowledge } from '../../../server/src/engine/knowledge/knowledge';
import type { Sensitivity } from '../../../server/src/engine/settings';
import { lint } from '../../helpers/knowledge';
import type { LintFailure } from './reportLines';
import { lintFailure, printExamples, printLintFailures } from './reportLines';

export interface ClaimBusterSentence {
  id: number;
  /** 1: check-worthy factual claim; 0: not. */
  label: 0 | 1;
  text: string;
}

const FILE = 'sentences.json';

/** The JSON file `target` names: itself, or `sentences.json` inside it when it is a folder. */
function resolveFile(target: string): string {
  return fs.existsSync(target) && fs.statSync(target).isDirectory() ? path.join(target, FILE) : target;
}

/** True when `target` is a `.json` file or a folder holding `sentences.json`. */
export function isClaimBusterFile(target: string): boolean {
  const file = resolveFile(target);
  return file.endsWith('.json') && fs.existsSync(file) && fs.statSync(file).isFile();
}

/** Reads `[{sentence_id, label, text}]`, keeping rows labelled 0 or 1 with non-empty text. */
export function readClaimBuster(target: string): ClaimBusterSentence[] {
  const rows = JSON.parse(fs.readFileSync(resolveFile(target), 'utf8')) as unknown;
  if (!Array.isArray(rows)) throw new Error(`${target}: expected a JSON array of sentences`);
  const sentences: ClaimBusterSentence[] = [];
  for (const row of rows as Record<string, unknown>[]) {
    const label = Number(row?.label);
    const text = row?.text;
    if ((label !== 0 && label !== 1) || typeof text !== 'string' || text.trim() === '') continue;
    sentences.push({ id: Number(row.sentence_id), label, text });
  }
  return sentences;
}

export interface ClaimBusterReportOptions {
  knowledge?: Knowledge;
  /** The sensitivity to lint at (default: standard). */
  sensitivity?: Sensitivity;
  /** Collect up to this many flagged non-check-worthy and unflagged check-worthy sentences each (default 0). */
  examples?: number;
}

export interface ClaimBusterReport {
  sentences: number;
  checkWorthy: number;
  notCheckWorthy: number;
  flaggedCheckWorthy: number;
  flaggedNotCheckWorthy: number;
  /** Flagged sentences by the findings' claim kind (a sentence counts once per kind it has). */
  byKind: Record<string, { checkWorthy: number; notCheckWorthy: number }>;
  failures: LintFailure[];
  /** Wall time of linting all sentences. */
  ms: number;
  flaggedNotCheckWorthyExamples: string[];
  missedCheckWorthyExamples: string[];
}

const SNIPPET = 160;
const clip = (text: string): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > SNIPPET ? flat.slice(0, SNIPPET - 1) + '…' : flat;
};

/** A report of `sentences` sentences with nothing counted yet. */
function emptyReport(sentences: number): ClaimBusterReport {
  return {
    sentences,
    checkWorthy: 0,
    notCheckWorthy: 0,
    flaggedCheckWorthy: 0,
    flaggedNotCheckWorthy: 0,
    byKind: {},
    failures: [],
    ms: 0,
    flaggedNotCheckWorthyExamples: [],
    missedCheckWorthyExamples: [],
  };
}

/** Lints each sentence on its own as plain text and counts those with an `attribution.missing` finding. */
export function claimBusterReport(sentences: readonly ClaimBusterSentence[], options: ClaimBusterReportOptions = {}): ClaimBusterReport {
  const limit = options.examples ?? 0;
  const report = emptyReport(sentences.length);
  const started = Date.now();
  for (const sentence of sentences) {
    const worthy = sentence.label === 1;
    let kinds: string[];
    try {
      const missing = lint(sentence.text, {
        format: 'plaintext',
        settings: { sensitivity: options.sensitivity ?? 'standard' },
        ...(options.knowledge ? { knowledge: options.knowledge } : {}),
      }).findings.filter((f) => f.rule === 'attribution.missing');
      kinds = [...new Set(missing.map((f) => f.kind ?? '(none)'))];
    } catch (error) {
      report.failures.push(lintFailure(`sentence ${sentence.id}`, sentence.text, error));
      continue;
    }
    if (worthy) report.checkWorthy++;
    else report.notCheckWorthy++;
    const flagged = kinds.length > 0;
    if (flagged && worthy) report.flaggedCheckWorthy++;
    if (flagged && !worthy) report.flaggedNotCheckWorthy++;
    for (const kind of kinds) {
      const k = (report.byKind[kind] ??= { checkWorthy: 0, notCheckWorthy: 0 });
      if (worthy) k.checkWorthy++;
      else k.notCheckWorthy++;
    }
    if (flagged && !worthy && report.flaggedNotCheckWorthyExamples.length < limit)
      report.flaggedNotCheckWorthyExamples.push(`${sentence.id} [${kinds.join(',')}]: ${clip(sentence.text)}`);
    if (!flagged && worthy && report.missedCheckWorthyExamples.length < limit)
      report.missedCheckWorthyExamples.push(`${sentence.id}: ${clip(sentence.text)}`);
  }
  report.ms = Date.now() - started;
  return report;
}

/** Sums reports of disjoint sets of sentences (folds) into one. */
export function mergeClaimBusterReports(reports: readonly ClaimBusterReport[]): ClaimBusterReport {
  const merged = emptyReport(0);
  for (const r of reports) {
    merged.sentences += r.sentences;
    merged.checkWorthy += r.checkWorthy;
    merged.notCheckWorthy += r.notCheckWorthy;
    merged.flaggedCheckWorthy += r.flaggedCheckWorthy;
    merged.flaggedNotCheckWorthy += r.flaggedNotCheckWorthy;
    merged.ms += r.ms;
    merged.failures.push(...r.failures);
    merged.flaggedNotCheckWorthyExamples.push(...r.flaggedNotCheckWorthyExamples);
    merged.missedCheckWorthyExamples.push(...r.missedCheckWorthyExamples);
    for (const [kind, v] of Object.entries(r.byKind)) {
      const k = (merged.byKind[kind] ??= { checkWorthy: 0, notCheckWorthy: 0 });
      k.checkWorthy += v.checkWorthy;
      k.notCheckWorthy += v.notCheckWorthy;
    }
  }
  return merged;
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);
const fmt = (x: number): string => x.toFixed(3);

export function printClaimBusterReport(label: string, report: ClaimBusterReport): void {
  const flagged = report.flaggedCheckWorthy + report.flaggedNotCheckWorthy;
  const linted = report.checkWorthy + report.notCheckWorthy;
  console.log(
    `\n${label}: ${report.sentences} sentences (${report.checkWorthy} check-worthy, ${report.notCheckWorthy} not), linted one by one in ${report.ms} ms (${(report.ms / Math.max(1, linted)).toFixed(2)} ms each)`,
  );
  console.log('                                   flagged   of   rate');
  console.log(
    `check-worthy (recall)              ${String(report.flaggedCheckWorthy).padStart(7)} ${String(report.checkWorthy).padStart(4)}  ${fmt(ratio(report.flaggedCheckWorthy, report.checkWorthy))}`,
  );
  console.log(
    `not check-worthy (flag rate)       ${String(report.flaggedNotCheckWorthy).padStart(7)} ${String(report.notCheckWorthy).padStart(4)}  ${fmt(ratio(report.flaggedNotCheckWorthy, report.notCheckWorthy))}`,
  );
  console.log(
    `precision (check-worthy / flagged) ${String(report.flaggedCheckWorthy).padStart(7)} ${String(flagged).padStart(4)}  ${fmt(ratio(report.flaggedCheckWorthy, flagged))}`,
  );
  const kinds = Object.entries(report.byKind).sort(
    (a, b) => b[1].checkWorthy + b[1].notCheckWorthy - (a[1].checkWorthy + a[1].notCheckWorthy),
  );
  if (kinds.length > 0)
    console.log(
      'by claim kind (flagged check-worthy / not): ' + kinds.map(([k, v]) => `${k} ${v.checkWorthy}/${v.notCheckWorthy}`).join(', '),
    );
  printLintFailures(report.failures, 'sentence');
  printExamples('flagged, not check-worthy', report.flaggedNotCheckWorthyExamples);
  printExamples('check-worthy, not flagged', report.missedCheckWorthyExamples);
}
