/**
 * How well fact extraction reads the three seed articles, scored against the curated fact base
 * (seeds/facts): recall of the curated quotes and figures (matched by passage and value), and precision of
 * what extraction reads — right speaker for a quote, right value for a figure. An extracted item with no
 * curated counterpart is judged by hand once, in extraction.judged.yaml (by its passage and value); items
 * neither matched nor judged are counted apart, never as right.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import type { Fact, FactData } from '../../server/src/engine/knowledge/factTypes';
import type { Knowledge } from '../../server/src/engine/knowledge/knowledge';
import { extractFacts } from '../../server/src/engine/sources/extract';
import { foldQuotationText } from '../../server/src/engine/text/quotes';

/** One hand judgement of an extracted item the curated base does not record. */
interface Judgement {
  seed: string;
  /** The quote's text, or the figure's value and unit. */
  value: string | number;
  unit?: string;
  correct: boolean;
  why: string;
}

export interface ExtractionScore {
  curated: { quotes: number; figures: number };
  recalled: { quotes: number; figures: number };
  extracted: number;
  right: number;
  wrong: string[];
  unjudged: string[];
  /** Dated events (a weekday or a full date), scored apart: the issue's targets are for quotes and figures. */
  events: { curated: number; recalled: number; extracted: number; right: number; wrong: string[]; unjudged: string[] };
}

/** The day an event fact gives: its weekday and its full date, as text ("tuesday 2015-11-23"). */
function dayOf(fact: FactData): string | undefined {
  if (fact.quote || fact.slots?.some((s) => s.type === 'quantity')) return undefined;
  const weekday = fact.slots?.find((s) => s.type === 'weekday')?.value;
  const date = fact.slots?.find((s) => s.type === 'date' && s.day !== undefined);
  const day = [weekday, date ? `${date.year ?? ''}-${date.month}-${date.day}` : undefined].filter(Boolean).join(' ');
  return day || undefined;
}

/** True when an extracted event and a curated one are the same: same seed, passages that meet, a day in common. */
function sameEvent(extracted: FactData, curated: Fact): boolean {
  const a = dayOf(extracted);
  const b = dayOf(curated);
  if (!a || !b || extracted.source.seed !== curated.source.seed) return false;
  if (!extracted.source.passage.includes(curated.source.passage) && !curated.source.passage.includes(extracted.source.passage))
    return false;
  return a.split(' ').some((part) => b.split(' ').includes(part));
}

const valueOf = (fact: FactData): string | number | undefined =>
  fact.quote?.text ?? (fact.slots?.find((s) => s.type === 'quantity')?.value as number | undefined);
const unitOf = (fact: FactData): string | undefined => fact.slots?.find((s) => s.type === 'quantity')?.unit as string | undefined;

/** True when an extracted item stands for the curated one: same seed, the same value, passages that meet. */
function sameItem(extracted: FactData, curated: Fact): boolean {
  if (extracted.source.seed !== curated.source.seed) return false;
  const meet =
    extracted.source.passage.includes(curated.source.passage) ||
    curated.source.passage.includes(extracted.source.passage) ||
    extracted.source.passage.includes(curated.quote?.text ?? '\u0000');
  if (!meet) return false;
  if (extracted.quote)
    return curated.quote !== undefined && foldQuotationText(extracted.quote.text) === foldQuotationText(curated.quote.text);
  const value = curated.slots?.find((s) => s.type === 'quantity')?.value;
  return value !== undefined && valueOf(extracted) === value;
}

/** Right speaker (quotes only): the extracted speakers and the curated ones share someone (a curated quote with no speaker has none to get wrong). */
function rightSpeaker(extracted: FactData, curated: Fact): boolean {
  if (!extracted.quote) return true;
  const wanted = curated.quote?.speakers ?? [];
  return wanted.length === 0 || (extracted.quote?.speakers ?? []).some((id) => wanted.includes(id));
}

