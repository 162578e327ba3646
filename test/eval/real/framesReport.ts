/**
 * The frames report over a PolNeAR split: how well the sentence analysis finds attribution frames (source,
 * cue and content, by token overlap) and how often a sentence that names its source and cue is still flagged
 * `attribution.missing`.
 */
import type { Span } from '../../../server/src/engine/types';
import { analyseChunk, splitChunks } from '../../../server/src/engine/document';
import type { Knowledge } from '../../../server/src/engine/knowledge/knowledge';
import { lint } from '../../helpers/knowledge';
import type { GoldArticle } from './polnear';
import type { PrecisionRecall } from './spanScore';
import { addScore, emptyScore, overlapScore, precision, recall, tokenScore, wordSpans } from './spanScore';

/** A frame as the report compares it: spans only. */
export interface PredictedFrame {
  source?: Span;
  cue: Span;
  content?: Span;
}

/** What the report needs from the engine for one article. */
export interface ArticleReading {
  frames: PredictedFrame[];
  sentences: Span[];
}

export type ReadArticle = (text: string, knowledge: Knowledge) => ArticleReading;

const shift = (span: Span | undefined, by: number): Span | undefined => (span ? { start: span.start + by, end: span.end + by } : undefined);

/**
 * The engine's reading of a plain-text article: every frame the sentence analysis finds (carried-over
 * frames add only their content, since their source and cue are an earlier sentence's) and its sentences.
 */
export function readArticle(text: string, knowledge: Knowledge): ArticleReading {
  const reading: ArticleReading = { frames: [], sentences: [] };
  for (const chunk of splitChunks(text, 'plaintext')) {
    const analysed = analyseChunk(text.slice(chunk.start, chunk.end), 'plaintext', knowledge);
    for (const block of analysed.blocks) {
      for (const sentence of block.sentences) {
        reading.sentences.push({ start: sentence.start + chunk.start, end: sentence.end + chunk.start });
        for (const frame of sentence.frames) {
          const content = shift(frame.content, chunk.start);
          if (frame.carriedFrom) {
            if (content) reading.frames.push({ cue: { start: content.start, end: content.start }, content });
            continue;
          }
          const source = shift(frame.source, chunk.start);
          reading.frames.push({
            cue: shift(frame.cue, chunk.start) as Span,
            ...(source ? { source } : {}),
            ...(content ? { content } : {}),
          });
        }
      }
    }
  }
  return reading;
}

type Role = 'source' | 'cue' | 'content';
const ROLES: Role[] = ['source', 'cue', 'content'];

export interface FramesReport {
  articles: number;
  attributions: number;
  spans: Record<Role, PrecisionRecall>;
  tokens: Record<Role, PrecisionRecall>;
  attributedSentences: number;
  flaggedAttributedSentences: number;
  /** Up to 40 attributed sentences flagged `attribution.missing`, for reading. */
  flaggedExamples: string[];
}

const within = (outer: Span, inner: readonly Span[]): boolean =>
  inner.length > 0 && inner.every((s) => s.start >= outer.start && s.end <= outer.end);

export function framesReport(articles: readonly GoldArticle[], read: ReadArticle, knowledge: Knowledge): FramesReport {
  const spans = { source: emptyScore(), cue: emptyScore(), content: emptyScore() };
  const tokens = { source: emptyScore(), cue: emptyScore(), content: emptyScore() };
  let attributions = 0;
  let attributedSentences = 0;
  let flaggedAttributedSentences = 0;
  const flaggedExamples: string[] = [];
  for (const article of articles) {
    const reading = read(article.text, knowledge);
    const words = wordSpans(article.text);
    attributions += article.attributions.length;
    for (const role of ROLES) {
      const gold = article.attributions.map((a) => a[role]).filter((s) => s.length > 0);
      const predicted = reading.frames.flatMap((f) => {
        const span = f[role];
        return span && span.end > span.start ? [[span]] : [];
      });
      addScore(spans[role], overlapScore(article.text, dedupe(gold), dedupe(predicted)));
      addScore(tokens[role], tokenScore(words, gold, predicted));
    }
    const missing = lint(article.text, { format: 'plaintext', knowledge }).findings.filter((f) => f.rule === 'attribution.missing');
    for (const sentence of reading.sentences) {
      const attributed = article.attributions.some((a) => within(sentence, a.source) && within(sentence, a.cue));
      if (!attributed) continue;
      attributedSentences++;
      const flag = missing.find((f) => f.start >= sentence.start && f.start < sentence.end);
      if (!flag) continue;
      flaggedAttributedSentences++;
      if (flaggedExamples.length < 40) {
        const said = article.text.slice(sentence.start, sentence.end).replace(/\s+/g, ' ');
        flaggedExamples.push(`${article.name}: [${article.text.slice(flag.start, flag.end)}] ${said.slice(0, 240)}`);
      }
    }
  }
  return { articles: articles.length, attributions, spans, tokens, attributedSentences, flaggedAttributedSentences, flaggedExamples };
}

function dedupe(items: Span[][]): Span[][] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = item.map((s) => `${s.start}-${s.end}`).join(',');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const fmt = (x: number): string => x.toFixed(3);

export function printFramesReport(label: string, report: FramesReport): void {
  console.log(`\n${label}: ${report.articles} articles, ${report.attributions} attributions`);
  console.log('role      span P  span R   token P  token R');
  for (const role of ROLES) {
    const s = report.spans[role];
    const t = report.tokens[role];
    console.log(`${role.padEnd(8)}  ${fmt(precision(s))}   ${fmt(recall(s))}    ${fmt(precision(t))}    ${fmt(recall(t))}`);
  }
  const rate = report.attributedSentences === 0 ? 0 : report.flaggedAttributedSentences / report.attributedSentences;
  console.log(
    `attributed sentences flagged attribution.missing: ${report.flaggedAttributedSentences} of ${report.attributedSentences} (${(100 * rate).toFixed(1)} %)`,
  );
}
