import type { MarkupContent } from 'vscode-languageserver/node';
import { MarkupKind } from 'vscode-languageserver/node';
import type { Finding, SourceRef } from '../engine';

/** Command the hover links to; the client opens the seed with the passage selected. */
export const OPEN_SOURCE_COMMAND = 'claimlint.openSourcePassage';

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]<>()#+!|])/g, '\\$1');
}

function openSourceLink(source: SourceRef): string {
  // a reporter's source document opens itself; a seed opens in ClaimLint's read-only window
  const target = source.file
    ? { file: source.file, offset: source.offset, length: source.passage.length }
    : { seed: source.seed, offset: source.offset, length: source.passage.length, title: source.title, outlet: source.outlet };
  const args = encodeURIComponent(JSON.stringify([target]));
  return `[Open source passage](command:${OPEN_SOURCE_COMMAND}?${args} "Open the source article at this passage")`;
}

/** One source passage: title, outlet and date, the passage, then how it is attributed and a link to it. */
function renderSource(source: SourceRef, sayDateBasis: boolean): string {
  const lines = [
    `**Source:** *${escapeMarkdown(source.title)}* — ${escapeMarkdown(source.outlet)}, ${source.date}`,
    '',
    ...source.passage.split('\n').map((l) => `> ${escapeMarkdown(l)}`),
    '',
  ];
  const meta = [
    source.attribution ? `Attribution: ${escapeMarkdown(source.attribution)}` : '',
    sayDateBasis ? `Date ${escapeMarkdown(source.dateBasis)}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  lines.push(meta ? `${meta} · ${openSourceLink(source)}` : openSourceLink(source));
  return lines.join('\n');
}

/**
 * The hover card of one finding. The editor already prints the finding's message above the card, so the card
 * does not repeat it: it opens with the answer (what the draft's speaker says, what the source says), then
 * the source passages, then why and the neutral alternatives. How an article's date was read is said once per
 * article, however many of its passages the card shows.
 */
export function renderFindingHover(finding: Finding): string {
  const { detail } = finding;
  const parts = [`**ClaimLint \`${finding.rule}\`** (${finding.severity})`];
  // a disputed report shows both claims side by side: what the draft's speaker says, and the source
  if (detail.reported) parts.push('', `**${escapeMarkdown(detail.reported.by)} says:** ${escapeMarkdown(detail.reported.claim)}`);
  if (detail.expected) parts.push('', `**The source says:** ${escapeMarkdown(detail.expected)}`);
  const datesSaid = new Set<string>();
  const source = (ref: SourceRef): string => {
    const first = !datesSaid.has(ref.seed);
    datesSaid.add(ref.seed);
    return renderSource(ref, first);
  };
  const usage = finding.rule === 'loaded.term';
  if (!usage) for (const ref of detail.sources ?? []) parts.push('', source(ref));
  for (const dispute of detail.disputedBy ?? [])
    parts.push('', `**Disputed:** ${escapeMarkdown(dispute.statement)}`, '', source(dispute.source));
  parts.push('', `**Why:** ${escapeMarkdown(detail.reason)}`);
  if (detail.fact) parts.push('', `**Fact:** ${escapeMarkdown(detail.fact)}`);
  if (detail.alternatives?.length) parts.push('', `**Neutral alternatives:** ${detail.alternatives.map(escapeMarkdown).join(', ')}`);
  if (detail.note) parts.push('', `**Style note:** ${escapeMarkdown(detail.note)}`);
  if (usage && detail.sources?.length) {
    parts.push('', '**How the source articles used it:**');
    for (const ref of detail.sources) parts.push('', source(ref));
  }
  return parts.join('\n');
}

/** The hover for the findings under the cursor, or null when there are none. */
export function hoverContent(findings: readonly Finding[]): MarkupContent | null {
  if (findings.length === 0) return null;
  return { kind: MarkupKind.Markdown, value: findings.map(renderFindingHover).join('\n\n---\n\n') };
}
