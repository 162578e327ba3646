/**
 * PolNeAR (Newell, Margolin & Ruths 2018): news articles with every attribution annotated as Source, Cue
 * and Content spans in brat standoff. Read from a folder given on the command line (`…/polnear/dev`);
 * never copied into the project.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Span } from '../../../server/src/engine/types';

/** One annotated attribution: its spans, each possibly discontinuous (several fragments). */
export interface GoldAttribution {
  source: Span[];
  cue: Span[];
  content: Span[];
}

export interface GoldArticle {
  name: string;
  text: string;
  attributions: GoldAttribution[];
}

/** True when `folder` looks like a PolNeAR split (`text/` and `attributions/`). */
export function isPolnearSplit(folder: string): boolean {
  return fs.existsSync(path.join(folder, 'text')) && fs.existsSync(path.join(folder, 'attributions'));
}

function fragments(offsets: string): Span[] {
  return offsets.split(';').map((part) => {
    const [start, end] = part.trim().split(/\s+/).map(Number);
    return { start, end };
  });
}

/**
 * Reads a split. Articles annotated by several annotators keep the first annotation file (by name), so each
 * article counts once.
 */
export function readPolnearSplit(folder: string): GoldArticle[] {
  const annotationDir = path.join(folder, 'attributions');
  const byArticle = new Map<string, string>();
  for (const file of fs.readdirSync(annotationDir).sort()) {
    const article = file.replace(/_[0-9a-f]{4}\.ann$/, '');
    if (!byArticle.has(article)) byArticle.set(article, file);
  }
  const articles: GoldArticle[] = [];
  for (const [name, file] of byArticle) {
    const textFile = path.join(folder, 'text', name + '.txt');
    if (!fs.existsSync(textFile)) continue;
    const text = fs.readFileSync(textFile, 'utf8');
    const spans = new Map<string, { type: string; spans: Span[] }>();
    const lines = fs.readFileSync(path.join(annotationDir, file), 'utf8').split('\n');
    for (const line of lines) {
      const m = /^(T\d+)\t(\S+) ([\d ;]+)\t/.exec(line);
      if (m) spans.set(m[1], { type: m[2], spans: fragments(m[3]) });
    }
    const attributions: GoldAttribution[] = [];
    for (const line of lines) {
      if (!line.startsWith('E')) continue;
      const roles = line.split('\t')[1]?.split(' ') ?? [];
      const attribution: GoldAttribution = { source: [], cue: [], content: [] };
      for (const role of roles) {
        const [kind, id] = role.split(':');
        const target = spans.get(id);
        if (!target) continue;
        if (kind === 'Source') attribution.source.push(...target.spans);
        else if (kind === 'Cue') attribution.cue.push(...target.spans);
        else if (kind === 'Content') attribution.content.push(...target.spans);
      }
      if (attribution.cue.length > 0) attributions.push(attribution);
    }
    articles.push({ name, text, attributions });
  }
  return articles;
}
