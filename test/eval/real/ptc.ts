/**
 * PTC (SemEval-2020 Task 11, Da San Martino et al.): news articles with propaganda techniques annotated as
 * character spans. The `loaded.term` report scores the engine's loaded-term findings against the spans of
 * the two techniques it can speak to, `Loaded_Language` and `Name_Calling,Labeling`: the framing findings
 * (lexicon terms of the framing group, and scare quotes). Epistemological findings ("claimed that",
 * "clearly") are what the corpus files under other techniques (Doubt, Exaggeration) that this copy of it does
 * not carry, so they are left out of the headline figures; a table by category, and the precision of every
 * `loaded.*` finding together, show what including them would cost. Read from a folder given
 * on the command line (`…/ptc`, holding `articles/article<ID>.txt` and `labels.tsv`); never copied into the
 * project.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Knowledge } from '../../../server/src/engine/knowledge/knowledge';
import type { Finding, Span } from '../../../server/src/engine/types';
import { builtInKnowledge, lint } from '../../helpers/knowledge';
import { categoryInfo } from '../../../server/src/engine/knowledge/lexiconCategories';
import type { LintFailure } from './reportLines';
import { lintFailure, printExamples, printLintFailures } from './reportLines';
import type { PrecisionRecall } from './spanScore';
import { addScore, emptyScore, overlapScore, precision, recall, sharesWord, tokenScore, wordSpans } from './spanScore';

export const PTC_TECHNIQUES = ['Loaded_Language', 'Name_Calling,Labeling'] as const;
export type PtcTechnique = (typeof PTC_TECHNIQUES)[number];

export interface PtcSpan extends Span {
  technique: PtcTechnique;
}

export interface PtcArticle {
  id: string;
  text: string;
  /** Gold spans of the two techniques, as UTF-16 offsets into `text`. */
  spans: PtcSpan[];
}

/** True when `folder` looks like the PTC corpus (`articles/` and `labels.tsv`). */
export function isPtcFolder(folder: string): boolean {
  return fs.existsSync(path.join(folder, 'articles')) && fs.existsSync(path.join(folder, 'labels.tsv'));
}

const isTechnique = (t: string): t is PtcTechnique => (PTC_TECHNIQUES as readonly string[]).includes(t);

/**
 * The corpus counts offsets in code points (it was made in Python); the engine counts UTF-16 units. Returns
 * the conversion for `text`, the identity when it has no astral characters.
 */
function codePointToUtf16(text: string): (offset: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (offset) => offset;
  const units: number[] = [];
  let unit = 0;
  for (const ch of text) {
    units.push(unit);
    unit += ch.length;
  }
  units.push(unit);
  return (offset) => units[Math.min(offset, units.length - 1)];
}

/**
 * Reads the corpus: every article with a text file, with its spans of the two techniques (articles with
 * none are kept, since their findings still count against precision). `labels.tsv` is tab-separated with a
 * header row: article id, technique, start, end.
 */
export function readPtc(folder: string): PtcArticle[] {
  const labels = new Map<string, { technique: PtcTechnique; start: number; end: number }[]>();
  const lines = fs.readFileSync(path.join(folder, 'labels.tsv'), 'utf8').split(/\r?\n/);
  for (const line of lines) {
    const [id, technique, start, end] = line.split('\t');
    if (!id || !technique || !isTechnique(technique)) continue;
    const s = Number(start);
    const e = Number(end);
    if (!Number.isInteger(s) || !Number.isInteger(e) || e <= s) continue;
    const list = labels.get(id) ?? [];
    list.push({ technique, start: s, end: e });
    labels.set(id, list);
  }
  const articles: PtcArticle[] = [];
  const dir = path.join(folder, 'articles');
  for (const file of fs.readdirSync(dir).sort()) {
    const m = /^article(\d+)\.txt$/.exec(file);
    if (!m) continue;
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const toUtf16 = codePointToUtf16(text);
    const spans = (labels.get(m[1]) ?? []).map((l) => ({ technique: l.technique, start: toUtf16(l.start), end: toUtf16(l.end) }));
    articles.push({ id: m[1], text, spans });
  }
  return articles;
}

