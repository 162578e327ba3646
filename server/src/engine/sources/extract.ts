/**
 * Facts read from a source document with the sentence analysis every rule uses: direct quotations with
 * their speaker (an entity of the fact base, or a person the document names, with the title it gives them),
 * figures with what they count and their qualifier ("up to 140,000 Shiite forces"), and the weekday or date
 * of an event a sentence tells of someone ("Putin met Assad in Sochi on Tuesday"). Each fact keeps its
 * verbatim passage, like a curated one, and is marked extracted. Pure: the same document and knowledge give
 * the same facts.
 */
import type { AttributionFrame } from '../analysis/frameTypes';
import type { SentenceAnalysis } from '../analysis/blockAnalysis';
import type { DocumentFormat } from '../document';
import { analyseChunk, splitChunks } from '../document';
import type { EntityData, ExtractedFacts, FactData, RoleData, Slot } from '../knowledge/factTypes';
import type { Knowledge } from '../knowledge/knowledge';
import { findTimes } from '../text/dates';
import { currencyBefore, findNumbers, PERCENT_UNIT, percentAfter } from '../text/numbers';
import type { Token } from '../text/tokens';
import { isCapitalized, tokenize } from '../text/tokens';
import type { Span } from '../types';

export type { ExtractedFacts };

/** The document as extraction reads it: its key in the source library, its text, format and date. */
export interface ExtractionInput {
  /** The document's key (its absolute path): facts cite it as their `seed`. */
  key: string;
  text: string;
  format: DocumentFormat;
  /** ISO date of the document, '' when not known: the date of the roles and facts it states. */
  date: string;
}

/** Quotations shorter than this many words need a speaker of their own (not carried over) to be recorded. */
const MIN_CARRIED_QUOTE_WORDS = 3;
/** Pronouns a frame's source may be: the speaker is then the person the sentence names before the cue. */
const GROUP_PRONOUNS = new Set(['both', 'they', 'he', 'she', 'we']);
/** Reporting verbs say who speaks, not what happened: never a figure's cue. */
const REPORTING = new Set(['say', 'tell', 'state', 'add', 'announce', 'report', 'quote', 'according', 'note', 'claim', 'be', 'have', 'do']);
/** Lower-case words inside names ("Bashar al Assad", "Ludwig van Beethoven"). */
const NAME_PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'de', 'van', 'von', 'da', 'di', 'la', 'le']);
/** Most words a figure's unit may have ("Shiite forces", "new homes", "tonnes of grain" stops at "of"). */
const MAX_UNIT_WORDS = 3;

const slug = (name: string): string =>
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
      if (run.filter((t) => t.kind === 'word' && !t.afterHyphen).length >= words && token.kind === 'word') best = { start: run[0].start, end: token.end };
    } else {
      run = [];
    }
  });
  return best;
}

