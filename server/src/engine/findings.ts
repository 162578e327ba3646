import type { Finding } from './types';

/** `finding` with its span and every fix edit moved by `delta` characters. */
export function shiftFinding(finding: Finding, delta: number): Finding {
  if (delta === 0) return finding;
  return {
    ...finding,
    start: finding.start + delta,
    end: finding.end + delta,
    fixes: finding.fixes.map((fix) => ({
      ...fix,
      edits: fix.edits.map((edit) => ({ ...edit, start: edit.start + delta, end: edit.end + delta })),
    })),
  };
}
