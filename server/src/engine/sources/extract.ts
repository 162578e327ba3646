/**
 * Facts read from a source document with the sentence analysis every rule uses: direct quotations with
 * their speaker (an entity of the fact base, or a person the document names, with the title it gives them),
 * figures with what they count and their qualifier ("up to 140,000 Shiite forces"), and the weekday or date
 * of an event a sentence tells of someone ("Putin met Assad in Sochi on Tuesday"). Each fact keeps its
 * verbatim passage, like a curated one, and is marked extracted. Pure: the same document and knowledge give
 * the same facts.
 */
import type { SentenceAnalysis } from '../analysis/blockAnalysis';
import { analyseChunk, splitChunks } from '../document';
import type { ExtractedFacts, FactData, SlotData } from '../knowledge/factTypes';
import type { Knowledge } from '../knowledge/knowledge';
import { findTimes } from '../text/dates';
import { currencyBefore, findNumbers, PERCENT_UNIT, percentAfter } from '../text/numbers';
import type { Token } from '../text/tokens';
import { isCapitalized } from '../text/tokens';
import type { Span } from '../types';
import type { ExtractionInput } from './documentEntities';
import { DocumentEntities, entitiesIn, slug, speakersOf } from './documentEntities';
import { transcriptQuotes } from './transcript';
import sourceWords from '../../../../seeds/language/sources.json';
import { wordSet } from '../text/wordLists';

export type { ExtractedFacts };

/** Quotations shorter than this many words need a speaker of their own (not carried over) to be recorded. */
const MIN_CARRIED_QUOTE_WORDS = 3;
/** Reporting verbs say who speaks, not what happened: never a figure's cue. */
const REPORTING = wordSet(sourceWords.lists.reportingVerbs);
/** Lower-case words inside names ("Bashar al Assad", "Ludwig van Beethoven"). */
const NAME_PARTICLES = wordSet(sourceWords.lists.nameParticles);
/** Most words a figure's unit may have ("Shiite forces", "new homes", "tonnes of grain" stops at "of"). */
const MAX_UNIT_WORDS = 3;

/** The sentence's text from the document, verbatim. */
const passageOf = (text: string, offset: number, span: Span): string => text.slice(offset + span.start, offset + span.end);

/** The sentence's tokens inside a quotation's marks. */
const tokensIn = (sentence: SentenceAnalysis, quote: Span & { innerStart: number; innerEnd: number }): Token[] =>
  sentence.tokens.filter((t) => t.start >= quote.innerStart && t.end <= quote.innerEnd);

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
function eventOf(
  times: ReturnType<typeof findTimes>,
  about: readonly string[],
  cues: readonly string[],
  spoken: (span: Span) => boolean,
): SlotData[] | undefined {
  if (about.length === 0 || cues.length === 0) return undefined;
  const weekday = times.weekdays.find((w) => w.weekday !== 'weekend' && !spoken(w));
  const date = times.dates.find((d) => d.day !== undefined && d.month !== undefined && !d.reference && !spoken(d));
  const slots: SlotData[] = [];
  if (weekday) slots.push({ type: 'weekday', value: weekday.weekday });
  if (date) slots.push({ type: 'date', ...(date.year !== undefined ? { year: date.year } : {}), month: date.month, day: date.day });
  return slots.length > 0 ? slots : undefined;
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
          const quoted = chunkText
            .slice(quote.innerStart, quote.innerEnd)
            .trim()
            .replace(/[.,;:]$/, '');
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
          const slot: SlotData = {
            type: 'quantity',
            value: number.value,
            unit: unitText,
            ...(number.qualifier !== 'exact' ? { qualifier: number.qualifier } : {}),
          };
          const written = chunkText.slice(number.start, currency || percent ? number.end : unit[unit.length - 1].end);
          // a figure whose sentence names nobody is anchored by the first noun it is about besides its unit
          // ("The scheme will create … new berths"): without one it is too loose to check a draft against
          const topic =
            about.length > 0
              ? undefined
              : (tokens.find((t) => t.pos === 'NOUN' && !unit.includes(t) && t.start < number.start)?.lemma ??
                tokens.find((t) => t.pos === 'NOUN' && !unit.includes(t))?.lemma);
          if (about.length === 0 && !topic) continue;
          // the year the sentence gives the figure ("by 2028") is part of it; without one it holds whenever
          // its sentence says (no year is assumed)
          const when = dates.find((d) => d.year !== undefined && !d.season);
          const dateSlot: SlotData[] = when
            ? [{ type: 'date', year: when.year, ...(when.month ? { month: when.month } : {}), ...(when.day ? { day: when.day } : {}) }]
            : [];
          facts.push({
            id: `x-${key}-n${facts.length + 1}`,
            statement: passage.length > 160 ? written : passage,
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
