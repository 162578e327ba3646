import { isRuleSelector, RULES, selectorCovers } from './ruleCatalog';
import { partitionPoint } from './partitionPoint';
import type { RawComment } from './text/prose';
import type { Finding, RuleDeclaration, RuleId, Span } from './types';

/** The rules this module reports, as the registry (rules/index.ts) lists them. */
export const DIRECTIVE_UNKNOWN = {
  id: 'directive.unknown',
  family: 'directive',
  defaultSeverity: 'warning',
  countedInStatusBar: false,
  summary: 'A claimlint-disable/enable comment names a rule that does not exist.',
} as const satisfies RuleDeclaration;

/** An inline control comment: `claimlint-disable`, `claimlint-enable` or `claimlint-disable-next-line`. */
export interface Directive extends Span {
  kind: 'disable' | 'enable' | 'disable-next-line';
  /** Rule ids or families; empty means every rule. */
  selectors: { name: string; start: number; end: number }[];
}

const DIRECTIVE = /^\s*claimlint-(disable-next-line|disable|enable)(?=\s|$)/;

/** Reads directives out of comments (absolute offsets). Comments that are not directives are ignored. */
export function parseDirectives(comments: readonly RawComment[]): Directive[] {
  const directives: Directive[] = [];
  for (const comment of comments) {
    const m = DIRECTIVE.exec(comment.body);
    if (!m) continue;
    const selectors: Directive['selectors'] = [];
    const rest = /[^\s,]+/g;
    rest.lastIndex = m[0].length;
    for (let s = rest.exec(comment.body); s; s = rest.exec(comment.body)) {
      if (s[0] === '--') break; // "-- reason" ends the list, as in ESLint
      const start = comment.bodyStart + s.index;
      selectors.push({ name: s[0], start, end: start + s[0].length });
    }
    directives.push({ kind: m[1] as Directive['kind'], selectors, start: comment.start, end: comment.end });
  }
  return directives.sort((a, b) => a.start - b.start);
}

/** A `directive.unknown` finding for every selector that names no rule or family. */
export function unknownSelectorFindings(directives: readonly Directive[], severity: Finding['severity']): Finding[] {
  const findings: Finding[] = [];
  for (const directive of directives) {
    for (const selector of directive.selectors) {
      if (isRuleSelector(selector.name)) continue;
      findings.push({
        rule: 'directive.unknown',
        severity,
        start: selector.start,
        end: selector.end,
        message: `Unknown rule "${selector.name}" in claimlint-${directive.kind}; it has no effect.`,
        detail: { reason: 'Directives take rule ids such as loaded.term or families such as fact; see the rule table.' },
        fixes: [{ title: `Remove "${selector.name}"`, edits: [{ start: selector.start, end: selector.end, newText: '' }] }],
      });
    }
  }
  return findings;
}

function covers(directive: Directive, rule: RuleId): boolean {
  return directive.selectors.length === 0 || directive.selectors.some((s) => selectorCovers(s.name, rule));
}

/** The `[start, end)` of the line after the one holding `offset` (CRLF, CR and LF alike). */
function nextLine(text: string, offset: number): Span {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  if (i < text.length) i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
  let end = i;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return { start: i, end };
}

/** What directives decide about findings, asked of any finding in any order. */
export interface DirectiveFilter {
  /** Whether a finding of `rule` starting at `start` is reported. */
  visible(rule: RuleId, start: number): boolean;
  /** False when no finding starting in `[start, end]` can be silenced (so none needs asking). */
  mayHide(start: number, end: number): boolean;
}

/**
 * The verdict of directives, or undefined when there are none. A directive applies from its position on;
 * the last disable or enable before a finding that covers its rule decides. `disable-next-line` silences
 * the line after the comment's last line. `directive.unknown` findings are only silenced by
 * `disable-next-line`.
 */
export function directiveFilter(directives: readonly Directive[], text: string): DirectiveFilter | undefined {
  if (directives.length === 0) return undefined;
  /** The rules disabled once directives[0..k] have applied. */
  const disabledAfter: ReadonlySet<RuleId>[] = [];
  const lineTargets: { after: number; line: Span; rules: Set<RuleId> }[] = [];
  let disabled = new Set<RuleId>();
  for (const directive of directives) {
    const rules = new Set(RULES.filter((r) => covers(directive, r.id)).map((r) => r.id));
    if (directive.kind === 'disable-next-line') {
      lineTargets.push({ after: directive.start, line: nextLine(text, directive.end), rules });
    } else {
      disabled = new Set(disabled);
      for (const rule of rules) {
        if (directive.kind === 'disable') disabled.add(rule);
        else disabled.delete(rule);
      }
    }
    disabledAfter.push(disabled);
  }
  /** How many directives start before `offset`. */
  const before = (offset: number): number => partitionPoint(directives, (d) => d.start < offset);
  return {
    visible(rule, start) {
      for (const target of lineTargets) {
        if (target.after < start && target.line.start <= start && start <= target.line.end && target.rules.has(rule)) return false;
      }
      if (rule === 'directive.unknown') return true;
      const applied = before(start);
      return applied === 0 || !disabledAfter[applied - 1].has(rule);
    },
    mayHide(start, end) {
      for (const target of lineTargets) if (target.after < end && target.line.start <= end && start <= target.line.end) return true;
      for (let k = Math.max(before(start) - 1, 0), last = before(end); k < last; k++) if (disabledAfter[k].size > 0) return true;
      return false;
    },
  };
}

/** Drops findings silenced by directives (see `directiveFilter`). */
export function applyDirectives(findings: Finding[], directives: readonly Directive[], text: string): Finding[] {
  const filter = directiveFilter(directives, text);
  return filter ? findings.filter((f) => filter.visible(f.rule, f.start)) : findings;
}
