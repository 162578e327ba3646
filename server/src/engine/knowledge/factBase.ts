import type { SourceRef } from '../types';
import { PhraseMatcher, phraseKeys } from '../text/phrases';
import { wordForms } from '../text/inflections';
import type { DataProblem } from '../types';
import { invalidItems, parseDataFile } from './dataFile';
import { roleDescriptors } from './roleDescriptors';
import { EntityMatcher } from './entityMatcher';
import type { PendingFact, PendingRole } from './extractedFacts';
import { addExtracted, curatedQuoteTexts, linkDisagreeingFigures } from './extractedFacts';
import type { Entity, EntityData, ExtractedFacts, Fact, FactData } from './factTypes';
import type { SeedLibrary } from './seedLibrary';
import type { DataFileText } from '../types';
import type { Vocabulary } from './vocabulary';
import factsSchema from '../../../../seeds/schema/facts.schema.json';

/** The wildcard cue key of facts without cues (quotes): they are candidates whenever their entities appear. */
export const ANY_CUE = '*';

/** The compiled fact base: entities, facts, and the indexes that find candidate facts for a sentence. */
export interface FactBase {
  entities: ReadonlyMap<string, Entity>;
  facts: ReadonlyMap<string, Fact>;
  mentions: EntityMatcher;
  /** Cue phrases (all inflections) to cue keys. */
  cues: PhraseMatcher<string>;
  /** entity id -> cue key -> facts whose first `about` group names the entity and whose cues include the key. */
  index: ReadonlyMap<string, ReadonlyMap<string, readonly Fact[]>>;
  /** Facts that record a quote, for misquote and misattribution checks. */
  quotes: readonly Fact[];
  /**
   * Figures read from source documents whose sentence names nobody ("The scheme will create up to 1,200 new
   * berths"), by every form of their unit's head word, then by cue key: a draft sentence is a candidate when it
   * uses that word and one of the fact's cues.
   */
  unanchored: ReadonlyMap<string, ReadonlyMap<string, readonly Fact[]>>;
}

/** One condition of the slot schema: when `type` is one of some kinds', what a slot must have. */
type SlotCondition = {
  if?: { properties?: { type?: { const?: string; enum?: string[] } } };
  then?: { properties?: { value?: { $ref?: string } } };
};

/**
 * Slot types whose `value` the facts schema types as an entity id (`#/definitions/entityId`): places, people,
 * outlets. Read from the schema the slot kinds generate, so the knowledge layer names no kind.
 */
const ENTITY_VALUED_SLOTS: ReadonlySet<string> = new Set(
  ((factsSchema.properties.facts.items.properties.slots.items as { allOf?: SlotCondition[] }).allOf ?? []).flatMap((condition) => {
    if (condition.then?.properties?.value?.$ref !== '#/definitions/entityId') return [];
    const type = condition.if?.properties?.type;
    return type?.enum ?? (type?.const !== undefined ? [type.const] : []);
  }),
);

function entityRefs(fact: FactData): [string, (string | number)[]][] {
  const refs: [string, (string | number)[]][] = [];
  (fact.about ?? []).forEach((group, i) => {
    for (const [j, id] of (Array.isArray(group) ? group : [group]).entries())
      refs.push([id, Array.isArray(group) ? ['about', i, j] : ['about', i]]);
  });
  (fact.slots ?? []).forEach((slot, i) => {
    if (ENTITY_VALUED_SLOTS.has(slot.type) && typeof slot.value === 'string') refs.push([slot.value, ['slots', i, 'value']]);
  });
  (fact.quote?.speakers ?? []).forEach((id, i) => refs.push([id, ['quote', 'speakers', i]]));
  if (fact.quote?.outlet) refs.push([fact.quote.outlet, ['quote', 'outlet']]);
  return refs;
}

/** Most cues whose keys are remembered (cues repeat across facts, and extracted facts bring many). */
const MAX_REMEMBERED_CUES = 50_000;
const rememberedKeys = new Map<string, string>();
const rememberedVariants = new Map<string, string[][]>();

/** `compute(key)`, remembered in `cache` (emptied when it grows past the bound). */
function remembered<T>(cache: Map<string, T>, key: string, compute: (key: string) => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= MAX_REMEMBERED_CUES) cache.clear();
    value = compute(key);
    cache.set(key, value);
  }
  return value;
}

/** A cue's word sequences with regular inflections: verb forms of the first word, plurals of the last. */
function cueKeys(cue: string): string[][] {
  return remembered(rememberedVariants, cue, () => {
    const words = phraseKeys(cue);
    if (words.length === 0) return [];
    const last = words.length - 1;
    return [
      ...wordForms(words[0], 'verb').map((form) => [form, ...words.slice(1)]),
      ...wordForms(words[last], 'noun').map((form) => [...words.slice(0, last), form]),
    ];
  });
}

const groupsByKey = new WeakMap<Vocabulary, Map<string, string[]>>();

