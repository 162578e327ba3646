import type { Genre } from './text/genre';
import { documentGenre } from './text/genre';
import { ChunkedFindings } from './chunkedFindings';
import type { PlacedFindings } from './chunkedFindings';
import { directiveFilter, parseDirectives, unknownSelectorFindings } from './directives';
import { byPosition } from './findings';
import type { AnalysedChunk } from './document';
import type { DocumentFormat } from './types';
import type { Chunk, ChunkedEdit } from './text/chunks';
import { resplitChunks } from './text/chunks';
import { commonEnds } from './text/commonEnds';
import { piecesOf } from './text/pieces';
import { analyseChunk, splitChunks } from './document';
import type { Knowledge } from './knowledge/knowledge';
import { ALL_RULES, softenedForExtracted, withoutOutranked } from './rules/index';
import { severityOf } from './rules/rule';
import type { LintSettings } from './settings';
import { settingsKey } from './settings';
import type { RawComment } from './text/prose';
import type { Finding } from './types';

/** Documents longer than this (UTF-16 code units) are checked up to this point only. */
export const MAX_LINT_LENGTH = 5 * 1024 * 1024;

/**
 * A lint stops after the piece that takes its findings past this many, and says where it stopped, as for a
 * long document. A finding with its message and fixes holds about 1.4 KB in the cache and 0.6 KB more for
 * its copy at document offsets once all are read (measured on a loaded term, the most frequent): 5 MB of
 * one loaded word repeated makes 700,000 findings, twice what a 512 MB server heap holds; at 150,000 a 4.8 MB
 * paragraph took the server to 493 MB resident. 50,000 take about 100 MB at most, and a real draft has a few
 * hundred.
 */
export const MAX_FINDINGS = 50_000;

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
  /** Every finding (put together on first read). */
  readonly findings: Finding[];
  /** Number of findings, known without putting them together. */
  count: number;
  /**
   * The `keep` findings starting nearest `focus`, in document order (`nearestFindings(findings, focus,
   * keep)`), put together from the chunks around the focus only.
   */
  nearest(focus: number, keep: number): Finding[];
  cancelled: boolean;
  /** When the document was too long, or had more than `MAX_FINDINGS` findings: the offset where checking stopped. */
  truncatedAt?: number;
  /** Why checking stopped at `truncatedAt`, in words that follow "because". */
  truncatedBecause?: string;
  chunkCount: number;
  /** Chunks whose findings came from the cache. */
  reusedChunks: number;
}

/**
 * What a lint keeps of a chunk: its findings and the little the document-level pass needs. The analysis
 * itself (tokens, sentences and the readings rules cache on them) is dropped once the chunk is linted, so a
 * long open draft costs memory in proportion to its findings, not to its words; a settings change
 * re-analyses.
 */
interface CachedChunk {
  /** The cache key: format and a detached copy of the chunk text (see `detached`). */
  key: string;
  findingsKey: string;
  findings: Finding[];
  comments: RawComment[];
  /** Where the chunk's first block starts when that block opens with a quotation. */
  quoteOpensAt: number | undefined;
  /** True when the chunk's last block holds a quotation. */
  endsInQuote: boolean;
}

function cachedChunk(key: string, analysed: AnalysedChunk, findingsKey: string, findings: Finding[]): CachedChunk {
  const { blocks, comments } = analysed;
  const first = blocks[0];
  return {
    key,
    findingsKey,
    findings,
    comments,
    quoteOpensAt: first && first.quotes[0]?.start === first.start ? first.start : undefined,
    endsInQuote: blocks.length > 0 && blocks[blocks.length - 1].quotes.length > 0,
  };
}

/** A chunk of the last linted version, with its comments (and findings, once read) at that version's offsets. */
interface PlacedChunk extends PlacedFindings {
  cached: CachedChunk;
  comments: readonly RawComment[];
}

/** The last complete lint, so the next one can reuse the chunks an edit did not touch without looking them up. */
interface PreviousLint {
  text: string;
  format: DocumentFormat;
  findingsKey: string;
  chunks: Chunk[];
  placed: PlacedChunk[];
}

