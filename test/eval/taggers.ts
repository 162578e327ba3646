/**
 * `npm run eval:taggers -- <PolNeAR split folder> [--json] [--rounds=N]`: measures the engine's part-of-speech
 * tagger, wink-nlp with wink-eng-lite-web-model, against the alternative, compromise, on published news, so
 * that the choice rests on figures. The folder holds `text/<name>.txt` and `attributions/<name>_<hex>.ann`
 * (brat standoff; the first .ann of an article by file name is used). It is read at run time only, and the
 * script prints aggregate figures, never article text.
 *
 * Cost: loading the tagger (ms, its modules re-read), tagging every article into tokens with character
 * offsets, part of speech and sentences (seconds per MB of UTF-8 text, after a warm-up pass), and the heap
 * and RSS still held after loading and tagging (MB, after GC). Each round loads both taggers afresh in this
 * process, in alternating order; the medians over the rounds are reported.
 *
 * Accuracy: there is no gold part of speech, so three proxies read what the attribution annotation implies:
 * - cue-verb: single-word Cue spans shaped like a finite reporting verb (ending in "ed" or "s", or an
 *   irregular past such as "said") that the tagger tags as a verb (wink: VERB or AUX; compromise: Verb);
 * - source-head: Source spans whose last word is tagged as a noun, proper noun or pronoun;
 * - sentence agreement: attributions whose Source and Cue lie on one line of text that the tagger keeps
 *   within one sentence.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** A tagger's reading of one text; offsets are UTF-16 offsets into it. */
interface Tagged {
  tokens: { start: number; end: number; verb: boolean; nominal: boolean }[];
  /** Offset of the first token of each sentence, ascending. */
  sentenceStarts: number[];
  /** Tokens whose place in the text could not be found. */
  lost: number;
}

interface Tagger {
  name: string;
  /** Loads the tagger afresh and returns its tagging function. */
  load(): (text: string) => Tagged;
}

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * Requires `ids` afresh: the modules of `packages` are re-read, and dropped from the module cache again, so
 * that the caller holds the only copy and the memory it keeps can be measured.
 */
function requireFresh(packages: string[], ...ids: string[]): unknown[] {
  const req = createRequire(path.join(ROOT, 'package.json'));
  const dirs = packages.map((name) => path.join(ROOT, 'node_modules', name) + path.sep);
  const purge = () => {
    for (const file of Object.keys(req.cache)) if (dirs.some((dir) => file.startsWith(dir))) delete req.cache[file];
  };
  purge();
  const modules = ids.map((id) => req(id));
  purge();
  return modules;
}

/** The part of wink-nlp's API read here (its typings describe `out` loosely). */
interface WinkNlp {
  its: { pos: unknown; precedingSpaces: unknown; span: unknown };
  readDoc(text: string): { tokens(): { out(as?: unknown): unknown[] }; sentences(): { out(as: unknown): unknown[] } };
}

const WINK_NOMINAL = new Set(['NOUN', 'PROPN', 'PRON']);

const wink: Tagger = {
  name: 'wink-nlp',
  load() {
    const [winkNLP, model] = requireFresh(['wink-nlp', 'wink-eng-lite-web-model'], 'wink-nlp', 'wink-eng-lite-web-model');
    const nlp = (winkNLP as (model: unknown, pipe: string[]) => WinkNlp)(model, ['sbd', 'pos']);
    return (text) => {
      const doc = nlp.readDoc(text);
      const values = doc.tokens().out() as string[];
      const spaces = doc.tokens().out(nlp.its.precedingSpaces) as string[];
      const tags = doc.tokens().out(nlp.its.pos) as string[];
      // wink-nlp gives no offsets: follow its tokens through the text, resyncing over short gaps
      const starts = new Array<number>(values.length).fill(-1);
      const tokens: Tagged['tokens'] = [];
      let cursor = 0;
      let lost = 0;
      for (let k = 0; k < values.length; k++) {
        cursor += spaces[k].length;
        const at = text.startsWith(values[k], cursor) ? cursor : text.indexOf(values[k], cursor);
        if (at < 0 || at - cursor > 50) {
          lost++;
          continue;
        }
        cursor = at + values[k].length;
        if (tags[k] === 'SPACE') continue;
        starts[k] = at;
        tokens.push({ start: at, end: cursor, verb: tags[k] === 'VERB' || tags[k] === 'AUX', nominal: WINK_NOMINAL.has(tags[k]) });
      }
      const sentenceStarts: number[] = [];
      for (const [first, last] of doc.sentences().out(nlp.its.span) as [number, number][]) {
        for (let k = first; k <= last; k++)
          if (starts[k] >= 0) {
            sentenceStarts.push(starts[k]);
            break;
          }
      }
      return { tokens, sentenceStarts, lost };
    };
  },
};

