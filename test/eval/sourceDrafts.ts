/**
 * Drafts checked against source documents, scored against an answer key (`key.yaml` beside the drafts):
 * an error is caught when a fact finding covers its words and names the right document; any other fact
 * finding is a false alarm. Three sets: examples/ (the dev set the extraction was built on),
 * test/eval/sources-dev2/ (a second dev set, written by a helper from a brief, read for tuning) and
 * test/eval/sources-holdout/ (written blind by a helper who never saw the code; only its counts are printed,
 * so it stays a holdout).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import type { Finding } from '../../server/src/engine/types';
import { lint, ROOT, withSources } from '../helpers/knowledge';

interface AnswerKey {
  errors: { draft: string; kind: string; draftWords: string; sourceFile: string; sentence: string }[];
  correct?: { draft: string; sentence: string }[];
}

/** One set: where its sources, drafts and key are. */
export interface SourceDraftSet {
  name: string;
  sources: string;
  drafts: string;
  key: string;
  /** Print what was missed and what was flagged wrongly (dev sets only). */
  showFailures: boolean;
}

export const SOURCE_DRAFT_SETS: readonly SourceDraftSet[] = [
  {
    name: 'examples (dev)',
    sources: path.join(ROOT, 'examples', 'sources'),
    drafts: path.join(ROOT, 'examples'),
    key: path.join(ROOT, 'examples', 'sources-errors.yaml'),
    showFailures: true,
  },
  {
    name: 'sources-dev2 (dev)',
    sources: path.join(__dirname, 'sources-dev2', 'sources'),
    drafts: path.join(__dirname, 'sources-dev2', 'drafts'),
    key: path.join(__dirname, 'sources-dev2', 'key.yaml'),
    showFailures: true,
  },
  {
    name: 'sources-holdout (blind)',
    sources: path.join(__dirname, 'sources-holdout', 'sources'),
    drafts: path.join(__dirname, 'sources-holdout', 'drafts'),
    key: path.join(__dirname, 'sources-holdout', 'key.yaml'),
    showFailures: false,
  },
];

export interface SourceDraftScore {
  name: string;
  errors: number;
  caught: number;
  /** Caught, but the hover names another document. */
  wrongSource: number;
  falseAlarms: number;
  /** Correct restatements in the key that got a fact finding. */
  correctFlagged: number;
  correct: number;
  byKind: Record<string, { errors: number; caught: number }>;
  failures: string[];
}

/** Scores one set. */
export function scoreSourceDrafts(set: SourceDraftSet): SourceDraftScore {
  const key = parse(fs.readFileSync(set.key, 'utf8')) as AnswerKey;
  const knowledge = withSources(
    fs
      .readdirSync(set.sources)
      .map((name) => ({ file: path.join(set.sources, name), text: fs.readFileSync(path.join(set.sources, name), 'utf8') })),
  );
  const score: SourceDraftScore = {
    name: set.name,
    errors: key.errors.length,
    caught: 0,
    wrongSource: 0,
    falseAlarms: 0,
    correctFlagged: 0,
    correct: key.correct?.length ?? 0,
    byKind: {},
    failures: [],
  };
  for (const draft of new Set([...key.errors.map((e) => e.draft), ...(key.correct ?? []).map((c) => c.draft)])) {
    const text = fs.readFileSync(path.join(set.drafts, draft), 'utf8');
    const findings = lint(text, { knowledge }).findings.filter((f) => f.rule.startsWith('fact.'));
    const explained = new Set<Finding>();
    for (const error of key.errors.filter((e) => e.draft === draft)) {
      const kind = (score.byKind[error.kind] ??= { errors: 0, caught: 0 });
      kind.errors++;
      const at = text.indexOf(error.sentence) + error.sentence.indexOf(error.draftWords);
      const found = findings.find((f) => f.start < at + error.draftWords.length && f.end > at);
      if (!found) {
        score.failures.push(`missed ${error.kind} "${error.draftWords}" in ${draft}`);
        continue;
      }
      explained.add(found);
      score.caught++;
      kind.caught++;
      if (found.detail.sources?.[0]?.file !== path.join(set.sources, error.sourceFile)) score.wrongSource++;
    }
    for (const finding of findings) {
      if (explained.has(finding)) continue;
      score.falseAlarms++;
      score.failures.push(
        `false alarm ${finding.rule} "${text.slice(finding.start, finding.end)}" in ${draft}: ${finding.message.slice(0, 100)}`,
      );
    }
    for (const correct of (key.correct ?? []).filter((c) => c.draft === draft)) {
      const at = text.indexOf(correct.sentence);
      if (findings.some((f) => f.start >= at && f.end <= at + correct.sentence.length && !explained.has(f))) score.correctFlagged++;
    }
  }
  return score;
}

const ratio = (n: number, d: number): string => (d === 0 ? 'n/a' : (n / d).toFixed(3));

/** Prints the scores of every set. */
export function printSourceDraftReport(scores: readonly SourceDraftScore[], sets: readonly SourceDraftSet[] = SOURCE_DRAFT_SETS): void {
  console.log(
    '\nDrafts checked against source documents (errors of the answer key caught at their words; other fact findings are false alarms)',
  );
  for (const score of scores) {
    const kinds = Object.entries(score.byKind)
      .map(([kind, k]) => `${kind} ${k.caught}/${k.errors}`)
      .join(', ');
    console.log(
      `  ${score.name.padEnd(24)} recall ${ratio(score.caught, score.errors)} (${score.caught}/${score.errors}: ${kinds}), precision ${ratio(score.caught, score.caught + score.falseAlarms)} ` +
        `(${score.falseAlarms} false alarm(s); ${score.wrongSource} caught against another document; ${score.correctFlagged} of ${score.correct} correct restatements flagged)`,
    );
    if (sets.find((s) => s.name === score.name)?.showFailures) for (const failure of score.failures) console.log(`    ${failure}`);
  }
}