/**
 * Per-document cache of chunk results, keyed by chunk text (and by settings and knowledge version for the
 * findings), plus the last version's chunk layout. After each complete lint only the chunks of the current
 * text are kept, so memory is bounded by the document and does not grow with edits.
 */
export class LintCache {
  private entries = new Map<string, CachedChunk>();
  /** @internal */
  previous: PreviousLint | undefined;

  get size(): number {
    return this.entries.size;
  }

  /** @internal */
  lookup(key: string): CachedChunk | undefined {
    return this.entries.get(key);
  }

  /** @internal Replaces the cache by the chunks of the latest complete lint. */
  retainOnly(current: Map<string, CachedChunk>, previous: PreviousLint): void {
    this.entries = current;
    this.previous = previous;
  }

  /** @internal Keeps work done by a cancelled lint for the next one. */
  add(done: Map<string, CachedChunk>): void {
    for (const [key, value] of done) this.entries.set(key, value);
  }

  clear(): void {
    this.entries.clear();
    this.previous = undefined;
  }
}

/**
 * Runs every enabled rule on a chunk; a rule id reported twice on the same words is kept once, and a
 * finding another one on the same words outranks is dropped.
 */
function runRules(analysed: AnalysedChunk, request: LintRequest, genre: Genre): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const rule of ALL_RULES) {
    if (!rule.ids.some((id) => severityOf(request.settings, id))) continue;
    for (const finding of rule.run({ chunk: analysed, knowledge: request.knowledge, settings: request.settings, genre })) {
      const key = `${finding.rule}:${finding.start}:${finding.end}`;
      if (!severityOf(request.settings, finding.rule) || seen.has(key)) continue;
      seen.add(key);
      findings.push(finding);
    }
  }
  return softenedForExtracted(withoutOutranked(findings), request.knowledge);
}

/**
 * A copy of `text` that shares no memory with the string it was sliced from. Cached analyses keep slices
 * of their chunk's text; without the copy each would pin the whole document version it came from.
 */
