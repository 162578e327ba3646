/**
 * Noise on ordinary technical Markdown: READMEs, changelogs and notes of the packages `npm ci` installs in
 * `node_modules`, none of it news. Nothing in them is a news claim, so every finding is a false alarm; the
 * report counts them per rule and per 500 words of prose (target: at most 1). The documents are read where
 * they are at eval time, never copied into the project.
 *
 * The set is deterministic: packages come from `package-lock.json` (top-level entries only, sorted by
 * path), leaving out optional and platform-specific ones, which are installed on some machines and not
 * others. Documents are `.md`/`.markdown` files in a package's own folder, 500 to 100,000 characters;
 * licences and codes of conduct are left out (legal and community text, not technical writing). To keep
 * one package's many documents from dominating, the set is READMEs of packages spread evenly over the
 * sorted list, plus other documents (changelogs, history, notes), one per package, spread the same way.
 *
 * The project's own docs/rules/*.md are not used: they quote loaded terms and unsourced claims as examples
 * on purpose, so findings there are not noise.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { splitChunks, tagSentences } from '../../../server/src/engine/document';
import type { Knowledge } from '../../../server/src/engine/knowledge/knowledge';
import { maskMarkdown } from '../../../server/src/engine/text/markdown';
import type { Finding, Span } from '../../../server/src/engine/types';
import { lint } from '../../helpers/knowledge';
import type { LintFailure } from './reportLines';
import { lintFailure, printExamples, printLintFailures } from './reportLines';

export interface MarkdownDoc {
  /** Path relative to the project root, e.g. `node_modules/yaml/README.md`. */
  file: string;
  /** The package's folder under `node_modules` (`yaml`, `@types/node`). */
  pkg: string;
  text: string;
}

export interface MarkdownSetOptions {
  /** READMEs taken, one per package (default 45). */
  readmes?: number;
  /** Other documents taken, one per package (default 15). */
  others?: number;
}

const MIN_CHARS = 500;
const MAX_CHARS = 100_000;
const MARKDOWN_FILE = /\.(md|markdown)$/i;
const README = /^readme\.(md|markdown)$/i;
/** Legal and community text, not technical writing. */
const NOT_TECHNICAL = /^(licen[cs]e|copying|code[-_]of[-_]conduct)([-_.].*)?\.(md|markdown)$/i;

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The top-level packages `npm ci` installs on every machine: `node_modules/<name>` entries of the lockfile
 * that are not optional and not tied to an OS or CPU, sorted by path.
 */
function installedEverywhere(root: string): string[] {
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
    packages?: Record<string, Record<string, unknown>>;
  };
  const packages: string[] = [];
  for (const [key, entry] of Object.entries(lock.packages ?? {})) {
    if (!key.startsWith('node_modules/')) continue;
    const name = key.slice('node_modules/'.length);
    if (name.includes('/node_modules/') || entry.optional || entry.devOptional || entry.os || entry.cpu || entry.libc || entry.link)
      continue;
    packages.push(key);
  }
  return packages.sort(byCodeUnits);
}

/** `count` items spread evenly over `items` (all of them when there are no more than `count`). */
function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)]);
}

/** The deterministic document set under `root`/node_modules (see the file comment); empty without node_modules. */
export function collectMarkdownDocs(root: string, options: MarkdownSetOptions = {}): MarkdownDoc[] {
  const readmes: MarkdownDoc[] = [];
  const others: MarkdownDoc[] = [];
  for (const key of installedEverywhere(root)) {
    const dir = path.join(root, key);
    let names: string[];
    try {
      names = fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isFile() && MARKDOWN_FILE.test(e.name) && !NOT_TECHNICAL.test(e.name))
        .map((e) => e.name)
        .sort(byCodeUnits);
    } catch {
      continue;
    }
    const pkg = key.slice('node_modules/'.length);
    let readme: MarkdownDoc | undefined;
    let other: MarkdownDoc | undefined;
    for (const name of names) {
      const isReadme = README.test(name);
      if (isReadme ? readme : other) continue;
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      if (text.length < MIN_CHARS || text.length > MAX_CHARS) continue;
      const doc = { file: `${key}/${name}`, pkg, text };
      if (isReadme) readme = doc;
      else other = doc;
    }
    if (readme) readmes.push(readme);
    if (other) others.push(other);
  }
  return [...spread(readmes, options.readmes ?? 45), ...spread(others, options.others ?? 15)].sort((a, b) => byCodeUnits(a.file, b.file));
}

const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