/** For each cue key of the vocabulary's cue groups, every key of the groups it belongs to. */
function cueGroupsByKey(vocabulary: Vocabulary): Map<string, string[]> {
  let byKey = groupsByKey.get(vocabulary);
  if (!byKey) {
    byKey = new Map();
    for (const group of vocabulary.cueGroups) {
      const keys = group.map(cueKey);
      for (const key of keys) byKey.set(key, [...(byKey.get(key) ?? []), ...keys]);
    }
    groupsByKey.set(vocabulary, byKey);
  }
  return byKey;
}

/** A fact's cue keys together with every cue of the groups they belong to. */
function expandCues(cues: readonly string[], vocabulary: Vocabulary): string[] {
  const groups = cueGroupsByKey(vocabulary);
  const keys = new Set(cues.map(cueKey));
  for (const key of [...keys]) for (const other of groups.get(key) ?? []) keys.add(other);
  return [...keys].filter(Boolean);
}

/** The key a cue is indexed under: its normalised words. */
export function cueKey(cue: string): string {
  return remembered(rememberedKeys, cue, () => phraseKeys(cue).join(' '));
}

/** Files `fact` under `outer` → each of `keys` in a two-level index. */
function addUnder(index: Map<string, Map<string, Fact[]>>, outer: string, keys: readonly string[], fact: Fact): void {
  const byKey = index.get(outer) ?? new Map<string, Fact[]>();
  index.set(outer, byKey);
  for (const key of keys) {
    const list = byKey.get(key);
    if (list) list.push(fact);
    else byKey.set(key, [fact]);
  }
}

/**
 * Loads entity and fact files in order, checks them beyond the schema — every passage verbatim in its seed,
 * every quote inside its passage, every referenced entity, title and scale defined, ids unique — and
 * builds the lookup indexes. Invalid items are reported and left out; the rest still works.
 */
