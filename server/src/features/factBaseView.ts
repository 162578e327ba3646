/**
 * The fact base as the editor shows it: a tree grouped by source article (`factBaseTree`, for the Fact Base
 * view) and the same facts as one Markdown page (`renderFactBase`). Values are said in plain words, never as
 * ids or schema terms, and every fact carries the names and aliases of what it is about, so a search for
 * "Hmeimim" finds the facts about the Hmeymim air base.
 */
import type { Fact, Knowledge, Slot } from '../engine';
import { describeSlot, slotsOf } from '../engine';

/** Where the view opens a fact's passage: a seed article's window, or a team fact file at the fact. */
export type PassageTarget =
  { seed: string; offset: number; length: number; title: string; outlet: string } | { file: string; offset: number; length: number };

/** A draft sentence that cites a fact, or a finding that contradicts it. */
export interface DraftReference {
  uri: string;
  /** Zero-based line and character of the start and end, as the editor counts them. */
  start: { line: number; character: number };
  end: { line: number; character: number };
  relation: 'cites' | 'contradicts';
  /** The finding's message (contradictions) or the sentence (citations), shortened. */
  text: string;
}

/** One fact, in plain words. */
export interface FactNode {
  id: string;
  statement: string;
  /** The values a draft can get wrong, in plain words ("up to 140,000 forces", "in Tehran"). */
  values: string[];
  /** The quote the source records, with its speakers. */
  quote?: string;
  /** Who the source attributes the passage to. */
  attribution: string;
  passage: string;
  asOf?: string;
  open: PassageTarget;
  /** Names and aliases of everything the fact is about, for search. */
  names: string[];
  /** Statements of the facts that dispute this one. */
  disputedBy: string[];
  /** Read from a source document by extraction, not curated. */
  extracted: boolean;
  drafts: DraftReference[];
}

/** A source article (or the team's fact files) and its facts. */
export interface FactSourceNode {
  title: string;
  /** Outlet and date, or where the facts come from. */
  detail: string;
  facts: FactNode[];
}

/** A person and the roles the sources give them. */
export interface PersonNode {
  name: string;
  aliases: string[];
  roles: string[];
}

/** What the Fact Base view shows. */
export interface FactBaseTree {
  sources: FactSourceNode[];
  people: PersonNode[];
}

/** A slot's value in plain words: "up to 140,000 Shiite forces", "on 23 November 2015", "in Tehran" (each kind says its own). */
export function plainValue(slot: Slot, knowledge: Knowledge): string {
  return describeSlot(slot, knowledge);
}

/** Ids of the entities a fact is about, names as a value, or quotes. */
function entitiesOf(fact: Fact): string[] {
  const ids = (fact.about ?? []).flat();
  for (const slot of fact.slots ?? [])
    if ((slot.type === 'place' || slot.type === 'person' || slot.type === 'outlet') && slot.value !== undefined)
      ids.push(String(slot.value));
  for (const id of fact.quote?.speakers ?? []) ids.push(id);
  if (fact.quote?.outlet) ids.push(fact.quote.outlet);
  return [...new Set(ids)];
}

function quoteOf(fact: Fact, knowledge: Knowledge): string | undefined {
  if (!fact.quote) return undefined;
  const speakers = (fact.quote.speakers ?? []).map((id) => knowledge.facts.entities.get(id)?.name ?? id).join(' and ');
  return `${speakers || 'Unnamed speaker'}: \u201C${fact.quote.text}\u201D`;
}

function factNode(fact: Fact, knowledge: Knowledge, drafts: readonly DraftReference[]): FactNode {
  const names = entitiesOf(fact).flatMap((id) => {
    const entity = knowledge.facts.entities.get(id);
    return entity ? [entity.name, ...(entity.aliases ?? [])] : [];
  });
  const article = knowledge.seeds.articles.get(fact.source.seed);
  const open: PassageTarget = article?.path
    ? { file: article.path, offset: fact.sourceRef.offset, length: fact.sourceRef.passage.length }
    : article
      ? {
          seed: fact.source.seed,
          offset: fact.sourceRef.offset,
          length: fact.sourceRef.passage.length,
          title: article.title,
          outlet: article.outlet,
        }
      : { file: fact.file, offset: fact.span.start, length: fact.span.end - fact.span.start };
  const quote = quoteOf(fact, knowledge);
  return {
    id: fact.id,
    statement: fact.statement,
    values: slotsOf(fact).map((slot) => plainValue(slot, knowledge)),
    ...(quote ? { quote } : {}),
    attribution: fact.source.attribution,
    passage: fact.source.passage.replace(/\s+/g, ' '),
    ...(fact.asOf ? { asOf: fact.asOf } : {}),
    open,
    names: [...new Set(names)],
    disputedBy: fact.disputedBy.map((other) => other.statement),
    extracted: fact.extracted === true,
    drafts: [...drafts],
  };
}

