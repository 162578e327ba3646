import type { PhraseMatch } from '../text/phrases';
import { PhraseMatcher } from '../text/phrases';
import type { Token } from '../text/tokens';
import { isCapitalized } from '../text/tokens';
import type { Entity } from './factTypes';

/** How a mention names its entity. */
export type MentionKind = 'alias' | 'descriptor' | 'adjective';

/** A mention of an entity in a sentence. */
export interface Mention {
  entity: Entity;
  kind: MentionKind;
  start: number;
  end: number;
  /** Token indexes (into the sentence's tokens) of the first and last word. */
  first: number;
  last: number;
}

interface NameForm {
  entity: Entity;
  kind: MentionKind;
  written: string;
  /** How the written form's case must be matched, worked out once. */
  caseRule: 'any' | 'exact-letters' | 'capitalised';
  /** The written form's letters, for `exact-letters`. */
  letters: string;
}

const lettersOf = (text: string): string => text.replace(/[^\p{L}]/gu, '');

function isAllCaps(name: string): boolean {
  const letters = lettersOf(name);
  return letters.length >= 2 && letters === letters.toUpperCase();
}

function caseRuleOf(kind: MentionKind, written: string): NameForm['caseRule'] {
  if (kind === 'descriptor') return 'any';
  if (isAllCaps(written)) return 'exact-letters';
  return isCapitalized(written) ? 'capitalised' : 'any';
}

/** True when `matched` is written with the case the name demands (proper names are case-sensitive). */
function caseFits(form: NameForm, matched: string): boolean {
  switch (form.caseRule) {
    case 'exact-letters':
      return lettersOf(matched) === form.letters;
    case 'capitalised':
      return isCapitalized(matched);
    default:
      return true;
  }
}

/**
 * Finds entity mentions by their aliases (case-sensitive proper names), descriptors ("the Russian
 * president", case-insensitive) and adjectives ("Russian").
 */
export class EntityMatcher {
  private readonly names = new PhraseMatcher<NameForm>();

  /** @param derived more descriptors per entity id (descriptions derived from roles) */
  constructor(entities: Iterable<Entity>, derived: ReadonlyMap<string, readonly string[]> = new Map()) {
    for (const entity of entities) {
      const add = (written: string, kind: MentionKind): void => {
        this.names.add(written, { entity, kind, written, caseRule: caseRuleOf(kind, written), letters: lettersOf(written) });
      };
      for (const alias of new Set([entity.name, ...(entity.aliases ?? [])])) add(alias, 'alias');
      for (const d of new Set([...(entity.descriptors ?? []), ...(derived.get(entity.id) ?? [])])) add(d, 'descriptor');
      for (const a of entity.adjectives ?? []) add(a, 'adjective');
    }
  }

  /** Every mention in `tokens` (a sentence), overlapping mentions included. */
  find(text: string, tokens: readonly Token[]): Mention[] {
    const mentions: Mention[] = [];
    // matches come grouped by start, so a repeat of a mention is among those just pushed at the same start
    const repeats = (form: NameForm, match: PhraseMatch<NameForm>): boolean => {
      for (let k = mentions.length - 1; k >= 0 && mentions[k].start === match.start; k--) {
        const m = mentions[k];
        if (m.end === match.end && m.kind === form.kind && m.entity.id === form.entity.id) return true;
      }
      return false;
    };
    for (const match of this.names.findAll(text, tokens) as PhraseMatch<NameForm>[]) {
      const form = match.value;
      if (!caseFits(form, text.slice(match.start, match.end)) || repeats(form, match)) continue;
      mentions.push({ entity: form.entity, kind: form.kind, start: match.start, end: match.end, first: match.first, last: match.last });
    }
    return mentions;
  }
}
