/**
 * Deterministic generator of realistic Markdown news drafts for the benchmark. Paragraphs mix sentences of
 * the seed articles (seeds/*.txt) with varied template sentences, so that every rule family fires:
 * loaded terms, unattributed and vaguely attributed claims, contradictions with the fact base, misquotes,
 * misattributions and unknown directives. Headings, lists, block quotes, links, code spans and a fenced
 * block appear as in real drafts. Every size is made by the same generator; numbers and names vary so that
 * paragraphs are (almost always) unique and the engine's per-paragraph cache cannot shortcut a cold lint.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Random } from './stats';

const JUNK = /^(Share|Advertisement|Sign Up|See all of our|By clicking)/;

/** Sentences of the seed articles, without page furniture (ads, sign-up boxes, captions, URLs). */
export function seedSentences(seedsDir: string): string[] {
  const sentences: string[] = [];
  for (const name of fs
    .readdirSync(seedsDir)
    .filter((n) => n.endsWith('.txt'))
    .sort()) {
    const text = fs.readFileSync(path.join(seedsDir, name), 'utf8');
    for (const paragraph of text.split(/\n\s*\n/)) {
      const p = paragraph.replace(/\s+/g, ' ').trim();
      if (p.length < 60 || JUNK.test(p) || /https?:|<a |\/AFP\//.test(p)) continue;
      // headlines and captions (no closing punctuation) are not sentences of a draft
      for (const s of p.split(/(?<=[.!?][”"]?)\s+(?=[“"A-Z])/)) if (s.length >= 40 && /[.!?][”"]?$/.test(s)) sentences.push(s);
    }
  }
  return sentences;
}

const ACTORS = [
  'Iran',
  'Russia',
  'Syria',
  'Turkey',
  'Hezbollah',
  'The Syrian army',
  'Moscow',
  'Tehran',
  'The Pentagon',
  'Damascus',
  'The Revolutionary Guards',
];
const PLACES = [
  'Aleppo',
  'Idlib',
  'Homs',
  'Deir ez-Zor',
  'Raqqa',
  'Palmyra',
  'Latakia',
  'Tartus',
  'Daraa',
  'Quneitra',
  'Hama',
  'Mosul',
  'Kirkuk',
  'Baghdad',
  'Beirut',
];
const UNITS = ['fighters', 'troops', 'soldiers', 'advisers', 'militiamen', 'tanks', 'aircraft', 'rocket launchers', 'armoured vehicles'];
const PEOPLE = ['Vladimir Putin', 'Bashar al-Assad', 'Sergei Lavrov', 'Hassan Rouhani', 'Dmitry Peskov', 'Ali Khamenei', 'Eric Pahon'];
const NAMED_SOURCES = [
  'Reuters reported',
  'Tass reported',
  'Interfax said',
  'the Kremlin said',
  'Peskov told reporters',
  'the Pentagon said in a statement',
  'the Syrian foreign ministry said',
  'Lavrov told Interfax',
];
const VAGUE = [
  'officials say',
  'sources said',
  'analysts believe',
  'according to reports',
  'diplomats said',
  'people familiar with the talks said',
  'experts warn',
];
const LOADED = [
  'regime',
  'dictator',
  'narco-terrorist',
  'hard-line',
  'henchmen',
  'puppet government',
  'warmonger',
  'jihadist',
  'rogue state',
  'propaganda machine',
  'crony',
  'martyrs',
];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ORDINALS = ['second', 'third', 'fourth', 'fifth'];
const CITIES = ['Sochi', 'Moscow', 'Tehran', 'Damascus', 'Cairo', 'Ankara', 'Geneva', 'Astana'];
const TOPICS = [
  'ceasefire',
  'reconstruction',
  'humanitarian corridor',
  'prisoner exchange',
  'border crossing',
  'oil field',
  'air base',
  'aid convoy',
  'peace talks',
  'electricity grid',
];
const NOUNS = ['the delegation', 'the convoy', 'the committee', 'the mission', 'the council', 'the envoy', 'the commander', 'the governor'];
const VERBS = ['arrived in', 'left', 'returned to', 'toured', 'inspected positions near', 'held meetings in', 'visited'];

function fmtNumber(n: number): string {
  return n.toLocaleString('en-US');
}

/** One template sentence; `r` decides which kind. */
function templateSentence(r: Random): string {
  const n = r.int(2, 250) * (r.chance(0.5) ? 1000 : 1);
  const place = r.pick(PLACES);
  const kind = r.int(0, 27);
  switch (kind) {
    case 0:
      return `${r.pick(ACTORS)} deployed ${fmtNumber(n)} ${r.pick(UNITS)} to ${place}.`;
    case 1:
      return `${r.pick(ACTORS)} sent ${fmtNumber(n)} ${r.pick(UNITS)} to ${place}, ${r.pick(NAMED_SOURCES)}.`;
    case 2:
      return `${capitalise(r.pick(VAGUE))} that ${r.pick(ACTORS).replace(/^The /, 'the ')} moved ${fmtNumber(n)} ${r.pick(UNITS)} towards ${place}.`;
    case 3:
      return `The ${r.pick(LOADED)} in ${r.pick(['Damascus', 'Tehran', 'Moscow'])} ${r.pick(['ordered', 'approved', 'denied', 'delayed'])} the ${r.pick(TOPICS)} near ${place}.`;
    case 4:
      return `Iran has deployed ${fmtNumber(r.int(150, 300) * 1000)} Shiite fighters to Iraq and Syria.`;
    case 5:
      return `Putin met Assad in ${r.pick(['Sochi', 'Moscow', 'Tehran'])} on ${r.pick(WEEKDAYS)}.`;
    case 6:
      return `${r.pick(['Kremlin spokesman', 'Russian Foreign Minister', 'Russian Defence Minister'])} Sergei Lavrov said ${r.pick(['Russia would stay', 'the talks would resume', 'Moscow had no plans to withdraw'])}.`;
    case 7:
      return `Lavrov said Iran’s military presence in Syria was ${r.pick(['illegitimate', 'legitimate', 'temporary'])}.`;
    case 8:
      return `The deal was sealed at the ${r.pick(ORDINALS)} Gas Exporting Countries Forum in Tehran.`;
    case 9:
      return `The ${r.pick(TOPICS)} will ${r.pick(['collapse', 'hold', 'fail', 'be extended'])} within ${r.int(2, 18)} ${r.pick(['weeks', 'months'])}.`;
    case 10:
      return `${capitalise(r.pick(NOUNS))} ${r.pick(VERBS)} ${place} on ${r.pick(WEEKDAYS)} ${r.pick(['morning', 'afternoon', 'evening'])}.`;
    case 11:
      return `Residents of ${place} said the ${r.pick(TOPICS)} had been ${r.pick(['reopened', 'closed', 'shelled', 'repaired'])} ${r.int(2, 9)} days earlier.`;
    case 12:
      return `${r.pick(PEOPLE)} is ${r.pick(['expected', 'set', 'due'])} to travel to ${r.pick(CITIES)} in ${r.pick(MONTHS)}, ${r.pick(NAMED_SOURCES)}.`;
    case 13:
      return `The ${r.pick(['worst', 'largest', 'deadliest', 'biggest'])} ${r.pick(['attack', 'offensive', 'displacement', 'airlift'])} of the war hit ${place} in ${r.pick(MONTHS)}.`;
    case 14:
      return `${r.pick(ACTORS)} ${r.pick(['accused', 'blamed'])} ${r.pick(ACTORS).replace(/^The /, 'the ')} of ${r.pick(['shelling', 'besieging', 'bombing', 'starving'])} ${place}.`;
    case 15:
      return `${r.pick(['Prices', 'Casualties', 'Arrivals', 'Exports'])} rose by ${r.int(3, 80)} percent because of the ${r.pick(TOPICS)}.`;
    case 16:
      return `The ${r.pick(['Golan Heights', 'border'])} lies about ${r.int(5, 90)} miles from the new base near ${place}.`;
    case 17:
      return `It is believed that ${r.pick(ACTORS).replace(/^The /, 'the ')} plans to ${r.pick(['expand', 'abandon', 'fortify', 'hand over'])} the ${r.pick(TOPICS)} near ${place}.`;
    case 18:
      return `Aid workers in ${place} counted ${fmtNumber(n)} displaced families, the UN refugee agency said on ${r.pick(WEEKDAYS)}.`;
    case 19:
      return `${r.pick(ACTORS)} reportedly ${r.pick(['shipped', 'flew', 'trucked'])} ${r.int(2, 60)} tonnes of supplies to ${place}.`;
    case 20:
      return `The ${r.pick(['narco-terrorist group Hezbollah', 'hard-line Revolutionary Guards', 'Syrian dictator', 'Kremlin puppet'])} ${r.pick(['welcomed', 'rejected', 'ignored'])} the ${r.pick(TOPICS)} plan.`;
    case 21:
      return `Local councils in ${place} and ${r.pick(PLACES)} ${r.pick(['met', 'agreed', 'argued'])} over the ${r.pick(TOPICS)} for ${r.int(2, 12)} hours.`;
    case 22:
      return `${capitalise(r.pick(NOUNS))} will ${r.pick(['visit', 'leave', 'tour'])} ${place} next ${r.pick(WEEKDAYS)}.`;
    case 23:
      return `Officials in ${place} declined to comment on the ${r.pick(TOPICS)}.`;
    case 24:
      return `${r.pick(ACTORS)} intends to ${r.pick(['reopen', 'seize', 'rebuild', 'close'])} the ${r.pick(TOPICS)} near ${place}.`;
    case 25:
      return `Putin flew to ${r.pick(['Cairo', 'Ankara', 'Beijing'])} after meeting Assad on ${r.pick(WEEKDAYS)}.`;
    case 26:
      return `Talks in ${r.pick(CITIES)} ended after ${r.int(2, 14)} hours with a ${r.pick(['joint statement', 'walkout', 'short communiqué'])}.`;
    default:
      return `The ${r.pick(TOPICS)} near ${place} ${r.pick(['remained', 'stayed', 'was'])} ${r.pick(['quiet', 'tense', 'open', 'closed'])} on ${r.pick(WEEKDAYS)}.`;
  }
}

/** Paragraphs built around quotations: correct, misquoted, misattributed, speakerless. */
function quoteParagraph(r: Random): string {
  switch (r.int(0, 5)) {
    case 0:
      return `“In two years, the Russian armed forces, together with the Syrian army, have defeated the most ${r.pick(['lethal', 'dangerous', 'brutal'])} group of international terrorists,” Putin said, according to Tass.`;
    case 1:
      return `“Russian comments about removal of their forces do not often correspond with actual troop reductions,” ${r.pick(['Sergei Lavrov', 'Eric Pahon', 'Dmitry Peskov'])} said.`;
    case 2:
      return `Pentagon spokesman Eric Pahon told Reuters that Russian comments “do not affect U.S. priorities in Syria.”`;
    case 3:
      return `“We will not leave ${r.pick(PLACES)} until the ${r.pick(TOPICS)} is secure,” a commander said.`;
    case 4:
      return `“The ${r.pick(TOPICS)} is a matter for the Syrian people,” ${r.pick(PEOPLE)} told ${r.pick(['Reuters', 'Tass', 'Interfax'])} on ${r.pick(WEEKDAYS)}.`;
    default:
      return `> “We consider you as a trustworthy and reliable ally in the region and in the world,” ${r.pick(['Putin', 'Lavrov', 'Rouhani'])} said in ${r.pick(CITIES)}.`;
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Decorates a sentence with inline Markdown now and then: a link, a code span, emphasis. */
function decorate(r: Random, sentence: string): string {
  const roll = r.next();
  if (roll < 0.04) return `${sentence.replace(/\.$/, '')} ([report](https://example.com/news/${r.int(1000, 99999)})).`;
  if (roll < 0.06) return `${sentence} See \`doc-${r.int(100, 999)}\` for the ${r.pick(['regime', 'raw data'])} notes.`;
  if (roll < 0.09) return sentence.replace(/\b(said|reported|told)\b/, '*$1*');
  return sentence;
}

/**
 * The seed of the benchmark drafts. Every size uses the same one, so a smaller draft is a prefix of a larger
 * one and time per KB compares like with like.
 */
export const DRAFT_SEED = 1000;

export interface DraftOptions {
  /** Extra sentences to weave in now and then (the fact-lookup bench mentions synthetic entities). */
  extraSentences?: (r: Random) => string | undefined;
}

/**
 * A Markdown draft of about `targetBytes` UTF-8 bytes (cut at a paragraph boundary, never shorter than one
 * section), made from `seed`. The same arguments always give the same text.
 */
export function generateDraft(seedPool: readonly string[], targetBytes: number, seed: number, options: DraftOptions = {}): string {
  const r = new Random(seed);
  const parts: string[] = [];
  let bytes = 0;
  const push = (block: string): void => {
    parts.push(block);
    bytes += Buffer.byteLength(block, 'utf8') + 2;
  };
  push(`---\ntitle: Bench draft ${seed}\ndesk: world\n---`);
  push(`# ${r.pick(ACTORS)} and ${r.pick(ACTORS)} ${r.pick(['trade blame', 'hold talks', 'dig in'])} over ${r.pick(PLACES)}`);
  let section = 0;
  while (bytes < targetBytes) {
    const roll = r.next();
    if (roll < 0.07) {
      push(`## ${r.pick(PLACES)}: ${capitalise(r.pick(TOPICS))} (${++section})`);
    } else if (roll < 0.13) {
      const items = Array.from({ length: r.int(3, 5) }, () => `- ${decorate(r, templateSentence(r))}`);
      push(items.join('\n'));
    } else if (roll < 0.21) {
      const quote = quoteParagraph(r);
      if (quote.startsWith('>')) push(`${quote}\n> ${templateSentence(r)}`);
      else push(r.chance(0.5) ? `${templateSentence(r)} ${quote}` : `${quote} ${templateSentence(r)}`);
    } else if (roll < 0.215) {
      push(`<!-- claimlint-disable-next-line ${r.pick(['loaded.term', 'loaded.terms', 'attribution.vague'])} -->\n${templateSentence(r)}`);
    } else if (roll < 0.218) {
      push('```text\nraw wire copy: regime forces advanced; 200,000 fighters (unverified)\n```');
    } else {
      const sentences: string[] = [];
      const count = r.int(3, 6);
      for (let i = 0; i < count; i++) {
        const extra = options.extraSentences?.(r);
        if (extra) sentences.push(extra);
        else sentences.push(decorate(r, r.chance(0.3) ? r.pick(seedPool) : templateSentence(r)));
      }
      push(sentences.join(' '));
    }
  }
  return parts.join('\n\n') + '\n';
}
