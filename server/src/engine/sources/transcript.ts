/** A transcript's turns as quotations of their speakers ("MARTA OKAFOR: …"). */
import type { FactData } from '../knowledge/factTypes';
import type { Knowledge } from '../knowledge/knowledge';
import { tokenize } from '../text/tokens';
import type { DocumentEntities } from './documentEntities';
import { titleCase } from './documentEntities';
import type { ExtractionInput } from './documentEntities';

/** A transcript turn: a line opening with a speaker's name in capitals and a colon ("MARTA OKAFOR: …"). */
const TRANSCRIPT_TURN = /^([A-Z][A-Z'\u2019.-]*(?:[ \t]+[A-Z][A-Z'\u2019.-]*)+):[ \t]+(\S.*)$/gm;
/** Turns shorter than this many words ("Thank you.") record nothing worth checking a draft against. */
const MIN_TURN_WORDS = 5;

/**
 * The turns of a transcript as quotations of their speaker: the label's name, less any title it holds
 * ("SUPERINTENDENT JONAS FERREIRA"), is a person of the document. Labels of one word (INTERVIEWER) name a
 * role, not a source, and are left out.
 */
export function transcriptQuotes(
  input: ExtractionInput,
  knowledge: Knowledge,
  people: DocumentEntities,
  key: string,
  facts: FactData[],
  seen: Set<string>,
): void {
  for (const turn of input.text.matchAll(TRANSCRIPT_TURN)) {
    const label = titleCase(turn[1]);
    const said = turn[2].trim();
    if (said.split(/\s+/).length < MIN_TURN_WORDS) continue;
    const tokens = tokenize(label);
    const titles = knowledge.vocabulary.titles.findAll(label, tokens);
    const words = tokens.filter(
      (t) => t.kind === 'word' && !people.honorific(t) && !titles.some((m) => m.start <= t.start && m.end >= t.end),
    );
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
