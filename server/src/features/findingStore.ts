import { shiftFinding } from '../engine/findings';
import type { Finding } from '../engine/types';

/** A text change in offsets of the text before it: `[start, end)` replaced by `length` new characters. */
export interface OffsetChange {
  start: number;
  end: number;
  length: number;
}

/**
 * The latest findings of one document, kept valid while the user types: each edit shifts findings after
 * it and drops those it touched, the way editors move markers, so hovers and quick fixes between an edit
 * and the next lint still point at the right text.
 */
export class FindingStore {
  private findings: Finding[] = [];

  /** The version the findings were computed for (before any shifting). */
  lintedVersion = -1;

  set(findings: Finding[], version: number): void {
    this.findings = findings;
    this.lintedVersion = version;
  }

  all(): readonly Finding[] {
    return this.findings;
  }

  /** Applies one edit: findings after it move, findings overlapping it are dropped. */
  applyChange(change: OffsetChange): void {
    const delta = change.length - (change.end - change.start);
    const kept: Finding[] = [];
    for (const finding of this.findings) {
      if (finding.end <= change.start) {
        kept.push(finding);
      } else if (finding.start >= change.end) {
        kept.push(shiftFinding(finding, delta));
      }
    }
    this.findings = kept;
  }

  /** Findings whose span overlaps `[start, end]` (touching counts, so a cursor at a word's end finds it). */
  overlapping(start: number, end: number): Finding[] {
    return this.findings.filter((f) => f.start <= end && f.end >= start);
  }
}
