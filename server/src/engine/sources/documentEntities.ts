/**
 * Who a source document names: people and bodies the fact base does not know (created on first mention, found
 * again by name or surname), the speaker of a quotation, and the entities of a sentence. Names are read from
 * the tokens: capitalised runs, double-barrelled names, titles and honorifics set apart.
 */
import type { AttributionFrame } from '../analysis/frameTypes';
import type { SentenceAnalysis } from '../analysis/blockAnalysis';
import type { EntityData, RoleData } from '../knowledge/factTypes';
import type { Knowledge } from '../knowledge/knowledge';
import type { Token } from '../text/tokens';
import { isCapitalized } from '../text/tokens';
import type { DocumentFormat, Span } from '../types';
import sourceWords from '../../../../seeds/language/sources.json';
import { wordSet } from '../text/wordLists';

/** The document as extraction reads it: its key in the source library, its text, format and date. */
export interface ExtractionInput {
  /** The document's key (its absolute path): facts cite it as their `seed`. */
  key: string;
  text: string;
  format: DocumentFormat;
  /** ISO date of the document, '' when not known: the date of the roles and facts it states. */
  date: string;
}

/** Pronouns a frame's source may be: the speaker is then the person the sentence names before the cue. */
const GROUP_PRONOUNS = wordSet(sourceWords.lists.groupPronouns);

/** A name as an id part: "Ellen Ashdown-Pike" → "ellen-ashdown-pike". */
export const slug = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** A capitalised name word, or the hyphen of a double-barrelled name ("Ashdown-Pike"). */
const inName = (token: Token, next: Token | undefined): boolean =>
  (token.kind === 'word' && isCapitalized(token.text) && (token.pos === 'PROPN' || token.afterHyphen)) ||
  (token.text === '-' && next !== undefined && next.afterHyphen && isCapitalized(next.text));

/**
 * The last run of at least `words` capitalised words in `tokens` (a name; "Ashdown-Pike" is one word), as a
 * span. A token `breaks` says is not part of any name (a title, an honorific) ends a run.
 */
function lastProperName(tokens: readonly Token[], words = 2, breaks: (token: Token) => boolean = () => false): Span | undefined {
  let run: Token[] = [];
  let best: Span | undefined;
  tokens.forEach((token, i) => {
    if (!breaks(token) && inName(token, tokens[i + 1])) {
      run.push(token);
      if (run.filter((t) => t.kind === 'word' && !t.afterHyphen).length >= words && token.kind === 'word')
        best = { start: run[0].start, end: token.end };
    } else {
      run = [];
    }
  });
  return best;
}

/** People and bodies the document names that the fact base does not know, by name and last name. */
export class DocumentEntities {
  readonly created = new Map<string, EntityData>();
  private readonly byName = new Map<string, string>();

  constructor(
    private readonly input: ExtractionInput,
    private readonly knowledge: Knowledge,
  ) {}

  /** The id of the person named `name`, creating them on first mention; "Doe" finds "Jane Doe". */
  person(written: string): string {
    // a name in capitals (a transcript's label) is kept as names are written
    const name = written === written.toUpperCase() ? titleCase(written) : written;
    const words = name.split(/\s+/);
    const last = words[words.length - 1];
    const known = this.byName.get(name.toLowerCase());
    const entity = known ? this.created.get(known) : undefined;
    // a name first met as a body ("JONAS FERREIRA" before it spoke) turns out to be a person's
    if (known && entity?.type === 'organisation' && words.length > 1) {
      entity.type = 'person';
      entity.aliases = [last];
      if (!this.byName.has(last.toLowerCase())) this.byName.set(last.toLowerCase(), known);
    }
    if (known) return known;
    const id = `x-${slug(name)}`;
    this.created.set(id, { id, type: 'person', name, aliases: words.length > 1 ? [last] : [] });
    this.byName.set(name.toLowerCase(), id);
    if (words.length > 1 && !this.byName.has(last.toLowerCase())) this.byName.set(last.toLowerCase(), id);
    return id;
  }

  /** The id of the body named `name` ("Eastmere Harbour Council"), creating it on first mention. */
  body(written: string): string {
    const name = written === written.toUpperCase() ? titleCase(written) : written;
    const known = this.byName.get(name.toLowerCase());
    if (known) return known;
    const id = `x-${slug(name)}`;
    this.created.set(id, { id, type: 'organisation', name, aliases: [] });
    this.byName.set(name.toLowerCase(), id);
    return id;
  }

  /** The id of a person already named by the document whose name or last name is `word`. */
  named(word: string): string | undefined {
    return this.byName.get(word.toLowerCase());
  }

  /** Adds a role the document gives a person it named ("spokesperson Jane Doe"). */
  addRole(id: string, role: RoleData): void {
    const entity = this.created.get(id);
    if (!entity || !this.knowledge.vocabulary.titleNames.has(role.title)) return;
    const roles = (entity.roles ??= []);
    if (!roles.some((r) => r.title === role.title && r.of === role.of)) roles.push(role);
  }

  get date(): string {
    return this.input.date;
  }

  /** True for a word before a name that is neither part of it nor a role ("Ms", "Dr."). */
  honorific(token: Token): boolean {
    return this.knowledge.vocabulary.honorifics.has(token.norm.replace(/\.$/, ''));
  }
}

