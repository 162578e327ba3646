/**
 * Synthetic fact bases for the fact-lookup benchmark: entities with unique names and facts with `about`,
 * `cues` and typed `slots` (and now and then a recorded quote), valid per seeds/schema/facts.schema.json.
 * Every passage is verbatim in a seed article, so the data loads without problems and the provenance checks
 * run as they would for curated data. Each synthetic entity has about ten facts whatever the size of the
 * base, so the candidates of a sentence stay the same while the base grows: only the lookup can grow.
 */
import type { DataFileText } from '../../server/src/engine/types';
import { Random } from './stats';

const ONSETS = [
  'b',
  'd',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'z',
  'br',
  'dr',
  'kr',
  'st',
  'tr',
  'gr',
  'sh',
  'th',
  'f',
  'h',
  'j',
  'g',
  'pl',
  'fl',
  'sk',
  'sl',
  'sn',
  'kl',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou', 'ea'];

function syllable(i: number): string {
  return ONSETS[i % ONSETS.length] + VOWELS[Math.floor(i / ONSETS.length) % VOWELS.length];
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A unique, pronounceable two-word name for synthetic entity `i` (unique for i < 240^2). */
export function syntheticName(i: number): string {
  const base = ONSETS.length * VOWELS.length;
  const first = capitalise(syllable(i % base) + syllable((i * 7 + 3) % base) + 'n');
  const last = capitalise(syllable(Math.floor(i / base) % base) + syllable(i % base) + 'ski');
  return `${first} ${last}`;
}

export const SYNTHETIC_CUES = ['deploy', 'send', 'ship', 'train', 'fund', 'arm', 'evacuate', 'recruit', 'station', 'supply'];
const UNITS: [string, string[]][] = [
  ['troops', ['troop', 'troops', 'soldier', 'soldiers', 'fighter', 'fighters']],
  ['advisers', ['adviser', 'advisers', 'instructor', 'instructors']],
  ['tanks', ['tank', 'tanks']],
  ['aircraft', ['aircraft', 'plane', 'planes', 'jet', 'jets']],
];
const SYNTHETIC_UNIT_WORDS = UNITS.map(([, words]) => words[words.length - 1]);
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const REAL_SECOND_GROUPS = [
  ['russia', 'moscow', 'kremlin'],
  ['iran', 'tehran'],
  ['syria', 'damascus'],
];

/** Verbatim sentences of the seeds, usable as passages (and quote texts inside them). */
export function seedPassages(seeds: readonly DataFileText[]): { seed: string; passage: string }[] {
  const passages: { seed: string; passage: string }[] = [];
  for (const file of seeds) {
    const seed = file.file.replace(/^.*[\\/]/, '');
    for (const line of file.text.split('\n')) {
      for (const sentence of line.split(/(?<=\.) /)) {
        const s = sentence.trim();
        if (s.length >= 60 && s.length <= 200 && file.text.includes(s)) passages.push({ seed, passage: s });
      }
    }
  }
  return passages;
}

function yamlString(s: string): string {
  return JSON.stringify(s);
}

export interface SyntheticBase {
  files: DataFileText[];
  entityCount: number;
  factCount: number;
  quoteFacts: number;
}

/**
 * `factCount` facts about `factCount / 10` (at least 100) synthetic entities, written as YAML fact files of
 * at most 5,000 facts each plus one entity file. Deterministic in `factCount`.
 */
export function syntheticFactBase(
  factCount: number,
  passages: readonly { seed: string; passage: string }[],
  dir = '/synthetic',
): SyntheticBase {
  const r = new Random(factCount);
  const entityCount = Math.max(100, Math.floor(factCount / 10));
  const files: DataFileText[] = [];
  const entityLines = ['entities:'];
  for (let i = 0; i < entityCount; i++) {
    entityLines.push(
      `  - id: syn-e-${i}`,
      `    type: ${i % 3 === 0 ? 'organisation' : 'person'}`,
      `    name: ${yamlString(syntheticName(i))}`,
    );
  }
  files.push({ file: `${dir}/synthetic-entities.yaml`, text: entityLines.join('\n') + '\n' });

  let quoteFacts = 0;
  const PER_FILE = 5000;
  for (let from = 0; from < factCount; from += PER_FILE) {
    const lines = ['facts:'];
    for (let k = from; k < Math.min(factCount, from + PER_FILE); k++) {
      const entity = k % entityCount;
      const { seed, passage } = r.pick(passages);
      const cues = [SYNTHETIC_CUES[k % SYNTHETIC_CUES.length], SYNTHETIC_CUES[(k * 3 + 1) % SYNTHETIC_CUES.length]];
      lines.push(`  - id: syn-f-${k}`);
      lines.push(`    statement: ${yamlString(`${syntheticName(entity)} ${cues[0]}s something (synthetic fact ${k}).`)}`);
      lines.push(
        '    source:',
        `      seed: ${seed}`,
        `      passage: ${yamlString(passage)}`,
        '      attribution: synthetic benchmark data',
      );
      const about = r.chance(0.3) ? `[syn-e-${entity}, [${r.pick(REAL_SECOND_GROUPS).join(', ')}]]` : `[syn-e-${entity}]`;
      lines.push(`    about: ${about}`, `    cues: [${cues.join(', ')}]`, '    slots:');
      const slotKind = k % 4;
      if (slotKind <= 1) {
        const [unit, words] = UNITS[k % UNITS.length];
        lines.push(
          '      - type: quantity',
          `        value: ${r.int(2, 900) * 10}`,
          `        qualifier: ${r.pick(['exact', 'about', 'up-to'])}`,
          `        unit: ${unit}`,
          `        unitWords: [${words.join(', ')}]`,
          '        dimension: count',
        );
      } else if (slotKind === 2) {
        lines.push('      - type: weekday', `        value: ${r.pick(WEEKDAYS)}`);
      } else {
        lines.push('      - type: date', `        year: ${r.int(2014, 2019)}`, `        month: ${r.int(1, 12)}`);
      }
      // one fact in a hundred records a quote: a stretch of words of its passage, given to its entity
      if (k % 100 === 7) {
        const words = passage.split(' ');
        const start = r.int(0, Math.max(0, words.length - 8));
        const text = words.slice(start, start + r.int(5, 8)).join(' ');
        if (text && passage.includes(text)) {
          lines.push('    quote:', `      speakers: [syn-e-${entity}]`, `      text: ${yamlString(text)}`);
          quoteFacts++;
        }
      }
    }
    files.push({ file: `${dir}/synthetic-${String(from / PER_FILE).padStart(3, '0')}.facts.yaml`, text: lines.join('\n') + '\n' });
  }
  return { files, entityCount, factCount, quoteFacts };
}

const PAST: Record<string, string> = {
  deploy: 'deployed',
  send: 'sent',
  ship: 'shipped',
  train: 'trained',
  fund: 'funded',
  arm: 'armed',
  evacuate: 'evacuated',
  recruit: 'recruited',
  station: 'stationed',
  supply: 'supplied',
};

/**
 * A sentence naming one of the first 100 synthetic entities (present in every base) with the cue and the
 * kind of slot its facts have (entity i's facts all have cue i mod 10 and slot kind i mod 4), so fact lookup
 * finds candidates and the slot checks run (and now and then report a contradiction).
 */
export function syntheticSentence(r: Random): string {
  const i = r.int(0, 99);
  const name = syntheticName(i);
  const verb = PAST[SYNTHETIC_CUES[i % SYNTHETIC_CUES.length]];
  switch (i % 4) {
    case 0:
    case 1:
      return `${name} ${verb} ${r.int(2, 900) * 10} ${UNITS[i % 4][0]} to Aleppo, Reuters reported.`;
    case 2:
      return `${name} ${verb} the convoy on ${capitalise(r.pick(WEEKDAYS))}, officials said.`;
    default:
      return `In ${r.pick(['March', 'June', 'October'])} ${r.int(2014, 2019)}, ${name} ${verb} ${r.int(2, 90)} ${r.pick(SYNTHETIC_UNIT_WORDS)} to Moscow.`;
  }
}
