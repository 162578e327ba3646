/**
 * Synthetic source documents for the benchmark: press releases of about 5 KB with a header, figures with
 * units and qualifiers, and quotations from titled people, drawn from word lists with a seeded generator, so
 * 2,000 of them are as different from each other as a newsroom's week of sources (the same people and places
 * recur, sentences do not).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../helpers/knowledge';

const FIRST =
  'Aisha Tomas Marta Helen Lena Rosa Owen Ines Pablo Joaquim Nadia Karl Priya Samuel Yara Felix Ada Omar Greta Ivan Chloe Dmitri Leila Hugo Mira Tariq Elena Jonas Sofia Rafael Nora Emil Hana Luca Zara Malik Vera Oskar Lina Marco Amara Piet Sunita Bruno Ilse Kofi Maren Teo Anika Rui'.split(
    ' ',
  );
const LAST =
  'Brennan Velde Okafor Marsh Hartwell Iribarne Lathbury Kowal Ruiz Serrat Amari Lund Novak Achebe Moreau Lindqvist Haddad Fischer Duarte Kaur Mensah Rossi Varga Keller Sato Nilsen Abara Petrov Costa Weber Ibsen Dalton Farah Grant Holm Ito Jansen Kimura Larsen Mbeki'.split(
    ' ',
  );
const PLACES =
  'Eastmere Northfield Valdora Kestleford Harland Brackwater Sellby Orrin Dunmore Ashby Carrow Fenwick Galloway Hollin Islay Jarrow Kirkby Langley Morden Netley Oakham Penrith Quarry Redlake Stanton Thorne Upton Varley Westby Yarrow'.split(
    ' ',
  );
const BODIES = [
  'Council',
  'Water Board',
  'Health Trust',
  'Transport Authority',
  'Housing Association',
  'Chamber of Commerce',
  'Port Authority',
  'Police Service',
  'Fire Service',
  'Education Board',
];
const TITLES = [
  'Chief Executive',
  'Mayor',
  'Council Leader',
  'General Secretary',
  'Chief Statistician',
  'Harbour Master',
  'Judge',
  'Agriculture Minister',
];
const UNITS =
  'homes berths jobs flats beds schools buses trains nurses teachers doctors patients pupils tonnes hectares kilometres miles trees boats houses shops farms wells bridges roads lanes stations parcels meals visitors passengers residents volunteers officers apprentices permits licences complaints claims cases arrests fines inspections vaccines clinics wards'.split(
    ' ',
  );
const VERBS =
  'built approved hired funded opened closed repaired planted delivered recruited inspected cleared treated trained moved housed served rebuilt replaced installed collected issued recorded fined vaccinated rescued restored connected upgraded'.split(
    ' ',
  );
/** Words for quotations: those of the seed articles (a few thousand), so quotations share words as real ones do. */
const WORDS = [
  ...new Set(
    fs
      .readdirSync(path.join(ROOT, 'seeds'))
      .filter((name) => name.endsWith('.txt'))
      .flatMap(
        (name) =>
          fs
            .readFileSync(path.join(ROOT, 'seeds', name), 'utf8')
            .toLowerCase()
            .match(/[a-z]{3,}/g) ?? [],
      ),
  ),
];

/** A small deterministic generator (mulberry32), so every run writes the same documents. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The i-th synthetic source document, about `bytes` long. */
export function syntheticSource(i: number, bytes = 5_000): string {
  const random = generator(i * 7919 + 17);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const place = pick(PLACES);
  const body = `${place} ${pick(BODIES)}`;
  const people = Array.from({ length: 3 }, () => ({ title: pick(TITLES), name: `${pick(FIRST)} ${pick(LAST)}` }));
  const qualifier = (): string => pick(['', '', '', 'about ', 'up to ', 'nearly ', 'more than ']);
  const year = 2020 + Math.floor(random() * 8);
  const lines = [
    `Title: ${body} sets out its plans for ${year}`,
    `Outlet: ${body}`,
    `Date: ${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
    '',
  ];
  let text = lines.join('\n');
  let n = 0;
  while (text.length < bytes) {
    const kind = n++ % 4;
    if (kind === 0 || kind === 2) {
      const amount = (1 + Math.floor(random() * 9999)).toLocaleString('en-US');
      text += `${body} ${pick(VERBS)} ${qualifier()}${amount} ${pick(UNITS)} in ${pick(PLACES)} in ${year}. `;
    } else if (kind === 1) {
      const person = pick(people);
      const words = Array.from({ length: 10 + Math.floor(random() * 8) }, () => pick(WORDS)).join(' ');
      text += `\u201C${words[0].toUpperCase()}${words.slice(1)},\u201D said ${person.title} ${person.name}.\n\n`;
    } else {
      text += `The ${pick(UNITS)} of ${pick(PLACES)} would be ${pick(VERBS)} before the end of the year, the ${pick(BODIES).toLowerCase()} said.\n\n`;
    }
  }
  return text;
}