/** Words of prose the engine reads in `text` as Markdown: code, HTML, URLs, link targets and front matter left out. */
export function proseWords(text: string): number {
  let words = 0;
  for (const chunk of splitChunks(text, 'markdown')) {
    if (chunk.kind !== 'prose') continue;
    const { masked, blocks } = maskMarkdown(text.slice(chunk.start, chunk.end));
    for (const block of blocks) words += masked.slice(block.start, block.end).match(WORD)?.length ?? 0;
  }
  return words;
}

/** The sentence of `text` (Markdown) holding `span`, as the engine splits it; the span itself when none is found. */
function sentenceAround(text: string, span: Span): Span {
  for (const chunk of splitChunks(text, 'markdown')) {
    if (span.start < chunk.start || span.start >= chunk.end) continue;
    const { masked, blocks } = maskMarkdown(text.slice(chunk.start, chunk.end));
    const at = span.start - chunk.start;
    const block = blocks.find((b) => b.start <= at && at < b.end);
    if (!block) break;
    const sentence = tagSentences(masked, block).find((s) => s.start <= at && at < s.end);
    if (sentence) return { start: chunk.start + sentence.start, end: chunk.start + Math.max(sentence.end, span.end - chunk.start) };
    return { start: chunk.start + block.start, end: chunk.start + block.end };
  }
  return span;
}

const SNIPPET = 120;

/** At most 120 characters of the sentence around `finding`, whitespace collapsed, the flagged words in «». */
function snippet(text: string, finding: Span): string {
  const sentence = sentenceAround(text, finding);
  const flat = (s: string): string => s.replace(/\s+/g, ' ');
  const inner = flat(text.slice(finding.start, finding.end)).slice(0, SNIPPET);
  const room = Math.max(0, SNIPPET - inner.length);
  let before = flat(text.slice(sentence.start, finding.start)).trimStart();
  let after = flat(text.slice(finding.end, sentence.end)).trimEnd();
  const half = Math.floor(room / 2);
  if (before.length + after.length > room) {
    if (before.length <= half) after = after.slice(0, room - before.length);
    else if (after.length <= half) before = before.slice(before.length - (room - after.length));
    else {
      before = before.slice(before.length - half);
      after = after.slice(0, room - half);
    }
  }
  return `${before}«${inner}»${after}`.slice(0, SNIPPET + 2);
}

export interface DocumentNoise {
  file: string;
  words: number;
  findings: number;
  byRule: Record<string, number>;
}

export interface MarkdownNoiseReport {
  documents: number;
  packages: number;
  /** Prose words over all documents (see `proseWords`). */
  words: number;
  /** Findings per rule, hints included, and how many of them are hints. */
  byRule: Record<string, { findings: number; hints: number }>;
  /** `attribution.missing` findings per claim kind. */
  missingByKind: Record<string, number>;
  /** `loaded.term` findings per term. */
  loadedTerms: Record<string, number>;
  findings: number;
  hints: number;
  documentsWithFindings: number;
  perDocument: DocumentNoise[];
  failures: LintFailure[];
  /** Wall time of linting all documents (word counts and examples not included). */
  ms: number;
  /** `rule [kind] "message": snippet — file`, spread evenly over all findings in document order. */
  examples: string[];
}

export interface MarkdownNoiseOptions {
  knowledge?: Knowledge;
  /** How many flagged examples to collect (default 0). */
  examples?: number;
}

/** Lints each document as Markdown with the default settings (as the CLI does for a `.md` file) and counts every finding. */
export function markdownNoiseReport(docs: readonly MarkdownDoc[], options: MarkdownNoiseOptions = {}): MarkdownNoiseReport {
  const report: MarkdownNoiseReport = {
    documents: 0,
    packages: new Set(docs.map((d) => d.pkg)).size,
    words: 0,
    byRule: {},
    missingByKind: {},
    loadedTerms: {},
    findings: 0,
    hints: 0,
    documentsWithFindings: 0,
    perDocument: [],
    failures: [],
    ms: 0,
    examples: [],
  };
  const all: { doc: MarkdownDoc; finding: Finding }[] = [];
  for (const doc of docs) {
    let findings: Finding[];
    const started = performance.now();
    try {
      findings = lint(doc.text, { format: 'markdown', ...(options.knowledge ? { knowledge: options.knowledge } : {}) }).findings;
    } catch (error) {
      report.failures.push(lintFailure(doc.file, doc.text, error));
      continue;
    } finally {
      report.ms += performance.now() - started;
    }
    const words = proseWords(doc.text);
    report.documents++;
    report.words += words;
    report.findings += findings.length;
    if (findings.length > 0) report.documentsWithFindings++;
    const byRule: Record<string, number> = {};
    for (const f of findings) {
      byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
      const r = (report.byRule[f.rule] ??= { findings: 0, hints: 0 });
      r.findings++;
      if (f.severity === 'hint') {
        r.hints++;
        report.hints++;
      }
      if (f.rule === 'attribution.missing') report.missingByKind[f.kind ?? '(none)'] = (report.missingByKind[f.kind ?? '(none)'] ?? 0) + 1;
      if (f.rule === 'loaded.term') {
        const term = (f.term ?? doc.text.slice(f.start, f.end)).toLowerCase();
        report.loadedTerms[term] = (report.loadedTerms[term] ?? 0) + 1;
      }
      all.push({ doc, finding: f });
    }
    report.perDocument.push({ file: doc.file, words, findings: findings.length, byRule });
  }
  report.ms = Math.round(report.ms);
  for (const { doc, finding: f } of spread(all, options.examples ?? 0)) {
    const kind = f.kind ? ` [${f.kind}]` : '';
    const hint = f.severity === 'hint' ? ' (hint)' : '';
    report.examples.push(`${f.rule}${kind}${hint} "${f.message.replace(/\s+/g, ' ')}": ${snippet(doc.text, f)} — ${doc.file}`);
  }
  return report;
}