/** People and bodies the document names that the fact base does not know, by name and last name. */
class DocumentEntities {
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

/** The sentence's text from the document, verbatim. */
const passageOf = (text: string, offset: number, span: Span): string => text.slice(offset + span.start, offset + span.end);

/**
 * Who speaks in a frame: the fact base's person or body it names, the earlier source a pronoun stands for,
 * the people the sentence names before the cue ("Putin and Khamenei both rejected …"), or a person the
 * document names (created, with the title before the name as their role).
 */
function speakersOf(frame: AttributionFrame, sentences: readonly SentenceAnalysis[], chunkText: string, people: DocumentEntities, passage: () => RoleData['source']): string[] {
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
  const notName = (t: Token): boolean => people.honorific(t) || sentence.titles.some((title) => title.start <= t.start && title.end >= t.end);
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
      people.addRole(id, { title: title.value, ...(of ? { of: of.entity.id } : {}), ...(people.date ? { asOf: people.date } : {}), source: passage() });
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

/** The sentence's tokens inside a quotation's marks. */
const tokensIn = (sentence: SentenceAnalysis, quote: Span & { innerStart: number; innerEnd: number }): Token[] =>
  sentence.tokens.filter((t) => t.start >= quote.innerStart && t.end <= quote.innerEnd);

/**
 * Entities a sentence names: the fact base's, the people the document has named so far, and bodies it names
 * that the fact base does not know — a run of two or more capitalised names outside any known mention or
 * title ("Eastmere Harbour Council"), created on first mention.
 */
function entitiesIn(sentence: SentenceAnalysis, chunkText: string, people: DocumentEntities): string[] {
  const ids = sentence.mentions.map((m) => m.entity.id);
  const taken = (t: Token): boolean => people.honorific(t) || [...sentence.mentions, ...sentence.titles].some((m) => m.start <= t.start && m.end >= t.end);
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

/** The words after a number that say what it counts: adjectives and nouns, ending on a noun. */
function unitAfter(tokens: readonly Token[], last: number): Token[] {
  const unit: Token[] = [];
  for (let i = last + 1; i < tokens.length && unit.length < MAX_UNIT_WORDS; i++) {
    const t = tokens[i];
    if (t.kind === 'punct' && t.text === '-' && unit.length === 0) continue;
    if (t.kind !== 'word' || !['NOUN', 'PROPN', 'ADJ'].includes(t.pos)) break;
    // a name after the counted noun starts another phrase ("47-mile Israeli-Syrian border")
    if (t.pos === 'PROPN' && unit.some((u) => u.pos === 'NOUN')) break;
    unit.push(t);
  }
  while (unit.length > 0 && unit[unit.length - 1].pos === 'ADJ') unit.pop();
  return unit;
}

/**
 * The day an event a sentence tells happened ("met Assad on Tuesday", "opened on 14 March 2026"): a weekday or
 * a full date outside quoted words, when the sentence names who and has a verb for what. Undefined otherwise.
 */
function eventOf(times: ReturnType<typeof findTimes>, about: readonly string[], cues: readonly string[], spoken: (span: Span) => boolean): Slot[] | undefined {
  if (about.length === 0 || cues.length === 0) return undefined;
  const weekday = times.weekdays.find((w) => w.weekday !== 'weekend' && !spoken(w));
  const date = times.dates.find((d) => d.day !== undefined && d.month !== undefined && !d.reference && !spoken(d));
  const slots: Slot[] = [];
  if (weekday) slots.push({ type: 'weekday', value: weekday.weekday });
  if (date) slots.push({ type: 'date', ...(date.year !== undefined ? { year: date.year } : {}), month: date.month, day: date.day });
  return slots.length > 0 ? slots : undefined;
}

/** A transcript turn: a line opening with a speaker's name in capitals and a colon ("MARTA OKAFOR: …"). */
const TRANSCRIPT_TURN = /^([A-Z][A-Z'\u2019.-]*(?:[ \t]+[A-Z][A-Z'\u2019.-]*)+):[ \t]+(\S.*)$/gm;
/** Turns shorter than this many words ("Thank you.") record nothing worth checking a draft against. */
const MIN_TURN_WORDS = 5;

/** "MARTA OKAFOR" as "Marta Okafor", "ASHDOWN-PIKE" as "Ashdown-Pike". */
const titleCase = (label: string): string => label.toLowerCase().replace(/(^|[\s'\u2019-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());

/**
 * The turns of a transcript as quotations of their speaker: the label's name, less any title it holds
 * ("SUPERINTENDENT JONAS FERREIRA"), is a person of the document. Labels of one word (INTERVIEWER) name a
 * role, not a source, and are left out.
 */
function transcriptQuotes(input: ExtractionInput, knowledge: Knowledge, people: DocumentEntities, key: string, facts: FactData[], seen: Set<string>): void {
  for (const turn of input.text.matchAll(TRANSCRIPT_TURN)) {
    const label = titleCase(turn[1]);
    const said = turn[2].trim();
    if (said.split(/\s+/).length < MIN_TURN_WORDS) continue;
    const tokens = tokenize(label);
    const titles = knowledge.vocabulary.titles.findAll(label, tokens);
    const words = tokens.filter((t) => t.kind === 'word' && !people.honorific(t) && !titles.some((m) => m.start <= t.start && m.end >= t.end));
    if (words.length < 2) continue;
    const name = label.slice(words[0].start, words[words.length - 1].end);
    const speaker = people.person(name);
    const title = titles.find((m) => m.end <= words[0].start);
    const passage = turn[0];
    const citation = { seed: input.key, passage, attribution: `extracted from the document (${label}, transcript)` };
    if (title) people.addRole(speaker, { title: title.value, ...(people.date ? { asOf: people.date } : {}), source: citation });
    if (seen.has(said + '\u0000' + passage)) continue;
    seen.add(said + '\u0000' + passage);
    facts.push({
      id: `x-${key}-t${facts.length + 1}`,
      statement: `${name}: \u201C${said}\u201D`,
      source: citation,
      ...(input.date ? { asOf: input.date } : {}),
      about: [[speaker]],
      quote: { speakers: [speaker], text: said },
    });
  }
}

/** Reads the quotations, figures and dated events of one source document. */
export function extractFacts(input: ExtractionInput, knowledge: Knowledge): ExtractedFacts {
  const people = new DocumentEntities(input, knowledge);
  const facts: FactData[] = [];
  const key = slug(input.key.replace(/^.*[\\/]/, '').replace(/\.\w+$/, '')) || 'document';
  const seenQuotes = new Set<string>();
  for (const chunk of splitChunks(input.text, input.format)) {
    if (chunk.kind !== 'prose') continue;
    const chunkText = input.text.slice(chunk.start, chunk.end);
    const analysed = analyseChunk(chunkText, input.format, knowledge);
    for (const block of analysed.blocks) {
      for (const sentence of block.sentences) {
        const passage = passageOf(input.text, chunk.start, sentence);
        const citation = { seed: input.key, passage, attribution: 'extracted from the document' };
        // quotations and their speakers
        for (const reading of block.speakers) {
          const { quote } = reading;
          // a person who states it outranks a country that holds a view ("Russia has deemed … “legitimate” …,
          // revealed Foreign Minister Sergei Lavrov")
          const speaker = reading.candidates.find((f) => f.stated && f.mention?.entity.type === 'person') ?? reading.speaker;
          if (!speaker || quote.innerStart < sentence.start || quote.innerStart >= sentence.end) continue;
          if (reading.words < MIN_CARRIED_QUOTE_WORDS && reading.inherited) continue;
          if (reading.words === 0) continue;
          // a quotation may run over several sentences: its passage runs to the end of the one it ends in
          const last = block.sentences.filter((s) => s.start < quote.innerEnd).pop() ?? sentence;
          const quotePassage = input.text.slice(chunk.start + sentence.start, chunk.start + Math.max(sentence.end, last.end));
          const quoted = chunkText.slice(quote.innerStart, quote.innerEnd).trim().replace(/[.,;:]$/, '');
          // a name in quotation marks is not a quotation ("President Bashar al Assad")
          const nameOnly = tokensIn(sentence, quote).every((t) => t.kind !== 'word' || isCapitalized(t.text) || NAME_PARTICLES.has(t.norm));
          if (quoted === '' || nameOnly || !quotePassage.includes(quoted) || seenQuotes.has(quoted + '\u0000' + quotePassage)) continue;
          const quoteCitation = { ...citation, passage: quotePassage };
          const speakers = speakersOf(speaker, block.sentences, chunkText, people, () => quoteCitation);
          if (speakers.length === 0) continue;
          seenQuotes.add(quoted + '\u0000' + quotePassage);
          const names = speakers.map((id) => knowledge.facts.entities.get(id)?.name ?? people.created.get(id)?.name ?? id);
          facts.push({
            id: `x-${key}-q${facts.length + 1}`,
            statement: `${names.join(' and ')}: \u201C${quoted}\u201D`,
            source: quoteCitation,
            ...(input.date ? { asOf: input.date } : {}),
            about: [speakers],
            quote: { speakers, text: quoted, ...(speaker.outlet ? { outlet: speaker.outlet.entity.id } : {}) },
          });
        }
        // figures with what they count
        // a figure is found by the entities its sentence names, or when it names none ("The scheme will
        // create …"), by its unit and the sentence's verbs: without either it could not be found again
        const about = entitiesIn(sentence, chunkText, people);
        const tokens = sentence.tokens;
        const cues = [...new Set(tokens.filter((t) => t.pos === 'VERB' && !REPORTING.has(t.lemma)).map((t) => t.lemma))];
        if (about.length === 0 && cues.length === 0) continue;
        const times = findTimes(tokens);
        const dates = times.dates;
        const spoken = (span: Span): boolean => block.quotes.some((q) => q.innerStart <= span.start && q.innerEnd >= span.end);
        const event = eventOf(times, about, cues, spoken);
        if (event) {
          facts.push({
            id: `x-${key}-e${facts.length + 1}`,
            statement: passage,
            source: citation,
            about: [about],
            cues,
            slots: event,
          });
        }
        for (const number of findNumbers(tokens)) {
          if (number.year || number.ordinal || number.range) continue;
          if (dates.some((d) => d.start <= number.numberStart && d.end >= number.end)) continue;
          const percent = percentAfter(tokens, number);
          const unit = percent ? [] : unitAfter(tokens, number.last);
          const currency = currencyBefore(tokens, number);
          if (unit.length === 0 && !currency && !percent) continue;
          // an amount is counted in its currency ("£2.3 million": pounds), a share in per cent, else in the
          // words after it
          const unitText = currency ?? (percent ? PERCENT_UNIT : chunkText.slice(unit[0].start, unit[unit.length - 1].end));
          const unitHead = currency ?? (percent ? 'cent' : unit[unit.length - 1].lemma);
          const slot: Slot = {
            type: 'quantity',
            value: number.value,
            unit: unitText,
            ...(number.qualifier !== 'exact' ? { qualifier: number.qualifier } : {}),
          };
          const written = chunkText.slice(number.start, currency || percent ? number.end : unit[unit.length - 1].end);
          // a figure whose sentence names nobody is anchored by the first noun it is about besides its unit
          // ("The scheme will create … new berths"): without one it is too loose to check a draft against
          const topic = about.length > 0 ? undefined : tokens.find((t) => t.pos === 'NOUN' && !unit.includes(t) && t.start < number.start)?.lemma ?? tokens.find((t) => t.pos === 'NOUN' && !unit.includes(t))?.lemma;
          if (about.length === 0 && !topic) continue;
          // the year the sentence gives the figure ("by 2028") is part of it; without one the figure holds
          // in the document's year
          const when = dates.find((d) => d.year !== undefined && !d.season);
          const dateSlot: Slot[] = when ? [{ type: 'date', year: when.year, ...(when.month ? { month: when.month } : {}), ...(when.day ? { day: when.day } : {}) }] : [];
          facts.push({
            id: `x-${key}-n${facts.length + 1}`,
            statement: `${passage.length > 160 ? written : passage}`,
            source: citation,
            // no asOf: the document's date is when it was written, not when the figure held ("between 2016 and 2023")
            ...(about.length > 0 ? { about: [about] } : {}),
            cues: about.length > 0 ? [...cues, unitHead] : cues,
            ...(topic ? { context: [topic] } : {}),
            slots: [slot, ...dateSlot],
          });
        }
      }
    }
  }
  transcriptQuotes(input, knowledge, people, key, facts, seenQuotes);
  return { file: input.key, entities: [...people.created.values()], facts };
}
