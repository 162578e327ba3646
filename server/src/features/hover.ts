import type { MarkupContent } from 'vscode-languageserver/node';
import { MarkupKind } from 'vscode-languageserver/node';
import type { Finding, SourceRef } from '../engine/types';

/** Command the hover links to; the client opens the seed with the passage selected. */
export const OPEN_SOURCE_COMMAND = 'claimlint.openSourcePassage';

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]<>()#+!|])/g, '\\$1');
}

function openSourceLink(source: SourceRef): string {
  const args = encodeURIComponent(JSON.stringify([{ seed: source.seed, offset: source.offset, length: source.passage.length, title: source.title, outlet: source.outlet }]));
  return `[Open source passage](command:${OPEN_SOURCE_COMMAND}?${args} "Open the source article at this passage")`;
}

function renderSource(source: SourceRef): string {
  const lines = [
    `**Source:** *${escapeMarkdown(source.title)}* — ${escapeMarkdown(source.outlet)}, ${source.date}`,
    '',
    ...source.passage.split('\n').map((l) => `> ${escapeMarkdown(l)}`),
    '',
  ];
  const meta = [source.attribution ? `Attribution: ${escapeMarkdown(source.attribution)}` : '', `Date ${escapeMarkdown(source.dateBasis)}`]
    .filter(Boolean)
    .join(' · ');
  lines.push(`${meta} · ${openSourceLink(source)}`);
  return lines.join('\n');
}

/** The hover card of one finding: rule, reason, the source's wording and provenance, all from the finding. */
export function renderFindingHover(finding: Finding): string {
  const { detail } = finding;
  const parts = [`**ClaimLint \`${finding.rule}\`** (${finding.severity})`, '', escapeMarkdown(finding.message), '', `**Why:** ${escapeMarkdown(detail.reason)}`];
  // a disputed report shows both claims side by side: what the draft's speaker says, and the source
  if (detail.reported) parts.push('', `**${escapeMarkdown(detail.reported.by)} says:** ${escapeMarkdown(detail.reported.claim)}`);
  if (detail.expected) parts.push('', `**The source says:** ${escapeMarkdown(detail.expected)}`);
  if (detail.fact) parts.push('', `**Fact:** ${escapeMarkdown(detail.fact)}`);
  if (detail.alternatives?.length) parts.push('', `**Neutral alternatives:** ${detail.alternatives.map(escapeMarkdown).join(', ')}`);
  if (detail.note) parts.push('', `**Style note:** ${escapeMarkdown(detail.note)}`);
  if (detail.sources?.length) {
    const heading = finding.rule === 'loaded.term' ? '**How the source articles used it:**' : '';
    if (heading) parts.push('', heading);
    for (const source of detail.sources) parts.push('', renderSource(source));
  }
  for (const dispute of detail.disputedBy ?? []) {
    parts.push('', `**Disputed:** ${escapeMarkdown(dispute.statement)}`, '', renderSource(dispute.source));
  }
  return parts.join('\n');
}

/** The hover for the findings under the cursor, or null when there are none. */
export function hoverContent(findings: readonly Finding[]): MarkupContent | null {
  if (findings.length === 0) return null;
  return { kind: MarkupKind.Markdown, value: findings.map(renderFindingHover).join('\n\n---\n\n') };
}
