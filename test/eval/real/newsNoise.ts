/**
 * How often `attribution.missing` fires on published news: whole PolNeAR articles linted as plain text with
 * the default settings, findings per 1,000 words and by claim kind, and an evenly spaced sample of findings
 * to judge by hand (would a desk editor ask "who says so?" there?).
 */
import type { Knowledge } from '../../../server/src/engine/knowledge/knowledge';
import { lint } from '../../helpers/knowledge';
import type { GoldArticle } from './polnear';

export interface NewsNoiseReport {
  articles: number;
  words: number;
  findings: number;
  byKind: Record<string, number>;
  /** Every `step`-th finding: article, kind, flagged words and the sentence around them. */
  sample: string[];
}

/** The line of `text` holding `offset` (PolNeAR articles keep one paragraph per line). */
function lineAround(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset) + 1;
  const end = text.indexOf('\n', offset);
  return text
    .slice(start, end < 0 ? text.length : end)
    .replace(/\s+/g, ' ')
    .trim();
}

export function newsNoiseReport(articles: readonly GoldArticle[], knowledge: Knowledge, sampleSize: number): NewsNoiseReport {
  const report: NewsNoiseReport = { articles: articles.length, words: 0, findings: 0, byKind: {}, sample: [] };
  const all: string[] = [];
  for (const article of articles) {
    report.words += article.text.match(/\S+/g)?.length ?? 0;
    for (const f of lint(article.text, { format: 'plaintext', knowledge }).findings) {
      if (f.rule !== 'attribution.missing') continue;
      report.findings++;
      report.byKind[f.kind ?? '(none)'] = (report.byKind[f.kind ?? '(none)'] ?? 0) + 1;
      all.push(
        `${article.name} [${f.kind}] «${article.text.slice(f.start, f.end).slice(0, 60)}» in: ${lineAround(article.text, f.start).slice(0, 240)}`,
      );
    }
  }
  const step = sampleSize > 0 ? Math.max(1, Math.floor(all.length / sampleSize)) : 0;
  if (step > 0) for (let i = 0; i < all.length && report.sample.length < sampleSize; i += step) report.sample.push(all[i]);
  return report;
}

export function printNewsNoiseReport(label: string, report: NewsNoiseReport): void {
  const per1000 = (report.findings * 1000) / Math.max(1, report.words);
  console.log(`\n${label}: ${report.articles} articles, ${report.words} words`);
  console.log(`attribution.missing: ${report.findings} findings, ${per1000.toFixed(2)} per 1,000 words (target ≤ 3)`);
  console.log(
    'by claim kind: ' +
      Object.entries(report.byKind)
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${k} ${n}`)
        .join(', '),
  );
  for (const line of report.sample) console.log('  sample: ' + line);
}