const per500 = (count: number, words: number): string => (words === 0 ? '-' : ((count * 500) / words).toFixed(2));
const TARGET = 1;

export function printMarkdownNoiseReport(label: string, report: MarkdownNoiseReport): void {
  const missing = report.byRule['attribution.missing']?.findings ?? 0;
  const shown = report.findings - report.hints;
  console.log(
    `\n${label}: ${report.documents} documents from ${report.packages} packages, ${report.words} words of prose, linted as Markdown with the default settings in ${report.ms} ms`,
  );
  console.log(
    `findings: ${report.findings} (${report.hints} hints) in ${report.documentsWithFindings} of ${report.documents} documents; every one is a false alarm on text that is not news`,
  );
  console.log('rule                   findings  hints  per 500 words');
  for (const [rule, r] of Object.entries(report.byRule).sort((a, b) => b[1].findings - a[1].findings || byCodeUnits(a[0], b[0]))) {
    console.log(
      `${rule.padEnd(22)} ${String(r.findings).padStart(8)}  ${String(r.hints).padStart(5)}  ${per500(r.findings, report.words).padStart(13)}`,
    );
  }
  const verdict = (rate: number): string => (rate <= TARGET ? 'meets' : 'misses');
  const rate = (n: number): number => (report.words === 0 ? 0 : (n * 500) / report.words);
  console.log(
    `per 500 words: all findings ${per500(report.findings, report.words)} (${verdict(rate(report.findings))} the target of ≤ ${TARGET}), hints left out ${per500(shown, report.words)}, attribution.missing alone ${per500(missing, report.words)} (${verdict(rate(missing))} the target)`,
  );
  const kinds = Object.entries(report.missingByKind).sort((a, b) => b[1] - a[1] || byCodeUnits(a[0], b[0]));
  if (kinds.length > 0) console.log('attribution.missing by claim kind: ' + kinds.map(([k, n]) => `${k} ${n}`).join(', '));
  const terms = Object.entries(report.loadedTerms).sort((a, b) => b[1] - a[1] || byCodeUnits(a[0], b[0]));
  if (terms.length > 0)
    console.log(
      'loaded.term by term: ' +
        terms
          .slice(0, 15)
          .map(([t, n]) => `${t} ${n}`)
          .join(', ') +
        (terms.length > 15 ? `, … (${terms.length} terms)` : ''),
    );
  // By count, not rate: a 60-word README with one finding has a high rate and says little.
  const worst = [...report.perDocument]
    .filter((d) => d.findings > 0)
    .sort(
      (a, b) =>
        b.findings - a.findings || b.findings / Math.max(1, b.words) - a.findings / Math.max(1, a.words) || byCodeUnits(a.file, b.file),
    )
    .slice(0, 5);
  console.log('worst documents (most findings; findings per 500 words, findings, words):');
  for (const d of worst) {
    const rules = Object.entries(d.byRule)
      .sort((a, b) => b[1] - a[1])
      .map(([r, n]) => `${r} ${n}`)
      .join(', ');
    console.log(
      `  ${per500(d.findings, d.words).padStart(6)}  ${String(d.findings).padStart(3)} in ${String(d.words).padStart(5)} words  ${d.file}${rules ? `  (${rules})` : ''}`,
    );
  }
  printLintFailures(report.failures, 'document');
  printExamples('flagged', report.examples);
}
