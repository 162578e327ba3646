import type { DirectiveFilter } from './directives';
import { byPosition, nearestFindings, shiftFinding } from './findings';
import { partitionPoint } from './partitionPoint';
import type { Finding } from './types';

/** What assembling a document's findings needs of one linted chunk. */
export interface ChunkFindings {
  /** Findings at offsets relative to the chunk, sorted by position. */
  findings: Finding[];
  /** Where (relative to the chunk) its first block starts when that block opens with a quotation. */
  quoteOpensAt: number | undefined;
  /** True when the chunk's last block holds a quotation. */
  endsInQuote: boolean;
}

/** A chunk's findings placed in the document; `absolute` holds them at document offsets once asked for. */
export interface PlacedFindings {
  start: number;
  end: number;
  cached: ChunkFindings;
  absolute?: Finding[];
}

/** Appends `items` to `list` (without spreading them into one call, which has a bounded argument count). */
function appendAll<T>(list: T[], items: readonly T[]): void {
  for (const item of items) list.push(item);
}

/**
 * A paragraph that opens with a quotation right after a paragraph of quoted speech continues that speech
 * (news style: the speaker is named once), so its quotation is not reported as speakerless. The chunk starts
 * at `offset` in the coordinates of `finding`.
 */
function continuesQuote(finding: Finding, chunk: ChunkFindings, offset: number): boolean {
  return finding.rule === 'attribution.missing' && finding.kind === 'quotes' && finding.start - offset === chunk.quoteOpensAt;
}

/**
 * A document's findings kept per chunk at chunk offsets and moved to document offsets only when read. After
 * an edit in a long draft, the chunks behind it cost nothing until their findings are asked for, so an editor
 * that shows the findings near the edit (`nearest`) pays for those, not for the whole document.
 *
 * Invariant: `all()` is the document's findings in document order (chunk findings minus quote continuations,
 * plus `extra`, sorted, then filtered by the directives); `count` is its length and `nearest(focus, keep)`
 * equals `nearestFindings(all(), focus, keep)`.
 */
export class ChunkedFindings {
  /** Number of findings, counted without moving any. */
  readonly count: number;
  private everything: Finding[] | undefined;

  /**
   * @param chunks the linted chunks in document order
   * @param extra findings of the document as a whole (unknown directive selectors), at document offsets
   * @param directives the directives' verdict, or undefined when the document has no directives
   */
  constructor(
    private readonly chunks: readonly PlacedFindings[],
    private readonly extra: readonly Finding[],
    private readonly directives: DirectiveFilter | undefined,
  ) {
    let count = 0;
    for (let i = 0; i < chunks.length; i++) {
      const { findings } = chunks[i].cached;
      if (this.keepsAll(i)) count += findings.length;
      else for (const finding of findings) if (this.reports(i, finding, 0)) count++;
    }
    for (const finding of extra) if (this.visible(finding)) count++;
    this.count = count;
  }

  /** Every finding, in document order. */
  all(): Finding[] {
    if (this.everything) return this.everything;
    const findings: Finding[] = [];
    // appended one by one: spreading a chunk's findings into push() overflows the stack past ~120,000
    for (let i = 0; i < this.chunks.length; i++) appendAll(findings, this.visibleIn(i));
    const extra = this.extra.filter((f) => this.visible(f));
    if (extra.length > 0) {
      appendAll(findings, extra);
      findings.sort(byPosition);
    }
    this.everything = findings;
    return findings;
  }

  /** The `keep` findings starting nearest `focus`, in document order; moves only the chunks around it. */
  nearest(focus: number, keep: number): Finding[] {
    if (keep >= this.count || this.everything) return nearestFindings(this.all(), focus, keep);
    const chunks = this.chunks;
    // from the first chunk ending after the focus (every chunk before it lies wholly before the focus)
    let lo = partitionPoint(chunks, (c) => c.end <= focus);
    let hi = lo;
    // widen [lo, hi) by whole chunks until it holds `keep` findings on either side of the focus (or the
    // document's end on that side): the nearest ones are then all inside
    const found = new Map<number, Finding[]>();
    let before = 0;
    let after = 0;
    const take = (i: number): void => {
      const list = this.visibleIn(i);
      found.set(i, list);
      for (const finding of list) {
        if (finding.start < focus) before++;
        else after++;
      }
    };
    while ((before < keep && lo > 0) || (after < keep && hi < chunks.length)) {
      if (after < keep && hi < chunks.length) take(hi++);
      if (before < keep && lo > 0) take(--lo);
    }
    const window: Finding[] = [];
    for (let i = lo; i < hi; i++) appendAll(window, found.get(i) ?? []);
    // with nothing to keep the window can stay empty past the last chunk (a focus at the document's end)
    const from = lo === 0 ? -Infinity : lo < chunks.length ? chunks[lo].start : chunks[lo - 1].end;
    const to = hi === chunks.length ? Infinity : chunks[hi].start;
    const extra = this.extra.filter((f) => f.start >= from && f.start < to && this.visible(f));
    if (extra.length > 0) {
      appendAll(window, extra);
      window.sort(byPosition);
    }
    return nearestFindings(window, focus, keep);
  }

  /** Whether the directives let a finding at document offsets be reported. */
  private visible(finding: Finding): boolean {
    return !this.directives || this.directives.visible(finding.rule, finding.start);
  }

  /**
   * Whether chunk `i` reports `finding`, whose offsets count from where the chunk starts at `chunkAt` (0 for
   * the chunk's own findings, the chunk's start for findings at document offsets).
   */
  private reports(i: number, finding: Finding, chunkAt: number): boolean {
    const { start, cached } = this.chunks[i];
    if (this.continuesPrevious(i) && continuesQuote(finding, cached, chunkAt)) return false;
    return !this.directives || this.directives.visible(finding.rule, finding.start - chunkAt + start);
  }

  /** True when chunk `i` reports every finding it has: no quote continues into it and no directive reaches it. */
  private keepsAll(i: number): boolean {
    const chunk = this.chunks[i];
    return !this.continuesPrevious(i) && !this.directives?.mayHide(chunk.start, chunk.end);
  }

  private continuesPrevious(i: number): boolean {
    return i > 0 && this.chunks[i - 1].cached.endsInQuote && this.chunks[i].cached.quoteOpensAt !== undefined;
  }

  /** Chunk `i`'s findings at document offsets (made once per placed chunk). */
  private absolute(i: number): Finding[] {
    const chunk = this.chunks[i];
    chunk.absolute ??= chunk.cached.findings.map((f) => shiftFinding(f, chunk.start));
    return chunk.absolute;
  }

  /** Chunk `i`'s reported findings at document offsets. */
  private visibleIn(i: number): Finding[] {
    if (this.keepsAll(i)) return this.absolute(i);
    const { start } = this.chunks[i];
    return this.absolute(i).filter((f) => this.reports(i, f, start));
  }
}