function detached(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

const NO_COMMENTS: readonly RawComment[] = [];

function shiftComments(comments: readonly RawComment[], delta: number): readonly RawComment[] {
  if (comments.length === 0) return NO_COMMENTS;
  return comments.map((c) => ({ ...c, start: c.start + delta, end: c.end + delta, bodyStart: c.bodyStart + delta }));
}

/** How the text differs from the last linted version of the same format, when there is one. */
function editSince(
  previous: PreviousLint | undefined,
  text: string,
  format: DocumentFormat,
): (ChunkedEdit & { previous: PreviousLint }) | undefined {
  if (!previous || previous.format !== format) return undefined;
  const { prefix, suffix } = commonEnds(previous.text, text);
  return { previous, previousChunks: previous.chunks, prefix, suffix, delta: text.length - previous.text.length };
}

/**
 * Finds, for a chunk of the new text, the same chunk of the last version when it lies in the text the edit
 * left alone (before it, or after it and moved by the edit's length): its results are reused as they are.
 */
function reuseFinder(edit: ReturnType<typeof editSince>, text: string, findingsKey: string): (chunk: Chunk) => PlacedChunk | undefined {
  if (!edit || edit.previous.findingsKey !== findingsKey) return () => undefined;
  const { prefix, suffix, delta } = edit;
  const previous = edit.previous.placed;
  // chunks are asked for in document order, so one cursor walks the last version's chunks
  let cursor = 0;
  const placedAt = (start: number): PlacedChunk | undefined => {
    while (cursor < previous.length && previous[cursor].start < start) cursor++;
    return previous[cursor]?.start === start ? previous[cursor] : undefined;
  };
  return (chunk) => {
    if (chunk.end <= prefix) {
      const same = placedAt(chunk.start);
      return same && same.end === chunk.end ? same : undefined;
    }
    if (chunk.start >= text.length - suffix) {
      const moved = placedAt(chunk.start - delta);
      if (!moved || moved.end !== chunk.end - delta) return undefined;
      if (delta === 0) return moved;
      return { start: chunk.start, end: chunk.end, cached: moved.cached, comments: shiftComments(moved.comments, delta) };
    }
    return undefined;
  };
}

/**
 * The prose chunks of a document, each in the pieces it is linted in (see `piecesOf`): a piece is cached,
 * reused and placed like a chunk of its own.
 */
function* everyPiece(text: string, chunks: readonly Chunk[], format: DocumentFormat): Generator<Chunk> {
  for (const chunk of chunks) {
    if (chunk.kind === 'frontmatter') continue;
    yield* piecesOf(text, chunk, format);
  }
}

/**
 * The lint as a sequence of steps: it yields after each chunk it analyses so that a driver can pause (to
 * let newer edits arrive) or stop. Returns the outcome when done.
 */
function* lintSteps(request: LintRequest): Generator<void, LintOutcome> {
  const truncated = request.text.length > MAX_LINT_LENGTH;
  const text = truncated ? request.text.slice(0, lastBreakBefore(request.text, MAX_LINT_LENGTH)) : request.text;
  const genre = documentGenre(text, request.format);
  const findingsKey = settingsKey(request.settings) + '\u0000' + request.knowledge.version + '\u0000' + genre;
  const edit = editSince(request.cache?.previous, text, request.format);
  const chunks = edit ? resplitChunks(text, request.format, edit) : splitChunks(text, request.format);
  const reuse = reuseFinder(edit, text, findingsKey);
  const current = new Map<string, CachedChunk>();
  const placed: PlacedChunk[] = [];
  let reusedChunks = 0;
  let findingCount = 0;
  let stoppedAt: number | undefined = truncated ? text.length : undefined;
  let stopReason = `the draft is longer than ${MAX_LINT_LENGTH} characters`;
  for (const chunk of everyPiece(text, chunks, request.format)) {
    if (request.isCancelled?.()) {
      request.cache?.add(current);
      return outcome(new ChunkedFindings([], [], undefined), { cancelled: true, chunkCount: chunks.length, reusedChunks });
    }
    let piece = reuse(chunk);
    if (piece) {
      reusedChunks++;
      current.set(piece.cached.key, piece.cached);
    } else {
      const lookupKey = request.format + '\u0000' + text.slice(chunk.start, chunk.end);
      let cached = current.get(lookupKey) ?? request.cache?.lookup(lookupKey);
      if (cached && cached.findingsKey === findingsKey) {
        reusedChunks++;
      } else {
        const chunkText = cached ? cached.key.slice(request.format.length + 1) : detached(text.slice(chunk.start, chunk.end));
        const analysed = analyseChunk(chunkText, request.format, request.knowledge);
        cached = cachedChunk(
          cached?.key ?? request.format + '\u0000' + chunkText,
          analysed,
          findingsKey,
          runRules(analysed, request, genre).sort(byPosition),
        );
        yield;
      }
      current.set(cached.key, cached);
      piece = { start: chunk.start, end: chunk.end, cached, comments: shiftComments(cached.comments, chunk.start) };
    }
    placed.push(piece);
    // reused pieces count too, or a lint with a cache would go on past where a fresh one stops
    findingCount += piece.cached.findings.length;
    if (findingCount > MAX_FINDINGS) {
      stoppedAt = chunk.end;
      stopReason = `the draft has more than ${MAX_FINDINGS} findings`;
      break;
    }
  }
  request.cache?.retainOnly(current, { text, format: request.format, findingsKey, chunks, placed });
  const comments: RawComment[] = [];
  for (const chunk of placed) for (const comment of chunk.comments) comments.push(comment);
  const directives = parseDirectives(comments);
  const directiveSeverity = severityOf(request.settings, 'directive.unknown');
  const unknown = directiveSeverity ? unknownSelectorFindings(directives, directiveSeverity).sort(byPosition) : [];
  return outcome(new ChunkedFindings(placed, unknown, directiveFilter(directives, text)), {
    cancelled: false,
    chunkCount: chunks.length,
    reusedChunks,
    ...(stoppedAt !== undefined ? { truncatedAt: stoppedAt, truncatedBecause: stopReason } : {}),
  });
}

function outcome(
  found: ChunkedFindings,
  rest: Pick<LintOutcome, 'cancelled' | 'chunkCount' | 'reusedChunks' | 'truncatedAt' | 'truncatedBecause'>,
): LintOutcome {
  return {
    get findings() {
      return found.all();
    },
    count: found.count,
    nearest: (focus, keep) => found.nearest(focus, keep),
    ...rest,
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
