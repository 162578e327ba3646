/**
 * How facts read from source documents join the fact base: people the documents name are merged by id, a
 * fact the curated base already records (the same quotation) is left out — curated facts win — and figures
 * that disagree across documents are linked as disputed, so neither side is reported against the other.
 */
import { foldQuotationText } from '../text/quotes';
import type { DataProblem } from '../types';
import type { Entity, ExtractedFacts, Fact, FactData } from './factTypes';

/** A fact waiting to be checked and indexed (curated or extracted). */
export interface PendingFact {
  data: FactData;
  file: string;
  at: (path: (string | number)[], message: string, severity?: 'error' | 'warning') => DataProblem;
  span: Fact['span'];
  index: number;
  extracted?: boolean;
}

/** An entity whose roles wait to be checked. */
export interface PendingRole {
  entity: Entity;
  at: (path: (string | number)[], message: string) => DataProblem;
  index: number;
}

/** The folded texts of the quotations curated facts record. */
export function curatedQuoteTexts(pending: readonly PendingFact[]): Set<string> {
  return new Set(pending.flatMap((p) => (p.data.quote ? [foldQuotationText(p.data.quote.text)] : [])));
}

/** What makes two extracted facts the same: the quotation and its speakers, or the figure, its words and entities. */
function sameness(data: FactData): string {
  if (data.quote) return `q\u0000${foldQuotationText(data.quote.text)}\u0000${[...(data.quote.speakers ?? [])].sort().join(',')}`;
  return `n\u0000${JSON.stringify(data.slots)}\u0000${[...(data.cues ?? [])].sort().join(',')}\u0000${JSON.stringify(data.about ?? [])}`;
}

/** A problem of extracted data, placed at the top of its document (extraction names no YAML path). */
function documentProblem(file: string): PendingFact['at'] {
  return (path, message, severity = 'error') => ({
    file,
    line: 1,
    column: 1,
    start: 0,
    end: 0,
    message: `extracted ${path.join('.')}: ${message}`,
    severity,
  });
}

/** Adds extracted entities (merged by id) and facts (not those a curated fact records) to the pending lists. */
export function addExtracted(
  extracted: readonly ExtractedFacts[],
  entities: Map<string, Entity>,
  pendingFacts: PendingFact[],
  pendingRoles: PendingRole[],
  curatedQuotes: ReadonlySet<string>,
): void {
  const seen = new Set<string>();
  for (const source of extracted) {
    const at = documentProblem(source.file);
    source.entities.forEach((data, index) => {
      const known = entities.get(data.id);
      if (!known) {
        const entity: Entity = {
          ...data,
          aliases: [...(data.aliases ?? [])],
          roles: [...(data.roles ?? [])],
          file: source.file,
          span: { start: 0, end: 0 },
          roleSources: [],
        };
        entities.set(data.id, entity);
        pendingRoles.push({ entity, at, index });
        return;
      }
      // the same person named by another document: one entity with every alias and role
      if (!known.file || !known.id.startsWith('x-')) return;
      for (const alias of data.aliases ?? []) if (!known.aliases?.includes(alias)) (known.aliases ??= []).push(alias);
      for (const role of data.roles ?? []) (known.roles ??= []).push(role);
    });
    source.facts.forEach((data, index) => {
      if (data.quote && curatedQuotes.has(foldQuotationText(data.quote.text))) return;
      // the same quotation or figure in two documents (wire copy and the release it quotes) is one fact
      const key = sameness(data);
      if (seen.has(key)) return;
      seen.add(key);
      pendingFacts.push({ data, file: source.file, at, span: { start: 0, end: 0 }, index, extracted: true });
    });
  }
}

/** The head word of a figure's unit ("forces" of "Shiite forces"), lower case. */
const unitHead = (fact: Fact): string | undefined => {
  const unit = fact.slots?.find((s) => s.type === 'quantity')?.unit;
  return typeof unit === 'string' ? unit.split(/\s+/).pop()?.toLowerCase() : undefined;
};
const valueOf = (fact: Fact): unknown => fact.slots?.find((s) => s.type === 'quantity')?.value;

/** Most facts one figure is linked to as disputing it (the first found): enough to spare either side. */
const MAX_DISPUTES = 8;

/**
 * Links extracted figures of different documents that count the same thing (same unit head and cue, and a
 * shared entity or none named on either side) with different values: the sources disagree, and a draft
 * agreeing with either is not flagged. Figures are bucketed by unit, cue and entity, so the work grows with
 * the figures that could dispute each other, not with all pairs.
 */
export function linkDisagreeingFigures(extracted: readonly Fact[]): void {
  const buckets = new Map<string, Fact[]>();
  for (const fact of extracted) {
    const head = unitHead(fact);
    if (!head) continue;
    const about = (fact.about ?? []).flat();
    for (const cue of fact.cueKeys) {
      for (const id of about.length > 0 ? about : ['']) {
        const key = `${head}\u0000${cue}\u0000${id}`;
        const bucket = buckets.get(key);
        if (bucket) bucket.push(fact);
        else buckets.set(key, [fact]);
      }
    }
  }
  for (const bucket of buckets.values()) {
    for (let i = 0; i < bucket.length; i++) {
      const a = bucket[i];
      for (let j = i + 1; j < bucket.length && a.disputedBy.length < MAX_DISPUTES; j++) {
        const b = bucket[j];
        if (a.source.seed === b.source.seed || valueOf(a) === valueOf(b) || b.disputedBy.length >= MAX_DISPUTES || a.disputedBy.includes(b))
          continue;
        a.disputedBy.push(b);
        b.disputedBy.push(a);
      }
    }
  }
}
