import type { Mention } from '../knowledge/entityMatcher';
import type { Entity, RoleData } from '../knowledge/factTypes';
import type { Knowledge } from '../knowledge/knowledge';
import type { PhraseMatch } from '../text/phrases';
import type { Token } from '../text/tokens';
import { isCapitalized } from '../text/tokens';
import type { SourceRef } from '../types';
import type { SentenceFacts } from './sentenceFacts';
import { nextWord, previousWord } from './sentenceQueries';

/** A title given to a person that conflicts with the roles the sources record for them. */
export interface TitleConflict {
  start: number;
  end: number;
  person: Entity;
  role: RoleData;
  source: SourceRef | undefined;
  expected: string;
  replacement: string;
}

const HONORIFICS = /^(ayatollah|sheikh|mr|mrs|ms|dr|sir|dame|lord|imam|hojatoleslam)$/;
const NOT_CURRENT = /^(former|ex|then|late|deputy|vice|assistant|acting|interim|future|outgoing|incoming|first)$/;

function countryOf(entity: Entity | undefined, entities: ReadonlyMap<string, Entity>): string | undefined {
  if (!entity) return undefined;
  if (entity.type === 'country') return entity.id;
  for (const id of entity.standsFor ?? []) if (entities.get(id)?.type === 'country') return id;
  if (entity.type === 'person' || entity.type === 'outlet') return undefined;
  return entity.country;
}

function describeRole(role: RoleData, knowledge: Knowledge, capitalised: boolean): string {
  const titleName = knowledge.vocabulary.titleNames.get(role.title) ?? role.title;
  const of = role.of ? knowledge.facts.entities.get(role.of) : undefined;
  const qualifier = of ? (of.adjectives?.[0] ?? of.name) : '';
  const title = capitalised ? titleName.replace(/\b\p{L}/gu, (c) => c.toUpperCase()) : titleName;
  return `${qualifier} ${title}`.trim();
}

/** A title phrase attached to a person mention: right before the name, or in apposition after it. */
function attachedTitle(tokens: readonly Token[], mention: Mention, titles: PhraseMatch<string>[]): PhraseMatch<string> | undefined {
  let before = previousWord(tokens, mention.first);
  while (before >= 0 && HONORIFICS.test(tokens[before].norm)) before = previousWord(tokens, before);
  // "Pentagon spokesman Eric Pahon", and "Iran's supreme leader, Hassan Rouhani," with a comma
  const adjacent = titles.find(
    (t) =>
      t.last === before && !tokens.slice(t.last + 1, mention.first).some((x) => x.kind === 'punct' && x.text !== '.' && x.text !== ','),
  );
  if (adjacent) return adjacent;
  const comma = mention.last + 1 < tokens.length && tokens[mention.last + 1].text === ',' ? mention.last + 1 : -1;
  if (comma < 0) return undefined;
  let j = nextWord(tokens, comma);
  let steps = 0;
  while (j >= 0 && steps < 4 && !titles.some((t) => t.first === j)) {
    if (tokens.slice(comma + 1, j).some((x) => x.kind === 'punct' && x.text !== '.' && x.text !== '\u2019' && x.text !== "'"))
      return undefined;
    if (!/^(the|a|an|then)$/.test(tokens[j].norm) && !isCapitalized(tokens[j].text) && !tokens[j].possessive) return undefined;
    j = nextWord(tokens, j);
    steps++;
  }
  const apposed = titles.find((t) => t.first === j);
  // "Putin, Iranian President Hassan Rouhani and …": a title followed by a name is that name's
  const after = apposed ? nextWord(tokens, apposed.last) : -1;
  if (apposed && after >= 0 && isCapitalized(tokens[after].text)) return undefined;
  return apposed;
}

/** The qualifier entity (country, organisation) written just before a title ("Russian", "Kremlin"). */
function qualifierOf(title: PhraseMatch<string>, mentions: readonly Mention[], tokens: readonly Token[]): Mention | undefined {
  const before = previousWord(tokens, title.first);
  // never across punctuation: "… in Syria, Foreign Minister Sergei Lavrov said" has no Syrian minister
  if (before < 0 || tokens.slice(before + 1, title.first).some((t) => t.kind === 'punct')) return undefined;
  return mentions.find((m) => m.last === before && m.entity.type !== 'person');
}

/**
 * Checks the titles a sentence gives to people against the roles the seeds attest ("Kremlin spokesman
 * Sergei Lavrov" when the sources make him foreign minister; "Iranian President Bashar al-Assad").
 * People without recorded roles, and titles marked as not current ("former", "deputy"), are not checked.
 */
export function findTitleConflicts(sentence: SentenceFacts, knowledge: Knowledge): TitleConflict[] {
  const tokens = sentence.sentence.tokens;
  const titles = knowledge.vocabulary.titles.findAll(sentence.text, tokens);
  if (titles.length === 0) return [];
  const entities = knowledge.facts.entities;
  const conflicts: TitleConflict[] = [];
  for (const mention of sentence.mentions) {
    const person = mention.entity;
    if (person.type !== 'person' || mention.kind !== 'alias' || !person.roles?.length) continue;
    const title = attachedTitle(tokens, mention, titles);
    if (!title) continue;
    const qualifier = qualifierOf(title, sentence.allMentions, tokens);
    const firstWord = qualifier ? qualifier.first : title.first;
    const beforeTitle = previousWord(tokens, firstWord);
    if (beforeTitle >= 0 && NOT_CURRENT.test(tokens[beforeTitle].norm)) continue;
    if (tokens.slice(title.first, title.last + 1).some((t) => NOT_CURRENT.test(t.norm))) continue;
    const sameTitle = person.roles.filter((r) => r.title === title.value);
    const start = qualifier && qualifier.first < title.first ? qualifier.start : title.start;
    const capitalised = isCapitalized(sentence.text.slice(title.start, title.end));
    // the draft's title against the role the source gives, shown as the source words it
    const against = (role: RoleData) => ({
      start,
      end: title.end,
      person,
      role,
      source: person.roleSources[person.roles?.indexOf(role) ?? -1],
      expected: describeRole(role, knowledge, false),
      replacement: describeRole(role, knowledge, capitalised),
    });
    if (sameTitle.length === 0) {
      conflicts.push(against(person.roles[person.roles.length - 1]));
      continue;
    }
    const draftOrg = qualifier?.entity;
    const draftCountry = countryOf(draftOrg, entities);
    if (!draftCountry) continue;
    const fits = sameTitle.some((r) => {
      const roleOrg = r.of ? entities.get(r.of) : undefined;
      // an office within a country ("Pentagon spokesman") is compared as an office, a country as a country
      if (roleOrg && draftOrg && roleOrg.type === 'organisation' && draftOrg.type === 'organisation') return roleOrg.id === draftOrg.id;
      const roleCountry = countryOf(roleOrg, entities);
      return roleCountry === undefined || roleCountry === draftCountry;
    });
    if (fits) continue;
    conflicts.push(against(sameTitle[sameTitle.length - 1]));
  }
  return conflicts;
}
