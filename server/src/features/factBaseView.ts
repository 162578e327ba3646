import type { Fact, Slot } from '../engine/knowledge/factTypes';
import type { Knowledge } from '../engine/knowledge/knowledge';

function describeSlot(slot: Slot, knowledge: Knowledge): string {
  const name = (id: unknown): string => knowledge.facts.entities.get(String(id))?.name ?? String(id);
  switch (slot.type) {
    case 'quantity':
      return `${slot.qualifier && slot.qualifier !== 'exact' ? slot.qualifier.replace('-', ' ') + ' ' : ''}${Number(slot.value).toLocaleString('en-US')} ${slot.unit ?? ''}`.trim();
    case 'ordinal':
      return `ordinal ${slot.value} (${(slot.unitWords ?? []).join(', ')})`;
    case 'date':
      return `date ${[slot.part, slot.year, slot.month, slot.day].filter((x) => x !== undefined).join('-')}`;
    case 'weekday':
      return `weekday ${slot.value}`;
    case 'relative':
      return `${slot.amount} ${slot.unit}(s) ${slot.direction} ${(slot.anchor ?? [])[0] ?? ''}`;
    case 'place':
      return `${slot.relation ?? 'place'}: ${name(slot.value)}`;
    case 'person':
      return `${slot.role ?? 'person'}: ${name(slot.value)}`;
    case 'outlet':
      return `outlet: ${name(slot.value)}`;
    case 'stance':
      return `${slot.scale} ${slot.polarity}: ${(slot.topic ?? [])[0] ?? ''}`;
    default:
      return slot.type;
  }
}

function renderFact(fact: Fact, knowledge: Knowledge): string {
  const lines = [`### ${fact.statement}`, '', `\`${fact.id}\`${fact.asOf ? ` · as of ${fact.asOf}` : ''} · ${fact.source.attribution}`, ''];
  const values = (fact.slots ?? []).map((s) => describeSlot(s, knowledge));
  if (fact.quote) {
    const speakers = (fact.quote.speakers ?? []).map((id) => knowledge.facts.entities.get(id)?.name ?? id).join(', ') || 'no named speaker';
    values.push(`quote by ${speakers}: “${fact.quote.text}”`);
  }
  for (const value of values) lines.push(`- ${value}`);
  if (values.length > 0) lines.push('');
  lines.push(`> ${fact.source.passage.replace(/\n/g, ' ')}`, '');
  for (const other of fact.disputedBy) lines.push(`Disputed by \`${other.id}\`: ${other.statement}`, '');
  return lines.join('\n');
}

/** A readable, searchable Markdown view of the fact base: facts by source article, then people's roles. */
export function renderFactBase(knowledge: Knowledge): string {
  const facts = [...knowledge.facts.facts.values()];
  const parts = ['# ClaimLint fact base', '', `${facts.length} facts from ${knowledge.seeds.articles.size} source articles. Search with Ctrl+F.`, ''];
  for (const [file, article] of knowledge.seeds.articles) {
    parts.push(`## ${article.title}`, '', `${article.outlet}, ${article.date} (date ${article.dateBasis}) · \`${file}\``, '');
    for (const fact of facts.filter((f) => f.source.seed === file)) parts.push(renderFact(fact, knowledge));
  }
  const userFacts = facts.filter((f) => !knowledge.seeds.articles.has(f.source.seed));
  if (userFacts.length > 0) {
    parts.push('## Team fact bases', '');
    for (const fact of userFacts) parts.push(renderFact(fact, knowledge));
  }
  parts.push('## People and their roles', '');
  for (const entity of knowledge.facts.entities.values()) {
    if (!entity.roles?.length) continue;
    const roles = [...new Set(entity.roles.map((r) => `${knowledge.vocabulary.titleNames.get(r.title) ?? r.title}${r.of ? ` of ${knowledge.facts.entities.get(r.of)?.name ?? r.of}` : ''}${r.asOf ? ` (${r.asOf})` : ''}`))];
    parts.push(`- **${entity.name}** (${[...(entity.aliases ?? [])].join(', ')}): ${roles.join('; ')}`);
  }
  return parts.join('\n') + '\n';
}