/** Scores extraction on every seed article of `knowledge`. */
export function scoreExtraction(knowledge: Knowledge, judgedFile = path.join(__dirname, 'extraction.judged.yaml')): ExtractionScore {
  const judged = fs.existsSync(judgedFile) ? ((parse(fs.readFileSync(judgedFile, 'utf8')) as { items?: Judgement[] }).items ?? []) : [];
  const curatedFacts = [...knowledge.facts.facts.values()].filter((f) => knowledge.seeds.articles.has(f.source.seed));
  const curatedQuotes = curatedFacts.filter((f) => f.quote);
  const curatedFigures = curatedFacts.filter((f) => f.slots?.some((s) => s.type === 'quantity'));
  const all: FactData[] = [];
  for (const [file, article] of knowledge.seeds.articles)
    for (const fact of extractFacts({ key: file, text: article.text, format: 'plaintext', date: article.date }, knowledge).facts)
      all.push(fact);
  const extracted = all.filter((f) => !dayOf(f));
  const events = all.filter((f) => dayOf(f));
  const curatedEvents = curatedFacts.filter((f) => dayOf(f));
  const eventScore: ExtractionScore['events'] = {
    curated: curatedEvents.length,
    recalled: 0,
    extracted: events.length,
    right: 0,
    wrong: [],
    unjudged: [],
  };
  for (const curated of curatedEvents) if (events.some((x) => sameEvent(x, curated))) eventScore.recalled++;
  for (const event of events) {
    const describe = `${event.source.seed} event ${dayOf(event)}: ${event.source.passage.slice(0, 60)}`;
    const judgement = judged.find((j) => j.seed === event.source.seed && String(j.value) === dayOf(event));
    const right = curatedEvents.some((c) => sameEvent(event, c)) || judgement?.correct;
    if (right === true) eventScore.right++;
    else if (right === false) eventScore.wrong.push(describe);
    else eventScore.unjudged.push(describe);
  }
  const score: ExtractionScore = {
    curated: { quotes: curatedQuotes.length, figures: curatedFigures.length },
    recalled: { quotes: 0, figures: 0 },
    extracted: extracted.length,
    right: 0,
    wrong: [],
    unjudged: [],
    events: eventScore,
  };
  for (const curated of curatedQuotes) if (extracted.some((x) => sameItem(x, curated) && rightSpeaker(x, curated))) score.recalled.quotes++;
  for (const curated of curatedFigures) if (extracted.some((x) => sameItem(x, curated))) score.recalled.figures++;
  for (const item of extracted) {
    const describe = `${item.source.seed} ${item.quote ? `quote by ${item.quote.speakers?.join('+')}` : 'figure'} ${JSON.stringify(String(valueOf(item)).slice(0, 60))}${unitOf(item) ? ` ${unitOf(item)}` : ''}`;
    const verbatim = knowledge.seeds.articles.get(item.source.seed)?.text.includes(item.source.passage) === true;
    const counterpart = curatedFacts.find((c) => sameItem(item, c));
    const judgement = judged.find(
      (j) => j.seed === item.source.seed && String(j.value) === String(valueOf(item)) && j.unit === unitOf(item),
    );
    const right = verbatim && (counterpart ? rightSpeaker(item, counterpart) : judgement?.correct);
    if (right === true) score.right++;
    else if (right === false || !verbatim) score.wrong.push(describe);
    else score.unjudged.push(describe);
  }
  return score;
}

const pct = (n: number, d: number): string => (d === 0 ? 'n/a' : (n / d).toFixed(3));

/** Prints the extraction report. */
export function printExtractionReport(score: ExtractionScore): void {
  const curated = score.curated.quotes + score.curated.figures;
  const recalled = score.recalled.quotes + score.recalled.figures;
  console.log('\nFact extraction on the seed articles, against the curated fact base (targets: recall >= 0.8, precision >= 0.95)');
  console.log(
    `  recall     ${pct(recalled, curated)}  (${recalled}/${curated}: quotes ${score.recalled.quotes}/${score.curated.quotes}, figures ${score.recalled.figures}/${score.curated.figures})`,
  );
  console.log(
    `  precision  ${pct(score.right, score.extracted)}  (${score.right} right of ${score.extracted} extracted; ${score.wrong.length} wrong, ${score.unjudged.length} not judged)`,
  );
  for (const item of score.wrong) console.log(`    wrong: ${item}`);
  for (const item of score.unjudged) console.log(`    not judged: ${item}`);
  const e = score.events;
  console.log(
    `  dated events (apart): recall ${pct(e.recalled, e.curated)} (${e.recalled}/${e.curated}), precision ${pct(e.right, e.extracted)} (${e.right} right of ${e.extracted}; ${e.wrong.length} wrong, ${e.unjudged.length} not judged)`,
  );
  for (const item of e.wrong) console.log(`    wrong: ${item}`);
  for (const item of e.unjudged) console.log(`    not judged: ${item}`);
}
