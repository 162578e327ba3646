import type { Finding } from '../engine';
import { shiftFinding } from '../engine';

/** A text change in offsets of the text before it: `[start, end)` replaced by `length` new characters. */
export interface OffsetChange {
  start: number;
  end: number;
  length: number;
}

/** Edits kept pending before they are applied to every finding at once. */
const MAX_PENDING_CHANGES = 64;

/**
 * The latest findings of one document, kept valid while the user types: each edit moves findings after it
 * and drops those it touched, the way editors move markers, so hovers and quick fixes between an edit and
 * the next lint still point at the right text. Edits are recorded, not applied to every finding: a
 * keystroke costs the same in a long draft as in a short one, and only the findings a hover or code action
 * asks for are moved.
 */
export class FindingStore {
  private findings: readonly Finding[] = [];
  private pending: OffsetChange[] = [];

  /** The version the findings were computed for (before any edit). */
  lintedVersion = -1;

  set(findings: readonly Finding[], version: number): void {
    this.findings = findings;
    this.pending = [];
    this.lintedVersion = version;
  }

  /** Records one edit: findings after it move, findings overlapping it are dropped. */
  applyChange(change: OffsetChange): void {
    this.pending.push(change);
    if (this.pending.length > MAX_PENDING_CHANGES) this.settle();
  }

  /** Findings whose span overlaps `[start, end]` (touching counts, so a cursor at a word's end finds it). */
  overlapping(start: number, end: number): Finding[] {
    const found: Finding[] = [];
    for (const finding of this.findings) {
      const moved = this.moved(finding);
      if (moved && moved.start <= end && moved.end >= start) found.push(moved);
    }
    return found;
  }

  /** `finding` after the pending edits, or undefined when one of them touched it. */
  private moved(finding: Finding): Finding | undefined {
    let current = finding;
    for (const change of this.pending) {
      if (current.end <= change.start) continue;
      if (current.start < change.end) return undefined;
      current = shiftFinding(current, change.length - (change.end - change.start));
    }
    return current;
  }

  private settle(): void {
    if (this.pending.length === 0) return;
    const kept: Finding[] = [];
    for (const finding of this.findings) {
      const moved = this.moved(finding);
      if (moved) kept.push(moved);
    }
    this.findings = kept;
    this.pending = [];
  }
}