export interface PtcReportOptions {
  knowledge?: Knowledge;
  /** Collect up to this many false positives and misses each (default 0: none). */
  examples?: number;
}

export interface PtcReport {
  articles: number;
  /** Gold spans per technique, and distinct gold spans (by offsets) over both. */
  gold: Record<PtcTechnique | 'combined', number>;
  /** Non-hint framing findings scored (lexicon terms of the framing group, scare quotes). */
  findings: number;
  /** `loaded.*` hints left out (terms in a speaker's words). */
  hints: number;
  /** Per lexicon category (or rule, for findings without an entry): findings scored and those touching a gold span. */
  byCategory: Map<string, { findings: number; touching: number }>;
  /** Span overlap per technique (each scored against all findings) and over both. */
  spans: Record<PtcTechnique | 'combined', PrecisionRecall>;
  /** Word-token overlap over both techniques. */
  tokens: PrecisionRecall;
  /** Distinct gold spans missed by the scored findings but touched by a left-out hint. */
  goldTouchedOnlyByHints: number;
  failures: LintFailure[];
  ms: number;
  falsePositives: string[];
  misses: string[];
}

const SNIPPET = 160;

/** `text` around `span`, whitespace collapsed, the span in brackets, at most ~160 characters. */
function snippet(text: string, span: Span): string {
  const inner = text.slice(span.start, span.end).replace(/\s+/g, ' ');
  const room = Math.max(0, SNIPPET - Math.min(inner.length, SNIPPET) - 2);
  const before = text.slice(Math.max(0, span.start - Math.ceil(room / 2)), span.start).replace(/\s+/g, ' ');
  const after = text.slice(span.end, span.end + Math.floor(room / 2)).replace(/\s+/g, ' ');
  return `${before}[${inner.slice(0, SNIPPET)}]${after}`.slice(0, SNIPPET + 2);
}

