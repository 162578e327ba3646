import { shiftFinding } from './findings';
import { applyDirectives, parseDirectives, unknownSelectorFindings } from './directives';
import type { AnalysedChunk, DocumentFormat } from './document';
import { analyseChunk, splitChunks } from './document';
import type { Knowledge } from './knowledge/knowledge';
import { ALL_RULES } from './rules/index';
import { severityOf } from './rules/rule';
import type { LintSettings } from './settings';
import { settingsKey } from './settings';
import type { RawComment } from './text/prose';
import type { Finding } from './types';

/** Documents longer than this (UTF-16 code units) are checked up to this point only. */
export const MAX_LINT_LENGTH = 5 * 1024 * 1024;

/** Input of a lint: the text and everything that decides what is reported. */
export interface LintRequest {
  text: string;
  format: DocumentFormat;
  settings: LintSettings;
  knowledge: Knowledge;
  /** Reuses chunk results from earlier lints of the same document. */
  cache?: LintCache;
  /** Polled between chunks; when it returns true the lint stops and reports `cancelled`. */
  isCancelled?: () => boolean;
}

/** Result of a lint. Findings are sorted by start offset. */
export interface LintOutcome {
  findings: Finding[];
  cancelled: boolean;
  /** When the document was too long: the offset where checking stopped. */
  truncatedAt?: number;
  chunkCount: number;
  /** Chunks whose findings came from the cache. */
  reusedChunks: number;
}

interface CachedChunk {
  /** The cache key: format and a detached copy of the chunk text (see `detached`). */
  key: string;
  analysed: AnalysedChunk;
  findingsKey: string;
  findings: Finding[];
}

/**
 * Per-document cache of chunk results, keyed by chunk text (and by settings and knowledge version for the
 * findings). After each complete lint only the chunks of the current text are kept, so memory is bounded
 * by the document and does not grow with edits.
 */
export class LintCache {
  private entries = new Map<string, CachedChunk>();

  get size(): number {
    return this.entries.size;
  }

  /** @internal */
  lookup(key: string): CachedChunk | undefined {
    return this.entries.get(key);
  }

  /** @internal Replaces the cache by the chunks of the latest complete lint. */
  retainOnly(current: Map<string, CachedChunk>): void {
    this.entries = current;
  }

  /** @internal Keeps work done by a cancelled lint for the next one. */
  add(done: Map<string, CachedChunk>): void {
    for (const [key, value] of done) this.entries.set(key, value);
  }

  clear(): void {
    this.entries.clear();
  }
}

/** Runs every enabled rule on a chunk; a rule id reported twice on the same words is kept once. */
function runRules(analysed: AnalysedChunk, request: LintRequest): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const rule of ALL_RULES) {
    if (!rule.ids.some((id) => severityOf(request.settings, id))) continue;
    for (const finding of rule.run({ chunk: analysed, knowledge: request.knowledge, settings: request.settings })) {
      const key = `${finding.rule}:${finding.start}:${finding.end}`;
      if (!severityOf(request.settings, finding.rule) || seen.has(key)) continue;
      seen.add(key);
      findings.push(finding);
    }
  }
  return findings;
}

/**
 * A paragraph that opens with a quotation right after a paragraph of quoted speech continues that speech
 * (news style: the speaker is named once), so its quotation is not reported as speakerless.
 */
function continuesQuote(finding: Finding, opening: AnalysedChunk['blocks'][number] | undefined): boolean {
  return finding.rule === 'attribution.missing' && finding.kind === 'quotes' && opening !== undefined && opening.quotes[0]?.start === finding.start && finding.start === opening.start;
}

/**
 * A copy of `text` that shares no memory with the string it was sliced from. Cached analyses keep slices
 * of their chunk's text; without the copy each would pin the whole document version it came from.
 */
function detached(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/** Maps offsets to 0-based line numbers of `text`. */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
}

/**
 * The lint as a sequence of steps: it yields after each chunk so that a driver can pause (to let newer
 * edits arrive) or stop. Returns the outcome when done.
 */
function* lintSteps(request: LintRequest): Generator<void, LintOutcome> {
  const truncated = request.text.length > MAX_LINT_LENGTH;
  const text = truncated ? request.text.slice(0, lastBreakBefore(request.text, MAX_LINT_LENGTH)) : request.text;
  const findingsKey = settingsKey(request.settings) + '\u0000' + request.knowledge.version;
  const chunks = splitChunks(text, request.format);
  const current = new Map<string, CachedChunk>();
  const findings: Finding[] = [];
  const comments: RawComment[] = [];
  let reusedChunks = 0;
  let previousEndsInQuote = false;
  for (const chunk of chunks) {
    if (request.isCancelled?.()) {
      request.cache?.add(current);
      return { findings: [], cancelled: true, chunkCount: chunks.length, reusedChunks };
    }
    if (chunk.kind === 'frontmatter') continue;
    const lookupKey = request.format + '\u0000' + text.slice(chunk.start, chunk.end);
    let cached = current.get(lookupKey) ?? request.cache?.lookup(lookupKey);
    if (cached && cached.findingsKey === findingsKey) {
      reusedChunks++;
    } else {
      const chunkText = cached ? cached.key.slice(request.format.length + 1) : detached(text.slice(chunk.start, chunk.end));
      const analysed = cached?.analysed ?? analyseChunk(chunkText, request.format);
      cached = { key: cached?.key ?? request.format + '\u0000' + chunkText, analysed, findingsKey, findings: runRules(analysed, request) };
      yield;
    }
    current.set(cached.key, cached);
    const opening = cached.analysed.blocks[0];
    for (const finding of cached.findings) {
      if (previousEndsInQuote && continuesQuote(finding, opening)) continue;
      findings.push(shiftFinding(finding, chunk.start));
    }
    const last = cached.analysed.blocks[cached.analysed.blocks.length - 1];
    previousEndsInQuote = last !== undefined && last.quotes.length > 0;
    for (const comment of cached.analysed.comments) {
      comments.push({ ...comment, start: comment.start + chunk.start, end: comment.end + chunk.start, bodyStart: comment.bodyStart + chunk.start });
    }
  }
  request.cache?.retainOnly(current);
  const directives = parseDirectives(comments);
  const directiveSeverity = severityOf(request.settings, 'directive.unknown');
  if (directiveSeverity) findings.push(...unknownSelectorFindings(directives, directiveSeverity));
  const visible = applyDirectives(findings, directives, directives.length > 0 ? lineIndex(text) : () => 0);
  visible.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
  return {
    findings: visible,
    cancelled: false,
    chunkCount: chunks.length,
    reusedChunks,
    ...(truncated ? { truncatedAt: text.length } : {}),
  };
}

/**
 * Lints a whole document. Pure: the same request always gives the same findings, whether or not a cache
 * is passed (the cache only saves work).
 */
export function lintDocument(request: LintRequest): LintOutcome {
  const steps = lintSteps(request);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/**
 * Lints like `lintDocument`, but awaits `pause()` whenever a time slice of `sliceMs` is used up, so an
 * event loop can deliver newer edits and `isCancelled` can stop superseded work.
 */
export async function lintDocumentInSlices(request: LintRequest, pause: () => Promise<void>, sliceMs = 15): Promise<LintOutcome> {
  const steps = lintSteps(request);
  let sliceStart = Date.now();
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    if (Date.now() - sliceStart >= sliceMs) {
      await pause();
      sliceStart = Date.now();
    }
  }
}

function lastBreakBefore(text: string, limit: number): number {
  const cut = text.lastIndexOf('\n', limit);
  if (cut > 0) return cut;
  // never split a surrogate pair
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}