/** "MARTA OKAFOR" as "Marta Okafor", "ASHDOWN-PIKE" as "Ashdown-Pike". */
export const titleCase = (label: string): string =>
  label.toLowerCase().replace(/(^|[\s'\u2019-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());

/**
 * Who speaks in a frame: the fact base's person or body it names, the earlier source a pronoun stands for,
 * the people the sentence names before the cue ("Putin and Khamenei both rejected …"), or a person the
 * document names (created, with the title before the name as their role).
 */
export function speakersOf(
  frame: AttributionFrame,
  sentences: readonly SentenceAnalysis[],
  chunkText: string,
  people: DocumentEntities,
  passage: () => RoleData['source'],
): string[] {
  if (frame.mention) return [frame.mention.entity.id];
  if (frame.antecedent?.mention) return [frame.antecedent.mention.entity.id];
  // a pronoun source stands for the source of the frame it points back to ("she added")
  if (frame.antecedent && frame.antecedent !== frame) return speakersOf(frame.antecedent, sentences, chunkText, people, passage);
  const source = frame.source;
  if (!source) return [];
  // the frame may be carried over from an earlier sentence of the paragraph (a quotation that goes on)
  const sentence = sentences.find((s) => s.start <= source.start && s.end >= source.end);
  if (!sentence) return [];
  const words = sentence.tokens.filter((t) => t.start >= source.start && t.end <= source.end);
  // the person the source names, else the body or country ("Israel said"), the last one named
  const inSource = sentence.mentions.filter((m) => m.start >= source.start && m.end <= source.end);
  const known = inSource.filter((m) => m.entity.type === 'person');
  if (known.length > 0) return [known[known.length - 1].entity.id];
  if (inSource.length > 0 && !lastProperName(words)) return [inSource[inSource.length - 1].entity.id];
  if (words.length === 1 && GROUP_PRONOUNS.has(words[0].norm)) {
    const before = sentence.mentions.filter((m) => m.end <= frame.cue.start && m.entity.type === 'person');
    return [...new Set(before.map((m) => m.entity.id))];
  }
  // a title or an honorific is not part of the name ("Chief Executive Tomas Velde", "Ms Whitcombe-Hale")
  const notName = (t: Token): boolean =>
    people.honorific(t) || sentence.titles.some((title) => title.start <= t.start && title.end >= t.end);
  const name = lastProperName(words, 2, notName);
  if (name) {
    const id = people.person(chunkText.slice(name.start, name.end));
    // the title just before the name ("Chief Executive Maria Lopez") or set after it ("Marta Okafor, general
    // secretary of the union")
    const title =
      sentence.titles.find((t) => t.end <= name.start && /^[\s,]*$/.test(chunkText.slice(t.end, name.start))) ??
      sentence.titles.find((t) => t.start >= name.end && /^,\s*(?:the\s+)?$/i.test(chunkText.slice(name.end, t.start)));
    if (title) {
      const of = sentence.mentions.find((m) => (m.end <= title.start || m.start >= title.end) && m.entity.type !== 'person');
      people.addRole(id, {
        title: title.value,
        ...(of ? { of: of.entity.id } : {}),
        ...(people.date ? { asOf: people.date } : {}),
        source: passage(),
      });
    }
    return [id];
  }
  // a person named before, by surname ("Okafor said", "Ashdown-Pike added"), or first met so ("said Minister
  // Whitcombe-Hale")
  const surname = lastProperName(words, 1, notName);
  if (!surname) return [];
  const written = chunkText.slice(surname.start, surname.end);
  return [people.named(written) ?? people.person(written)];
}

/**
 * Entities a sentence names: the fact base's, the people the document has named so far, and bodies it names
 * that the fact base does not know — a run of two or more capitalised names outside any known mention or
 * title ("Eastmere Harbour Council"), created on first mention.
 */
export function entitiesIn(sentence: SentenceAnalysis, chunkText: string, people: DocumentEntities): string[] {
  const ids = sentence.mentions.map((m) => m.entity.id);
  const taken = (t: Token): boolean =>
    people.honorific(t) || [...sentence.mentions, ...sentence.titles].some((m) => m.start <= t.start && m.end >= t.end);
  let run: Token[] = [];
  // a name right after a title is a person's ("Flood Defence Minister Eleanor Whitcombe-Hale")
  const afterTitle = (t: Token): boolean => sentence.titles.some((m) => m.end <= t.start && /^\s+$/.test(chunkText.slice(m.end, t.start)));
  const flush = (): void => {
    const words = run.filter((t) => t.kind === 'word' && !t.afterHyphen).length;
    const name = run.length > 0 ? chunkText.slice(run[0].start, run[run.length - 1].end) : '';
    const known = name ? people.named(name) : undefined;
    if (known) ids.push(known);
    else if (words >= 2) ids.push(afterTitle(run[0]) ? people.person(name) : people.body(name));
    run = [];
  };
  sentence.tokens.forEach((token, i) => {
    if (inName(token, sentence.tokens[i + 1]) && !taken(token)) run.push(token);
    else flush();
  });
  flush();
  return [...new Set(ids)];
}