function dedupe<T extends Span>(spans: readonly T[]): T[] {
  const seen = new Set<string>();
  return spans.filter((s) => {
    const key = `${s.start}-${s.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Lints each article as plain text and scores its `loaded.term` findings (hints excluded) against the gold spans. */
export function ptcReport(articles: readonly PtcArticle[], options: PtcReportOptions = {}): PtcReport {
  const limit = options.examples ?? 0;
  const report: PtcReport = {
    articles: articles.length,
    gold: { Loaded_Language: 0, 'Name_Calling,Labeling': 0, combined: 0 },
    findings: 0,
    hints: 0,
    byCategory: new Map(),
    spans: { Loaded_Language: emptyScore(), 'Name_Calling,Labeling': emptyScore(), combined: emptyScore() },
    tokens: emptyScore(),
    goldTouchedOnlyByHints: 0,
    failures: [],
    ms: 0,
    falsePositives: [],
    misses: [],
  };
  const started = Date.now();
  for (const article of articles) {
    const { text } = article;
    let found: Finding[];
    try {
      found = lint(text, { format: 'plaintext', ...(options.knowledge ? { knowledge: options.knowledge } : {}) }).findings.filter((f) =>
        f.rule.startsWith('loaded.'),
      );
    } catch (error) {
      report.failures.push(lintFailure(`article${article.id}`, text, error));
      continue;
    }
    const entries = (options.knowledge ?? builtInKnowledge()).lexicon.entries;
    const categoryOf = (f: Finding): string => (f.entryId && entries.get(f.entryId)?.category) || f.rule;
    const isFraming = (f: Finding): boolean => f.rule !== 'loaded.term' || categoryInfo(categoryOf(f)).group === 'framing';
    const shown = found.filter((f) => f.severity !== 'hint');
    const scored = shown.filter(isFraming);
    const hints = found.filter((f) => f.severity === 'hint');
    report.findings += scored.length;
    report.hints += hints.length;
    const predicted = scored.map((f): Span[] => [{ start: f.start, end: f.end }]);
    for (const technique of PTC_TECHNIQUES) {
      const gold = dedupe(article.spans.filter((s) => s.technique === technique)).map((s): Span[] => [s]);
      report.gold[technique] += gold.length;
      addScore(report.spans[technique], overlapScore(text, gold, predicted));
    }
    const combined = dedupe(article.spans);
    report.gold.combined += combined.length;
    const goldItems = combined.map((s): Span[] => [s]);
    addScore(report.spans.combined, overlapScore(text, goldItems, predicted));
    addScore(report.tokens, tokenScore(wordSpans(text), goldItems, predicted));
    for (const g of goldItems) {
      if (predicted.some((p) => sharesWord(text, g, p))) continue;
      if (hints.some((h) => sharesWord(text, g, [h]))) report.goldTouchedOnlyByHints++;
      else if (report.misses.length < limit)
        report.misses.push(`article${article.id} ${combined[goldItems.indexOf(g)].technique}: ${snippet(text, g[0])}`);
    }
    for (const f of shown) {
      const category = categoryOf(f);
      const tally = report.byCategory.get(category) ?? { findings: 0, touching: 0 };
      tally.findings++;
      if (combined.some((g) => sharesWord(text, [g], [f]))) tally.touching++;
      report.byCategory.set(category, tally);
    }
    for (const f of scored) {
      if (report.falsePositives.length >= limit) break;
      if (!goldItems.some((g) => sharesWord(text, g, [f])))
        report.falsePositives.push(`article${article.id} ${f.term ?? text.slice(f.start, f.end)}: ${snippet(text, f)}`);
    }
  }
  report.ms = Date.now() - started;
  return report;
}

const fmt = (x: number): string => x.toFixed(3);

export function printPtcReport(label: string, report: PtcReport): void {
  console.log(
    `\n${label}: ${report.articles} articles, ${report.findings} framing findings scored (lexicon framing terms and scare quotes) (${report.hints} hints left out), ${report.ms} ms`,
  );
  console.log('technique                gold  matched  span P  span R');
  for (const key of [...PTC_TECHNIQUES, 'combined'] as const) {
    const s = report.spans[key];
    console.log(
      `${key.padEnd(22)} ${String(report.gold[key]).padStart(6)}  ${String(s.matchedGold).padStart(7)}   ${fmt(precision(s))}   ${fmt(recall(s))}`,
    );
  }
  console.log(
    `tokens (both)            ${String(report.tokens.gold).padStart(4)}  ${String(report.tokens.matchedGold).padStart(7)}   ${fmt(precision(report.tokens))}   ${fmt(recall(report.tokens))}`,
  );
  console.log(`gold spans missed but touched by a quoted-term hint: ${report.goldTouchedOnlyByHints}`);
  console.log('by category (findings, share touching a gold span):');
  const rows = [...report.byCategory].sort((a, b) => b[1].findings - a[1].findings);
  for (const [category, t] of rows) {
    const group = category.startsWith('loaded.') ? 'rule' : categoryInfo(category).group;
    console.log(`  ${category.padEnd(20)} ${group.padEnd(16)} ${String(t.findings).padStart(4)}  ${fmt(t.touching / t.findings)}`);
  }
  const n = rows.reduce((sum, [, t]) => sum + t.findings, 0);
  const touching = rows.reduce((sum, [, t]) => sum + t.touching, 0);
  console.log(`  every loaded.* finding, epistemological included: ${n} findings, precision ${fmt(n === 0 ? 1 : touching / n)}`);
  printLintFailures(report.failures, 'article');
  printExamples('false positives', report.falsePositives);
  printExamples('misses', report.misses);
}