/** "President of Russia (as of 2015-11-23, 2017-11-22)": each role a person holds in the sources, with its dates. */
function rolesOf(entityId: string, knowledge: Knowledge): string[] {
  const dates = new Map<string, string[]>();
  for (const role of knowledge.facts.entities.get(entityId)?.roles ?? []) {
    const title = knowledge.vocabulary.titleNames.get(role.title) ?? role.title;
    const of = role.of ? ` of ${knowledge.facts.entities.get(role.of)?.name ?? role.of}` : '';
    const name = `${title.charAt(0).toUpperCase()}${title.slice(1)}${of}`;
    const known = dates.get(name) ?? [];
    if (role.asOf && !known.includes(role.asOf)) known.push(role.asOf);
    dates.set(name, known);
  }
  return [...dates].map(([name, asOf]) => (asOf.length ? `${name} (as of ${asOf.sort().join(', ')})` : name));
}

/**
 * The Fact Base view's tree: each source article with its facts in file order, the team's fact files after
 * them, then the people the sources give roles to. `references` are the open drafts' citations and
 * contradictions, by fact id.
 */
export function factBaseTree(knowledge: Knowledge, references: ReadonlyMap<string, readonly DraftReference[]>): FactBaseTree {
  const facts = [...knowledge.facts.facts.values()];
  const node = (fact: Fact): FactNode => factNode(fact, knowledge, references.get(fact.id) ?? []);
  const sources: FactSourceNode[] = [...knowledge.seeds.articles].map(([file, article]) => ({
    title: article.title,
    detail: `${article.outlet}, ${article.date ? `${article.date}${article.dateBasis.startsWith('stated') ? '' : ' (date inferred)'}` : 'date not known'}${
      article.path ? ` · facts read from ${article.path.replace(/^.*[\\/]/, '')}` : ''
    }`,
    facts: facts.filter((f) => f.source.seed === file).map(node),
  }));
  const teamFacts = facts.filter((f) => !knowledge.seeds.articles.has(f.source.seed));
  if (teamFacts.length > 0)
    sources.push({ title: 'Team fact bases', detail: 'from the fact bases the settings name', facts: teamFacts.map(node) });
  const people = [...knowledge.facts.entities.values()]
    .filter((entity) => entity.roles?.length)
    .map((entity) => ({ name: entity.name, aliases: entity.aliases ?? [], roles: rolesOf(entity.id, knowledge) }));
  return { sources, people };
}

function renderFact(fact: FactNode): string {
  const lines = [`### ${fact.statement}`, ''];
  for (const value of fact.values) lines.push(`- ${value}`);
  if (fact.quote) lines.push(`- quoted: ${fact.quote}`);
  if (fact.values.length > 0 || fact.quote) lines.push('');
  lines.push(`> ${fact.passage}`, '', `${fact.attribution}${fact.asOf ? ` · as of ${fact.asOf}` : ''}`, '');
  for (const other of fact.disputedBy) lines.push(`Disputed by: ${other}`, '');
  return lines.join('\n');
}

/** The fact base as one readable Markdown page, by source article, then people's roles. */
export function renderFactBase(knowledge: Knowledge): string {
  const tree = factBaseTree(knowledge, new Map());
  const count = tree.sources.reduce((n, s) => n + s.facts.length, 0);
  const parts = ['# ClaimLint fact base', '', `${count} facts from ${knowledge.seeds.articles.size} source articles.`, ''];
  for (const source of tree.sources) {
    parts.push(`## ${source.title}`, '', source.detail, '');
    for (const fact of source.facts) parts.push(renderFact(fact));
  }
  parts.push('## People and their roles', '');
  for (const person of tree.people)
    parts.push(`- **${person.name}**${person.aliases.length ? ` (also ${person.aliases.join(', ')})` : ''}: ${person.roles.join('; ')}`);
  return parts.join('\n') + '\n';
}