interface CompromiseSentence {
  terms: { text: string; tags: string[]; offset: { start: number; length: number } }[];
}

const compromise: Tagger = {
  name: 'compromise',
  load() {
    const [nlp] = requireFresh(['compromise'], 'compromise') as [(text: string) => { json(options: object): CompromiseSentence[] }];
    return (text) => {
      const tokens: Tagged['tokens'] = [];
      const sentenceStarts: number[] = [];
      let lost = 0;
      for (const sentence of nlp(text).json({ offset: true, terms: { offset: true } })) {
        if (sentence.terms.length > 0) sentenceStarts.push(sentence.terms[0].offset.start);
        for (const { text: value, tags, offset } of sentence.terms) {
          if (!text.startsWith(value, offset.start)) lost++;
          tokens.push({
            start: offset.start,
            end: offset.start + offset.length,
            verb: tags.includes('Verb'),
            nominal: tags.includes('Noun'),
          });
        }
      }
      return { tokens, sentenceStarts, lost };
    };
  },
};

interface Span {
  type: string;
  frags: [number, number][];
  text: string;
}
interface Article {
  text: string;
  spans: Map<string, Span>;
  events: Map<string, string>[];
}

function readSplit(dir: string): Article[] {
  const anns = fs
    .readdirSync(path.join(dir, 'attributions'))
    .filter((f) => f.endsWith('.ann'))
    .sort();
  const names = fs
    .readdirSync(path.join(dir, 'text'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => f.slice(0, -4));
  return names.map((name) => {
    const article: Article = { text: fs.readFileSync(path.join(dir, 'text', name + '.txt'), 'utf8'), spans: new Map(), events: [] };
    const ann = anns.find((f) => f.startsWith(name) && /^_[0-9a-f]{4}\.ann$/.test(f.slice(name.length)));
    if (!ann) return article;
    // a span's text may run over several lines: only lines that start with an id are read
    for (const line of fs.readFileSync(path.join(dir, 'attributions', ann), 'utf8').split(/\r?\n/)) {
      const [id, body, text] = line.split('\t');
      if (/^T\d+$/.test(id) && body) {
        const [type, ...rest] = body.split(' ');
        const frags = rest
          .join(' ')
          .split(';')
          .map((f) => f.split(' ').map(Number) as [number, number]);
        article.spans.set(id, { type, frags, text: text ?? '' });
      } else if (/^E\d+$/.test(id) && body) {
        article.events.push(new Map(body.split(' ').map((pair) => pair.split(':') as [string, string])));
      }
    }
    return article;
  });
}

interface Count {
  hit: number;
  n: number;
}
interface Counts {
  cueVerb: Count;
  sourceHead: Count;
  sentence: Count;
}
const IRREGULAR = new Set(['said', 'told', 'wrote', 'thought', 'spoke', 'found', 'knew', 'saw']);

/** The tagger's tokens that overlap [start, end). */
const overlapping = (tagged: Tagged, start: number, end: number) => tagged.tokens.filter((t) => t.end > start && t.start < end);

function score(article: Article, tagged: Tagged, counts: Counts): void {
  const { text, spans } = article;
  for (const span of spans.values()) {
    const [start, end] = span.frags[span.frags.length - 1];
    if (span.frags.length === 1 && text.slice(start, end) !== span.text) continue; // offsets off: not scored
    const word = span.text.toLowerCase();
    if (span.type === 'Cue' && span.frags.length === 1 && /^[a-z]+$/.test(word) && (/(ed|s)$/.test(word) || IRREGULAR.has(word))) {
      counts.cueVerb.n++;
      if (overlapping(tagged, start, end)[0]?.verb) counts.cueVerb.hit++;
    } else if (span.type === 'Source') {
      // a word is a token with a letter or digit, but not a possessive ending a tagger split off ("Clinton 's")
      const words = overlapping(tagged, start, end).filter((t) => /^(?!['’]s$)[^]*[\p{L}\p{N}]/iu.test(text.slice(t.start, t.end)));
      counts.sourceHead.n++;
      if (words[words.length - 1]?.nominal) counts.sourceHead.hit++;
    }
  }
  for (const roles of article.events) {
    const source = spans.get(roles.get('Source') ?? '');
    const cue = spans.get(roles.get('Cue') ?? '');
    if (!source || !cue) continue;
    const frags = [...source.frags, ...cue.frags];
    const from = Math.min(...frags.map((f) => f[0]));
    const to = Math.max(...frags.map((f) => f[1]));
    if (text.slice(from, to).includes('\n')) continue;
    counts.sentence.n++;
    if (!tagged.sentenceStarts.some((s) => s > from && s < to)) counts.sentence.hit++;
  }
}

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const MB = 2 ** 20;
/** Keeps the tagger being measured alive until its memory is read. */
const retained: unknown[] = [];

interface Run {
  loadMs: number;
  sPerMB: number;
  heapMB: number;
  rssMB: number;
  counts: Counts;
  lost: number;
}

function measure(tagger: Tagger, articles: Article[], textMB: number): Run {
  retained.length = 0;
  gc();
  const before = process.memoryUsage();
  let t = performance.now();
  const tag = tagger.load();
  const loadMs = performance.now() - t;
  const counts: Counts = { cueVerb: { hit: 0, n: 0 }, sourceHead: { hit: 0, n: 0 }, sentence: { hit: 0, n: 0 } };
  let lost = 0;
  for (const article of articles) {
    // warm-up pass, scored
    const tagged = tag(article.text);
    lost += tagged.lost;
    score(article, tagged, counts);
  }
  t = performance.now();
  for (const article of articles) tag(article.text);
  const sPerMB = (performance.now() - t) / 1000 / textMB;
  retained.push(tag);
  gc();
  const after = process.memoryUsage();
  return { loadMs, sPerMB, heapMB: (after.heapUsed - before.heapUsed) / MB, rssMB: (after.rss - before.rss) / MB, counts, lost };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const pct = (c: Count) => (c.n ? (100 * c.hit) / c.n : NaN);

function main(): void {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--'));
  if (!dir) throw new Error('usage: npm run eval:taggers -- <polnear split folder> [--json] [--rounds=N]');
  const rounds = Number(args.find((a) => a.startsWith('--rounds='))?.slice(9) ?? 3);
  const articles = readSplit(dir);
  const textMB = articles.reduce((sum, a) => sum + Buffer.byteLength(a.text), 0) / MB;
  const taggers = [wink, compromise];
  const runs = new Map<Tagger, Run[]>(taggers.map((t) => [t, []]));
  for (let r = 0; r < rounds; r++) {
    for (const tagger of r % 2 ? [...taggers].reverse() : taggers) runs.get(tagger)!.push(measure(tagger, articles, textMB));
  }
  const results = taggers.map((tagger) => {
    const own = runs.get(tagger)!;
    const { counts, lost } = own[0];
    if (own.some((run) => JSON.stringify(run.counts) !== JSON.stringify(counts)))
      console.error(`${tagger.name}: accuracy differs between rounds`);
    const med = (key: 'loadMs' | 'sPerMB' | 'heapMB' | 'rssMB') => median(own.map((run) => run[key]));
    return {
      tagger: tagger.name,
      loadMs: med('loadMs'),
      sPerMB: med('sPerMB'),
      heapMB: med('heapMB'),
      rssMB: med('rssMB'),
      cueVerb: { ...counts.cueVerb, pct: pct(counts.cueVerb) },
      sourceHead: { ...counts.sourceHead, pct: pct(counts.sourceHead) },
      sentence: { ...counts.sentence, pct: pct(counts.sentence) },
      lostTokens: lost,
    };
  });
  if (args.includes('--json')) {
    console.log(JSON.stringify({ split: path.basename(path.resolve(dir)), articles: articles.length, textMB, rounds, results }, null, 2));
    return;
  }
  const cell = (c: { pct: number; n: number }) => `${c.pct.toFixed(1)} (${c.n})`;
  console.log(`${path.basename(path.resolve(dir))}: ${articles.length} articles, ${textMB.toFixed(2)} MB, median of ${rounds} rounds\n`);
  console.log('| tagger | load ms | s/MB | heap MB | RSS MB | cue-verb % (n) | source-head % (n) | sentence agreement % (n) |');
  console.log('|---|--:|--:|--:|--:|--:|--:|--:|');
  for (const r of results) {
    console.log(
      `| ${r.tagger} | ${r.loadMs.toFixed(0)} | ${r.sPerMB.toFixed(2)} | ${r.heapMB.toFixed(1)} | ${r.rssMB.toFixed(1)} | ${cell(r.cueVerb)} | ${cell(r.sourceHead)} | ${cell(r.sentence)} |`,
    );
  }
  const lost = results.filter((r) => r.lostTokens > 0).map((r) => `${r.tagger} ${r.lostTokens}`);
  if (lost.length) console.log(`\nTokens not found in the text: ${lost.join(', ')}`);
}

main();