export function buildFactBase(
  files: readonly DataFileText[],
  seeds: SeedLibrary,
  vocabulary: Vocabulary,
  extracted: readonly ExtractedFacts[] = [],
): { factBase: FactBase; problems: DataProblem[] } {
  const problems: DataProblem[] = [];
  const entities = new Map<string, Entity>();
  const pendingFacts: PendingFact[] = [];
  const pendingRoles: PendingRole[] = [];

  for (const source of files) {
    const parsed = parseDataFile<{ entities?: EntityData[]; facts?: FactData[] }>(source.file, source.text, factsSchema);
    for (const problem of parsed.problems) problems.push(problem);
    const badEntities = invalidItems(parsed.problems, 'entities');
    const badFacts = invalidItems(parsed.problems, 'facts');
    const at = (path: (string | number)[], message: string, severity: 'error' | 'warning' = 'error') =>
      parsed.problemAt(path, message, severity);
    (Array.isArray(parsed.value?.entities) ? parsed.value.entities : []).forEach((data, index) => {
      if (badEntities.has(index)) return;
      if (entities.has(data.id)) {
        problems.push(at(['entities', index, 'id'], `duplicate entity id "${data.id}" (first defined in ${entities.get(data.id)?.file})`));
        return;
      }
      const entity: Entity = { ...data, file: source.file, span: parsed.spanOf(['entities', index]), roleSources: [] };
      entities.set(data.id, entity);
      pendingRoles.push({ entity, at: (path, message) => at(['entities', index, ...path], message), index });
    });
    (Array.isArray(parsed.value?.facts) ? parsed.value.facts : []).forEach((data, index) => {
      if (badFacts.has(index)) return;
      pendingFacts.push({
        data,
        file: source.file,
        at: (path, message, severity) => at(['facts', index, ...path], message, severity),
        span: parsed.spanOf(['facts', index]),
        index,
      });
    });
  }

  addExtracted(extracted, entities, pendingFacts, pendingRoles, curatedQuoteTexts(pendingFacts));

  const labelsWarned = new Set<string>();
  const provenance = (
    citation: FactData['source'],
    report: (path: (string | number)[], message: string, severity?: 'error' | 'warning') => DataProblem,
    path: (string | number)[],
    asOf?: string,
  ): SourceRef | undefined => {
    if (!seeds.articles.has(citation.seed)) {
      // a label rather than a seed file: said once per label, since teams cite their own sources this way
      if (!labelsWarned.has(citation.seed)) {
        labelsWarned.add(citation.seed);
        problems.push(
          report(
            [...path, 'seed'],
            `source "${citation.seed}" is not a seed article, so its passages cannot be checked against a text`,
            'warning',
          ),
        );
      }
      return {
        seed: citation.seed,
        title: citation.seed,
        outlet: '',
        date: asOf ?? '',
        dateBasis: 'not known',
        passage: citation.passage,
        offset: -1,
        attribution: citation.attribution,
      };
    }
    const ref = seeds.sourceRef(citation.seed, citation.passage, citation.attribution);
    if (!ref) problems.push(report([...path, 'passage'], `passage not found verbatim in ${citation.seed}`));
    return ref;
  };

  for (const { entity, at } of pendingRoles) {
    for (const [field, ids] of [
      ['standsFor', entity.standsFor],
      ['within', entity.within],
      ['country', entity.country ? [entity.country] : []],
    ] as const) {
      for (const id of ids ?? []) if (!entities.has(id)) problems.push(at([field], `unknown entity "${id}"`));
    }
    (entity.roles ?? []).forEach((role, i) => {
      if (!vocabulary.titleNames.has(role.title))
        problems.push(at(['roles', i, 'title'], `unknown title "${role.title}" (titles are defined in seeds/vocabulary.yaml)`));
      if (role.of && !entities.has(role.of)) problems.push(at(['roles', i, 'of'], `unknown entity "${role.of}"`));
      entity.roleSources[i] = provenance(role.source, (path, message) => at(['roles', i, ...path], message), ['source'], role.asOf);
    });
  }

  const facts = new Map<string, Fact>();
  for (const { data, file, at, span, extracted } of pendingFacts) {
    if (facts.has(data.id)) {
      problems.push(at(['id'], `duplicate fact id "${data.id}" (first defined in ${facts.get(data.id)?.file})`));
      continue;
    }
    let ok = true;
    for (const [id, path] of entityRefs(data)) {
      if (!entities.has(id)) {
        problems.push(at(path, `unknown entity "${id}"`));
        ok = false;
      }
    }
    (data.slots ?? []).forEach((slot, i) => {
      if (slot.type === 'stance' && typeof slot.scale === 'string' && slot.scale && !vocabulary.scales.has(slot.scale)) {
        problems.push(at(['slots', i, 'scale'], `unknown scale "${slot.scale}" (scales are defined in seeds/vocabulary.yaml)`));
        ok = false;
      }
    });
    if (data.quote && !data.source.passage.includes(data.quote.text)) {
      problems.push(at(['quote', 'text'], 'quote text is not inside the source passage'));
      ok = false;
    }
    const sourceRef = provenance(data.source, at, ['source'], data.asOf);
    if (!ok || !sourceRef) continue;
    facts.set(data.id, {
      ...data,
      file,
      span,
      sourceRef,
      disputedBy: [],
      cueKeys: expandCues(data.cues ?? [], vocabulary),
      ...(extracted ? { extracted } : {}),
    });
  }
  linkDisagreeingFigures([...facts.values()].filter((f) => f.extracted));

  for (const { data, at } of pendingFacts) {
    const fact = facts.get(data.id);
    if (!fact) continue;
    (data.disputes ?? []).forEach((id, i) => {
      const other = facts.get(id);
      if (!other) {
        problems.push(at(['disputes', i], `unknown fact "${id}"`));
        return;
      }
      if (!fact.disputedBy.includes(other)) fact.disputedBy.push(other);
      if (!other.disputedBy.includes(fact)) other.disputedBy.push(fact);
    });
  }

  const cues = new PhraseMatcher<string>();
  for (const cue of vocabulary.cueGroups.flat()) for (const words of cueKeys(cue)) cues.addKeys(words, cueKey(cue));
  const index = new Map<string, Map<string, Fact[]>>();
  const quotes: Fact[] = [];
  const unanchored = new Map<string, Map<string, Fact[]>>();
  for (const fact of facts.values()) {
    if (fact.quote) quotes.push(fact);
    // an extracted figure's unit (quantity slots: see engine/facts/slots/quantity.ts)
    const figureUnit =
      fact.extracted && !fact.about?.length && fact.cues?.length ? fact.slots?.find((s) => s.type === 'quantity')?.unit : undefined;
    const unit = typeof figureUnit === 'string' ? figureUnit : undefined;
    if (!unit && (!fact.about?.length || (!fact.slots?.length && !fact.cues?.length))) continue;
    for (const cue of fact.cues ?? []) for (const words of cueKeys(cue)) cues.addKeys(words, cueKey(cue));
    if (unit) {
      // the unit is written as the source wrote it ("new berths"): its head word and that word's singular
      const head = phraseKeys(unit).pop();
      const forms = head
        ? new Set([head, ...wordForms(head, 'noun'), ...(head.endsWith('s') ? wordForms(head.slice(0, -1), 'noun') : [])])
        : [];
      for (const form of forms) addUnder(unanchored, form, fact.cueKeys, fact);
      continue;
    }
    // a quantity that names what it measures ("31 miles from …") is anchored enough to need no cue word
    const measured = fact.slots?.some((slot) => slot.type === 'quantity' && Array.isArray(slot.measures) && slot.measures.length > 0);
    const keys = fact.cueKeys.length ? [...fact.cueKeys, ...(measured ? [ANY_CUE] : [])] : [ANY_CUE];
    const first = fact.about?.[0] ?? [];
    for (const id of Array.isArray(first) ? first : [first]) addUnder(index, id, keys, fact);
  }
  const mentions = new EntityMatcher(entities.values(), roleDescriptors(entities, vocabulary.titleForms));
  return { factBase: { entities, facts, mentions, cues, index, quotes, unanchored }, problems };
}
