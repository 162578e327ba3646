/**
 * Robustness of the engine and its data loading: broken or enormous user data gives positioned,
 * plain-language problems while the built-in data keeps working; hostile drafts (huge, empty, odd,
 * binary) are handled; no regular expression is ever built from data.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseConfigFile } from '../../server/src/engine/config';
import type { DataProblem } from '../../server/src/engine/types';
import { MAX_DATA_FILE_BYTES } from '../../server/src/engine/knowledge/dataFile';
import type { Knowledge } from '../../server/src/engine/knowledge/knowledge';
import { buildKnowledge } from '../../server/src/engine/knowledge/knowledge';
import type { LintOutcome } from '../../server/src/engine/lint';
import { MAX_LINT_LENGTH } from '../../server/src/engine/lint';
import { ConfigResolver } from '../../server/src/workspace/configResolver';
import { readBuiltInFiles, readDataFile } from '../../server/src/workspace/dataFiles';
import { decodeDraft, MAX_DRAFT_BYTES, readDraft } from '../../server/src/workspace/draftFiles';
import { KnowledgeStore } from '../../server/src/workspace/knowledgeStore';
import { PhraseMatcher } from '../../server/src/engine/text/phrases';
import { tokenize } from '../../server/src/engine/text/tokens';
import { builtInKnowledge, lint, ROOT, withUserLexicon } from '../helpers/knowledge';

const SEEDS = path.join(ROOT, 'seeds');
const SEED_000 = '000_f7105e6547317780.txt';
/** A passage that occurs verbatim in SEED_000. */
const SEED_PASSAGE = 'Russia has deemed the Iranian military presence in Syria \u201Clegitimate\u201D';
const MB = 1024 * 1024;

// ---------------------------------------------------------------------------------------------------------
// Helpers

const builtInFiles = readBuiltInFiles(SEEDS);
const baseline = builtInKnowledge();

function withUserFacts(text: string, file = '/team/user.facts.yaml'): Knowledge {
  return buildKnowledge({ ...builtInFiles, factFiles: [...builtInFiles.factFiles, { file, text }] });
}

/** The built-in lexicon and fact base still load whole and still flag what they flag on their own. */
function assertBuiltInStillWorks(knowledge: Knowledge): void {
  for (const id of baseline.lexicon.entries.keys()) assert.ok(knowledge.lexicon.entries.has(id), `built-in lexicon entry ${id} lost`);
  for (const id of baseline.facts.facts.keys()) assert.ok(knowledge.facts.facts.has(id), `built-in fact ${id} lost`);
  const text = 'Putin congratulated the Syrian dictator.\n\nIran has deployed 200,000 Shiite fighters to Iraq and Syria.';
  const rules = lint(text, { knowledge }).findings.map((f) => `${f.rule}:${text.slice(f.start, f.end)}`);
  assert.ok(rules.includes('loaded.term:dictator'), rules.join(', '));
  assert.ok(rules.includes('fact.contradiction:200,000'), rules.join(', '));
}

/** 1-based line and UTF-16 column of `offset`, counting LF, CRLF and CR as line breaks. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * A problem is usable by a person: it names the file, has a line and column that agree with its offsets,
 * and says what is wrong in one short line of plain language (no stack traces, no echo of huge values).
 */
function assertPlainAndPositioned(problem: DataProblem, file: string, text: string): void {
  const shown = `${problem.file}:${problem.line}:${problem.column}: ${problem.message.slice(0, 300)}`;
  assert.equal(problem.file, file, shown);
  assert.ok(Number.isInteger(problem.line) && problem.line >= 1, shown);
  assert.ok(Number.isInteger(problem.column) && problem.column >= 1, shown);
  // (The end may run one past the text for a syntax error at the end of the file: see the test below.)
  assert.ok(
    problem.start >= 0 && problem.start <= problem.end && problem.start <= text.length,
    `span [${problem.start},${problem.end}) of ${shown}`,
  );
  assert.deepEqual(
    lineColumn(text, problem.start),
    { line: problem.line, column: problem.column },
    `line/column disagree with the offset: ${shown}`,
  );
  assert.ok(problem.message.length > 5 && problem.message.length < 300, `message length ${problem.message.length}: ${shown}`);
  assert.ok(!/\n|\bat [\w.<>]+ \(|\[object |\bundefined\b|\bnull\b|\bNaN\b/.test(problem.message), `not plain language: ${shown}`);
  assert.ok(problem.severity === 'error' || problem.severity === 'warning', shown);
}

interface BrokenCase {
  what: string;
  text: string;
  /** What the message must say. */
  says: RegExp;
  /** The text the problem must point at (its span starts with it), when the problem is about a node. */
  at?: string;
  line?: number;
}

/** Runs broken cases against a loader and checks each expected problem is there, positioned and plain. */
function checkBrokenCases(
  cases: BrokenCase[],
  load: (text: string) => { problems: DataProblem[]; after?: () => void },
  file: string,
): void {
  for (const c of cases) {
    const { problems, after } = load(c.text);
    const mine = problems.filter((p) => p.file === file);
    const listing = mine.map((p) => `${p.line}:${p.column} ${p.message.slice(0, 200)}`).join('\n');
    assert.ok(mine.length > 0, `${c.what}: no problem reported`);
    for (const p of mine) assertPlainAndPositioned(p, file, c.text);
    const match = mine.find((p) => c.says.test(p.message));
    assert.ok(match, `${c.what}: expected a message like ${c.says}, got:\n${listing}`);
    if (c.at !== undefined)
      assert.ok(
        c.text.startsWith(c.at, match.start),
        `${c.what}: points at ${JSON.stringify(c.text.slice(match.start, match.start + 30))}, not ${JSON.stringify(c.at)}`,
      );
    if (c.line !== undefined) assert.equal(match.line, c.line, `${c.what}: line`);
    after?.();
  }
}

// ---------------------------------------------------------------------------------------------------------
// Data

const lexiconEntry = (id: string, extra = ''): string =>
  `  - id: ${id}\n    term: zorblatt ${id}\n    category: editorialising\n    why: Because it is.\n    alternatives: [plain]\n    examples:\n      flagged: [The zorblatt ${id} spread.]\n      neutral: [Nothing here.]\n${extra}`;

const factEntry = (id: string, extra = ''): string =>
  `  - id: ${id}\n    statement: Team fact ${id}.\n    source: {seed: ${SEED_000}, passage: "${SEED_PASSAGE}", attribution: the desk}\n${extra}`;

describe('broken user lexicons', function () {
  this.timeout(120000);
  const FILE = '/team/user.lexicon.yaml';
  const load = (text: string) => {
    const knowledge = withUserLexicon(text, FILE);
    return { problems: knowledge.problems, after: () => assertBuiltInStillWorks(knowledge) };
  };

  it('reports malformed YAML, wrong types, unknown keys and duplicate ids where they are, in plain words', () => {
    checkBrokenCases(
      [
        { what: 'tab indentation', text: 'entries:\n\t- id: x\n', says: /^YAML syntax: .*tab/i, line: 2 },
        { what: 'unterminated quote', text: 'entries:\n  - id: x\n    why: "never closed\n', says: /^YAML syntax: .*quote/i },
        {
          what: 'duplicate key',
          text: 'entries:\n' + lexiconEntry('team-a', '    why: Twice.\n'),
          says: /^YAML syntax: .*unique/i,
          line: 10,
        },
        { what: 'not a mapping', text: '- just\n- a list\n', says: /should be a mapping/, line: 1 },
        { what: 'entries not a list', text: 'entries: nope\n', says: /^entries: should be a list$/, at: 'nope' },
        {
          what: 'id of the wrong type',
          text: 'entries:\n' + lexiconEntry('team-a').replace('id: team-a', 'id: 42'),
          says: /^entries\[0\]\.id: should be a string$/,
          at: '42',
        },
        {
          what: 'alternatives not a list',
          text: 'entries:\n' + lexiconEntry('team-a').replace('[plain]', 'plain'),
          says: /^entries\[0\]\.alternatives: should be a list$/,
          at: 'plain',
          line: 6,
        },
        {
          what: 'unknown category',
          text: 'entries:\n' + lexiconEntry('team-a').replace('editorialising', 'rude'),
          says: /^entries\[0\]\.category: should be one of: .*editorialising/,
          at: 'rude',
        },
        {
          what: 'bad id form',
          text: 'entries:\n' + lexiconEntry('Team A'),
          says: /^entries\[0\]\.id: does not have the expected form/,
          at: 'Team A',
        },
        {
          what: 'missing required key',
          text: 'entries:\n' + lexiconEntry('team-a').replace('    why: Because it is.\n', ''),
          says: /missing required key "why"/,
          line: 2,
        },
        {
          what: 'unknown key',
          text: 'entries:\n' + lexiconEntry('team-a', '    colour: red\n'),
          says: /^entries\[0\]: unknown key "colour"$/,
          at: 'colour',
          line: 10,
        },
        {
          what: 'duplicate id',
          text: 'entries:\n' + lexiconEntry('team-a') + lexiconEntry('team-a'),
          says: /duplicate id "team-a"/,
          at: 'team-a',
          line: 10,
        },
        { what: 'NUL bytes', text: 'entries: []\n\u0000', says: /binary/, line: 1 },
      ],
      load,
      FILE,
    );
  });

  it('keeps the valid entries of a file with some invalid ones', () => {
    const knowledge = withUserLexicon('entries:\n' + lexiconEntry('team-good') + lexiconEntry('team-bad', '    colour: red\n'), FILE);
    assert.ok(knowledge.lexicon.entries.has('team-good'));
    assert.ok(!knowledge.lexicon.entries.has('team-bad'));
    assert.deepEqual(
      lint('The zorblatt team-good spread.', { knowledge }).findings.map((f) => f.rule),
      ['loaded.term'],
    );
    assertBuiltInStillWorks(knowledge);
  });

  it('refuses a 1 MB term or reason with a short message, not an echo of the value', () => {
    checkBrokenCases(
      [
        {
          what: '1 MB reason',
          text: 'entries:\n' + lexiconEntry('team-a').replace('Because it is.', 'x'.repeat(MB)),
          says: /^entries\[0\]\.why: is too long \(at most 1000 characters\)$/,
          line: 5,
        },
        {
          what: '1 MB term',
          text: 'entries:\n' + lexiconEntry('team-a').replace('zorblatt team-a', 'word '.repeat(MB / 5)),
          says: /^entries\[0\]\.term: is too long/,
          line: 3,
        },
        { what: 'file over the size limit', text: 'entries: []\n#' + 'x'.repeat(MAX_DATA_FILE_BYTES), says: /too large to load/, line: 1 },
      ],
      load,
      FILE,
    );
  });

  const compactEntries = (count: number): string =>
    'entries:\n' +
    Array.from(
      { length: count },
      (_, i) =>
        `  - {id: team-${i}, term: zq${i}, category: editorialising, why: w, alternatives: [a], examples: {flagged: [f], neutral: [n]}}\n`,
    ).join('');

  it('loads 3,000 entries (near the token limit) and matches the last one', () => {
    const knowledge = withUserLexicon(compactEntries(3000), FILE);
    assert.deepEqual(
      knowledge.problems.filter((p) => p.file === FILE),
      [],
    );
    assert.equal(knowledge.lexicon.entries.size, baseline.lexicon.entries.size + 3000);
    assert.deepEqual(
      lint('The zq2999 spread.', { knowledge }).findings.map((f) => f.term),
      ['zq2999'],
    );
    assertBuiltInStillWorks(knowledge);
  });

  it('refuses 8,000 entries (past the token limit) with one positioned message; the built-in data keeps working', () => {
    const knowledge = withUserLexicon(compactEntries(8000), FILE);
    const mine = knowledge.problems.filter((p) => p.file === FILE);
    assert.equal(mine.length, 1, JSON.stringify(mine));
    assert.match(mine[0].message, /^file holds too much YAML to load \(more than 250000 tokens\); split it into smaller files$/);
    assert.equal(mine[0].line, 4387);
    assert.equal(knowledge.lexicon.entries.size, baseline.lexicon.entries.size);
    assertBuiltInStillWorks(knowledge);
  });

  it('treats terms as literal words, never as regular expressions', () => {
    const text =
      'entries:\n' +
      lexiconEntry('team-a').replace('zorblatt team-a', '"fake.*news"') +
      lexiconEntry('team-b').replace('zorblatt team-b', '"[a-z]+"') +
      lexiconEntry('team-c').replace('zorblatt team-c', '"(a|b)*c"');
    const knowledge = withUserLexicon(text, FILE);
    const flagged = (s: string): string[] =>
      lint(s, { knowledge })
        .findings.filter((f) => f.rule === 'loaded.term')
        .map((f) => s.slice(f.start, f.end));
    assert.deepEqual(flagged('The fake big news spread about abc and a and b and c.'), []);
    assert.deepEqual(flagged('zebra ccc aaaac'), []);
  });

  it('does not throw on a file whose entries share a YAML anchor, and keeps the built-in data working', () => {
    // A team lexicon where 120 entries reuse one list of alternatives through an alias: ordinary YAML.
    const entry = (i: number): string =>
      `  - id: team-${i}\n    term: zq${i}\n    category: editorialising\n    why: w\n    alternatives: *alts\n    examples: {flagged: [f], neutral: [n]}\n`;
    const text =
      'entries:\n  - id: team-first\n    term: zqfirst\n    category: editorialising\n    why: w\n    alternatives: &alts [plain, simple]\n    examples: {flagged: [f], neutral: [n]}\n' +
      Array.from({ length: 120 }, (_, i) => entry(i)).join('');
    let knowledge: Knowledge | undefined;
    assert.doesNotThrow(() => {
      knowledge = withUserLexicon(text, FILE);
    });
    assertBuiltInStillWorks(knowledge!);
    for (const p of knowledge!.problems.filter((q) => q.file === FILE)) assertPlainAndPositioned(p, FILE, text);
  });

  it('does not throw on a YAML alias bomb ("billion laughs"), reporting it instead', () => {
    const bomb =
      'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\nentries: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n';
    let knowledge: Knowledge | undefined;
    assert.doesNotThrow(() => {
      knowledge = withUserLexicon(bomb, FILE);
    });
    const mine = knowledge!.problems.filter((p) => p.file === FILE);
    assert.ok(mine.length > 0);
    for (const p of mine) assertPlainAndPositioned(p, FILE, bomb);
    assertBuiltInStillWorks(knowledge!);
  });
});

describe('phrase lists at the size of the largest data file', function () {
  this.timeout(60000);

  // an 8 MB lexicon of short terms, with their inflected forms, gives a few hundred thousand first words
  it('builds the filter of 300,000 one-word phrases without overflowing the stack, and matches them', () => {
    const matcher = new PhraseMatcher<number>();
    for (let i = 0; i < 300000; i++) matcher.addKeys([`zq${i}`], i);
    const text = 'The zq299999 and zq7 spread.';
    assert.deepEqual(
      matcher.findAll(text, tokenize(text)).map((m) => m.value),
      [299999, 7],
    );
  });
});

describe('broken user fact files', function () {
  this.timeout(120000);
  const FILE = '/team/user.facts.yaml';
  const load = (text: string) => {
    const knowledge = withUserFacts(text, FILE);
    return { problems: knowledge.problems, after: () => assertBuiltInStillWorks(knowledge) };
  };

  it('reports malformed YAML, wrong types, unknown keys, unknown entities and duplicate ids where they are', () => {
    checkBrokenCases(
      [
        { what: 'unterminated quote', text: 'facts:\n  - id: x\n    statement: "never closed\n', says: /^YAML syntax: .*quote/i },
        { what: 'flow list never closed', text: 'facts: [\n', says: /^YAML syntax: /i },
        {
          what: 'duplicate key',
          text: 'facts:\n' + factEntry('team-a', '    statement: Twice.\n'),
          says: /^YAML syntax: .*unique/i,
          line: 5,
        },
        { what: 'facts not a list', text: 'facts: {a: 1}\n', says: /^facts: should be a list$/, at: '{a: 1}' },
        {
          what: 'statement of the wrong type',
          text: 'facts:\n' + factEntry('team-a').replace('Team fact team-a.', '[1, 2]'),
          says: /^facts\[0\]\.statement: should be a string$/,
          at: '[1, 2]',
          line: 3,
        },
        {
          what: 'source not a mapping',
          text: 'facts:\n  - id: team-a\n    statement: S.\n    source: here\n',
          says: /^facts\[0\]\.source: should be a mapping$/,
          at: 'here',
          line: 4,
        },
        {
          what: 'unknown key',
          text: 'facts:\n' + factEntry('team-a', '    sauce: ketchup\n'),
          says: /^facts\[0\]: unknown key "sauce"$/,
          at: 'sauce',
          line: 5,
        },
        {
          what: 'unknown entity',
          text: 'facts:\n' + factEntry('team-a', '    about: [nobody-known]\n'),
          says: /unknown entity "nobody-known"/,
          at: 'nobody-known',
          line: 5,
        },
        {
          what: 'passage not in the seed',
          text: 'facts:\n' + factEntry('team-a').replace(SEED_PASSAGE, 'Words the article never used'),
          says: /passage not found verbatim in 000_f7105e6547317780\.txt/,
          at: '"Words',
          line: 4,
        },
        {
          what: 'duplicate id in the file',
          text: 'facts:\n' + factEntry('team-a') + factEntry('team-a'),
          says: /duplicate fact id "team-a"/,
          at: 'team-a',
          line: 5,
        },
        {
          what: 'id of a built-in fact',
          text: 'facts:\n' + factEntry('iran-deployed-up-to-140000'),
          says: /duplicate fact id "iran-deployed-up-to-140000" \(first defined in seeds\/facts\//,
          at: 'iran-deployed-up-to-140000',
          line: 2,
        },
        {
          what: 'entity id of a built-in entity',
          text: 'entities:\n  - id: putin\n    type: person\n    name: Someone Else\n',
          says: /duplicate entity id "putin"/,
          at: 'putin',
          line: 2,
        },
        {
          what: 'bad entity type',
          text: 'entities:\n  - id: team-x\n    type: alien\n    name: X\n',
          says: /^entities\[0\]\.type: should be one of: person/,
          at: 'alien',
          line: 3,
        },
      ],
      load,
      FILE,
    );
  });

  it('refuses a 1 MB statement or passage with a short message', () => {
    checkBrokenCases(
      [
        {
          what: '1 MB statement',
          text: 'facts:\n' + factEntry('team-a').replace('Team fact team-a.', 'x'.repeat(MB)),
          says: /^facts\[0\]\.statement: is too long \(at most 1000 characters\)$/,
          line: 3,
        },
        {
          what: '1 MB passage',
          text: 'facts:\n' + factEntry('team-a').replace(SEED_PASSAGE, 'y'.repeat(MB)),
          says: /^facts\[0\]\.source\.passage: is too long/,
          line: 4,
        },
      ],
      load,
      FILE,
    );
  });

  it('loads 4,000 facts (near the token limit) with checked provenance', () => {
    const text =
      'facts:\n' +
      Array.from(
        { length: 4000 },
        (_, i) =>
          `  - {id: team-${i}, statement: S${i}., source: {seed: ${SEED_000}, passage: Iranian military presence, attribution: desk}}\n`,
      ).join('');
    assert.ok(text.length < MAX_DATA_FILE_BYTES);
    const knowledge = withUserFacts(text, FILE);
    assert.deepEqual(knowledge.problems.filter((p) => p.file === FILE).slice(0, 3), []);
    assert.equal(knowledge.facts.facts.size, baseline.facts.facts.size + 4000);
    assertBuiltInStillWorks(knowledge);
  });

  it('does not throw on a YAML alias bomb, reporting it instead', () => {
    const bomb =
      'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nfacts: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n';
    let knowledge: Knowledge | undefined;
    assert.doesNotThrow(() => {
      knowledge = withUserFacts(bomb, FILE);
    });
    assert.ok(knowledge!.problems.some((p) => p.file === FILE));
    assertBuiltInStillWorks(knowledge!);
  });
});

describe('broken .claimlint.yaml', function () {
  this.timeout(60000);
  const FILE = '/team/.claimlint.yaml';
  const load = (text: string) => parseConfigFile(FILE, text);

  it('reports malformed YAML, wrong types, unknown keys and duplicate keys where they are', () => {
    checkBrokenCases(
      [
        { what: 'flow list never closed', text: 'rules: [\n', says: /^YAML syntax: /i },
        { what: 'tab indentation', text: 'rules:\n\tloaded.term: off\n', says: /^YAML syntax: .*tab/i, line: 2 },
        {
          what: 'duplicate key',
          text: 'sensitivity: strict\nsensitivity: relaxed\n',
          says: /^YAML syntax: .*unique/i,
          at: 'sensitivity',
          line: 2,
        },
        { what: 'not a mapping', text: '42\n', says: /should be a mapping/, line: 1 },
        { what: 'rules not a mapping', text: 'rules: loud\n', says: /^rules: should be a mapping$/, at: 'loud' },
        {
          what: 'bad sensitivity',
          text: 'enable: true\nsensitivity: 3\n',
          says: /^sensitivity: should be one of: relaxed, standard, strict$/,
          at: '3',
          line: 2,
        },
        { what: 'allow not a list', text: 'allow: dictator\n', says: /^allow: should be a list$/, at: 'dictator' },
        {
          what: 'bad rule level',
          text: 'rules:\n  loaded.term: loud\n',
          says: /^rules\.loaded\.term: should be one of: off, error, warning, information, hint$/,
          at: 'loud',
          line: 2,
        },
        {
          what: 'unknown rule id',
          text: 'rules:\n  loaded.terms: off\n',
          says: /unknown key "loaded\.terms"; did you mean "loaded\.term"\?/,
          at: 'loaded.terms',
          line: 2,
        },
        { what: 'unknown top-level key', text: 'enable: true\nrulez: {}\n', says: /unknown key "rulez"/, at: 'rulez', line: 2 },
        {
          what: 'unknown claim kind',
          text: 'claimKinds: [figures, rumours]\n',
          says: /^claimKinds\[1\]: should be one of: /,
          at: 'rumours',
        },
        { what: 'NUL bytes', text: 'enable: true\n\u0000', says: /binary/, line: 1 },
      ],
      load,
      FILE,
    );
  });

  it('refuses huge values with short messages', () => {
    checkBrokenCases(
      [
        {
          what: '1 KB allow-list term',
          text: `allow: ["${'x'.repeat(1024)}"]\n`,
          says: /^allow\[0\]: is too long \(at most 200 characters\)$/,
          line: 1,
        },
        {
          what: '1 MB allow-list term',
          text: `allow: ["${'x'.repeat(MB)}"]\n`,
          says: /^file is too large to load \(\d+ characters; the limit is 262144\)$/,
          line: 1,
        },
        {
          what: '12,000 allow-list terms',
          text: `allow: [${Array.from({ length: 12000 }, (_, i) => `w${i}`).join(', ')}]\n`,
          says: /^allow: should have at most 10000 items$/,
          line: 1,
        },
        {
          what: '12,000 allow-list terms in a block list',
          text: `allow:\n${Array.from({ length: 12000 }, (_, i) => `  - w${i}\n`).join('')}`,
          says: /^file holds too much YAML to load \(more than 50000 tokens\)/,
          line: 10001,
        },
        { what: 'file over the size limit', text: '#' + 'x'.repeat(MAX_DATA_FILE_BYTES + 1), says: /too large to load/, line: 1 },
      ],
      load,
      FILE,
    );
  });

  it('keeps valid settings next to a broken one', () => {
    const { config, problems } = parseConfigFile(FILE, 'sensitivity: strict\nrules: loud\nallow: [regime]\n');
    assert.equal(problems.length, 1);
    assert.equal(config.sensitivity, 'strict');
    assert.deepEqual(config.allow, ['regime']);
  });

  it('keeps the other rule levels when one rule id is misspelt', () => {
    // "A typo in one setting never disables the others": each rule level is its own setting.
    const { config } = parseConfigFile(FILE, 'rules:\n  loaded.term: off\n  attribution.mising: off\n');
    assert.deepEqual(config.rules, { 'loaded.term': 'off' });
  });

  it('treats an empty or comment-only file as no settings', () => {
    for (const text of ['', '   \n\n', '# nothing yet\n']) {
      const { config, problems } = parseConfigFile(FILE, text);
      assert.deepEqual([config, problems.map((p) => p.message)], [{}, []], JSON.stringify(text));
    }
  });

  it('does not throw on a file that uses YAML aliases, reporting any problem instead', () => {
    const text = `level: &off off\nallow: [${Array(100).fill('*off').join(', ')}]\n`;
    assert.doesNotThrow(() => parseConfigFile(FILE, text));
  });
});

describe('problem spans', () => {
  it('stay inside the file for a syntax error at its very end', () => {
    const cases: [string, () => DataProblem[]][] = [
      ['facts: [\n', () => withUserFacts('facts: [\n', '/team/a.facts.yaml').problems.filter((p) => p.file === '/team/a.facts.yaml')],
      ['rules: [\n', () => parseConfigFile('/team/.claimlint.yaml', 'rules: [\n').problems],
      [
        'entries:\n  - id: x\n    why: "never closed\n',
        () =>
          withUserLexicon('entries:\n  - id: x\n    why: "never closed\n', '/team/a.lexicon.yaml').problems.filter(
            (p) => p.file === '/team/a.lexicon.yaml',
          ),
      ],
    ];
    for (const [text, problems] of cases) {
      for (const p of problems())
        assert.ok(
          p.end <= text.length,
          `${JSON.stringify(text)} (length ${text.length}): ${p.line}:${p.column} [${p.start},${p.end}) ${p.message}`,
        );
    }
  });
});

describe('user data found through .claimlint.yaml and KnowledgeStore', function () {
  this.timeout(60000);
  let dir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimlint-robust-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports missing and broken files positioned in those files, and the built-in data keeps working', () => {
    const broken = path.join(dir, 'data', 'broken.lexicon.yaml');
    const good = path.join(dir, 'data', 'good.lexicon.yaml');
    const binary = path.join(dir, 'data', 'binary.lexicon.yaml');
    fs.mkdirSync(path.dirname(broken), { recursive: true });
    const brokenText = 'entries:\n' + lexiconEntry('team-a', '    colour: red\n');
    fs.writeFileSync(broken, brokenText);
    fs.writeFileSync(good, 'entries:\n' + lexiconEntry('team-good'));
    fs.writeFileSync(binary, Buffer.from([0x65, 0x6e, 0x00, 0x01, 0xff]));
    fs.writeFileSync(
      path.join(dir, '.claimlint.yaml'),
      'lexicons: [data, missing.lexicon.yaml]\nfactBases: [no-such-folder]\nsensitivity: strict\n',
    );
    const readText = readDataFile;
    const config = new ConfigResolver(readText).resolve(path.join(dir, 'draft.md'));
    assert.deepEqual(config.problems, []);
    assert.equal(config.settings.sensitivity, 'strict');
    const knowledge = new KnowledgeStore(builtInFiles, readText).get(config.lexiconPaths, config.factBasePaths);
    const problems = knowledge.problems.filter((p) => path.isAbsolute(p.file));
    const byFile = (file: string): DataProblem[] => problems.filter((p) => p.file === file);
    assert.ok(
      byFile(broken).some((p) => /unknown key "colour"/.test(p.message) && p.line === 10 && p.column === 5),
      JSON.stringify(byFile(broken)),
    );
    assert.ok(
      byFile(binary).some((p) => /binary/.test(p.message)),
      JSON.stringify(byFile(binary)),
    );
    assert.ok(
      byFile(path.join(dir, 'missing.lexicon.yaml')).some(
        (p) => /lexicon: not found; it is ignored/.test(p.message) && p.line === 1 && p.column === 1,
      ),
    );
    assert.ok(byFile(path.join(dir, 'no-such-folder')).some((p) => /fact base: not found; it is ignored/.test(p.message)));
    assert.deepEqual(byFile(good), []);
    assert.ok(knowledge.lexicon.entries.has('team-good'));
    assertBuiltInStillWorks(knowledge);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Drafts

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

function assertFindingsInside(outcome: LintOutcome, limit: number, text: string): void {
  for (const f of outcome.findings) {
    assert.ok(f.start >= 0 && f.start <= f.end && f.end <= limit, `${f.rule} [${f.start},${f.end}) beyond ${limit}`);
    for (const offset of [f.start, f.end, ...f.fixes.flatMap((x) => x.edits.flatMap((e) => [e.start, e.end]))]) {
      assert.ok(offset >= 0 && offset <= limit, `${f.rule}: offset ${offset} beyond ${limit}`);
      assert.ok(
        !(isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset))),
        `${f.rule}: offset ${offset} splits a surrogate pair`,
      );
    }
  }
}

describe('hostile drafts', function () {
  this.timeout(180000);

  it('cuts a 20 MB draft off at a line break before MAX_LINT_LENGTH and reports only findings before the cut', () => {
    const seeds = fs
      .readdirSync(SEEDS)
      .filter((n) => n.endsWith('.txt'))
      .map((n) => fs.readFileSync(path.join(SEEDS, n), 'utf8'));
    const parts: string[] = [];
    let length = 0;
    for (let i = 0; length < 20 * MB; i++) {
      const part = `## Part ${i}\n\n${seeds[i % seeds.length].replace(/Syria/g, `Syria${i % 97}`)}\n\nThe dictator spoke ${i}.\n\n`;
      parts.push(part);
      length += part.length;
    }
    const text = parts.join('');
    assert.ok(text.length >= 20 * MB);
    const started = process.hrtime.bigint();
    const outcome = lint(text);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    assert.equal(outcome.cancelled, false);
    assert.ok(outcome.truncatedAt !== undefined, 'not cut off');
    assert.ok(outcome.truncatedAt <= MAX_LINT_LENGTH);
    assert.equal(outcome.truncatedAt, text.lastIndexOf('\n', MAX_LINT_LENGTH), 'cut at the last line break before the limit');
    assert.ok(outcome.findings.length > 1000, `${outcome.findings.length} findings`);
    assertFindingsInside(outcome, outcome.truncatedAt, text);
    // The findings reach close to the cut: the whole first 5 MB was checked, not just its beginning.
    assert.ok(Math.max(...outcome.findings.map((f) => f.end)) > outcome.truncatedAt - 10000);
    if (process.env.CLAIMLINT_TIMINGS)
      console.log(`      20 MB draft: ${ms.toFixed(0)} ms, ${outcome.findings.length} findings, cut at ${outcome.truncatedAt}`);
  });

  it('never cuts a long line inside a surrogate pair', () => {
    const text = 'a' + '\u{1F600}'.repeat(MAX_LINT_LENGTH / 2 + 10);
    const outcome = lint(text, { format: 'plaintext' });
    assert.equal(outcome.truncatedAt, MAX_LINT_LENGTH - 1);
    assert.ok(!isHigh(text.charCodeAt(outcome.truncatedAt - 1)) || !isLow(text.charCodeAt(outcome.truncatedAt)));
  });

  it('gives no findings for an empty document, white space only or punctuation only', () => {
    const texts = [
      '',
      ' ',
      '\n',
      '\r\n\r\n',
      '\r\r\r',
      ' \t\r\n'.repeat(1000),
      '\u00A0\u2028\u2029\u3000\u200B\uFEFF',
      '.,;:!?'.repeat(1000),
      '\u2014\u2013-'.repeat(500),
      '()[]{}'.repeat(300),
    ];
    for (const text of texts) {
      for (const format of ['markdown', 'plaintext'] as const) {
        const outcome = lint(text, { format });
        assert.deepEqual(
          outcome.findings.map((f) => f.rule),
          [],
          `${format} ${JSON.stringify(text.slice(0, 20))}`,
        );
        assert.equal(outcome.truncatedAt, undefined);
      }
    }
    assert.equal(lint('').chunkCount, 0);
  });

  it('handles runs of quotation marks and markup characters without throwing', () => {
    const texts = [
      '"'.repeat(5000),
      '\u201C'.repeat(3001),
      '\u2018\u2019'.repeat(2000),
      '*'.repeat(2000),
      '`'.repeat(5000),
      '['.repeat(1000),
      '<!--'.repeat(2000),
      '#'.repeat(1000),
      '-'.repeat(10000),
      '|'.repeat(3000),
    ];
    for (const text of texts) {
      for (const format of ['markdown', 'plaintext'] as const) {
        assertFindingsInside(lint(text, { format }), text.length, text);
      }
    }
  });

  it('lints one huge line of prose and finds every loaded term on it', () => {
    const text = 'The dictator spoke. '.repeat(50000);
    for (const format of ['markdown', 'plaintext'] as const) {
      const outcome = lint(text, { format });
      assertFindingsInside(outcome, text.length, text);
      assert.equal(outcome.findings.filter((f) => f.rule === 'loaded.term').length, 50000, format);
    }
  });

  it('does not throw on one huge word (a 4.2 M-character run of letters in a draft with a curly apostrophe)', () => {
    // A pasted hash or dump without spaces; the apostrophe makes the string two-byte, as most news text is.
    const text = 'It\u2019s here: ' + 'x'.repeat(4_200_000);
    for (const format of ['markdown', 'plaintext'] as const) {
      assert.doesNotThrow(() => lint(text, { format }), format);
    }
  });

  it('does not throw on deeply nested Markdown (a 6 KB line of block-quote markers, list markers)', () => {
    const texts = ['>'.repeat(6000) + ' The dictator spoke.', '- '.repeat(3000) + 'The dictator spoke.'];
    for (const text of texts) {
      assert.doesNotThrow(() => lint(text), JSON.stringify(text.slice(0, 12)));
    }
  });
});

describe('reading drafts from disk (decodeDraft, readDraft)', () => {
  const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
  const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

  it('refuses binary files with a one-line reason', () => {
    const png = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52);
    const utf16le = bytes(0xff, 0xfe, 0x54, 0x00, 0x68, 0x00, 0x65, 0x00);
    const nulInText = utf8('The dictator spoke.\u0000More.');
    for (const input of [png, utf16le, nulInText]) {
      const read = decodeDraft(input);
      assert.equal(read.ok, false);
      if (!read.ok) assert.match(read.reason, /^binary file \(contains NUL bytes\), not a text draft$/);
    }
  });

  it('refuses invalid UTF-8 (stray, overlong, surrogate and truncated sequences)', () => {
    for (const input of [bytes(0x41, 0xc3, 0x28), bytes(0xc0, 0xaf), bytes(0xed, 0xa0, 0x80), bytes(0x41, 0xe2, 0x82), bytes(0xff, 0x41)]) {
      const read = decodeDraft(input);
      assert.equal(read.ok, false, Buffer.from(input).toString('hex'));
      if (!read.ok) assert.match(read.reason, /^not valid UTF-8 text \(first invalid byte on line 1\); save it as UTF-8$/);
    }
  });

  it('reads empty files, keeps a UTF-8 byte-order mark and decodes astral characters', () => {
    assert.deepEqual(decodeDraft(new Uint8Array(0)), { ok: true, text: '' });
    assert.deepEqual(decodeDraft(bytes(0xef, 0xbb, 0xbf, 0x48, 0x69)), { ok: true, text: '\uFEFFHi' });
    assert.deepEqual(decodeDraft(utf8('Syria \u{1F1F8}\u{1F1FE} \u0627\u0644\u0631\u0626\u064A\u0633')), {
      ok: true,
      text: 'Syria \u{1F1F8}\u{1F1FE} \u0627\u0644\u0631\u0626\u064A\u0633',
    });
  });

  it('refuses files over the size limit before decoding', () => {
    const read = decodeDraft(new Uint8Array(MAX_DRAFT_BYTES + 1));
    assert.equal(read.ok, false);
    if (!read.ok) assert.match(read.reason, /^too large \(\d+ bytes; limit \d+\)$/);
  });

  it('lints whatever a NUL after the first 8 KB lets through without throwing', () => {
    const read = decodeDraft(utf8('The dictator spoke. '.repeat(500) + '\u0000 The regime fell.'));
    if (read.ok) assertFindingsInside(lint(read.text), read.text.length, read.text);
  });

  it('reads a file whose size stat understates (Linux /proc reports 0) whole, never cut at that size', () => {
    const read = readDraft('/proc/self/status');
    assert.equal(read.ok, true);
    if (read.ok) assert.match(read.text, /^Name:[\s\S]*VmRSS:/);
  });

  it('says why a path cannot be read', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimlint-read-'));
    try {
      assert.deepEqual(readDraft(path.join(dir, 'missing.md')), { ok: false, reason: 'not found' });
      assert.deepEqual(readDraft(dir), { ok: false, reason: 'a folder, not a regular file' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

// ---------------------------------------------------------------------------------------------------------
// No regular expression is built from data

describe('no user-supplied regular expressions', () => {
  const SOURCE_ROOTS = [path.join(ROOT, 'server', 'src'), path.join(ROOT, 'client', 'src')];
  const walk = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
  const sources = SOURCE_ROOTS.flatMap(walk);
  const read = (file: string): string => fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
  const rel = (file: string): string => path.relative(ROOT, file).split(path.sep).join('/');

  it('finds the sources to scan', () => {
    assert.ok(sources.length > 30, `${sources.length} files`);
    assert.ok(sources.some((f) => f.endsWith('server.ts')) && sources.some((f) => f.endsWith('tokens.ts')));
  });

  it('never constructs a RegExp or compiles code at run time', () => {
    // At the time of writing there is no occurrence at all: every pattern is a literal in the source.
    const found = sources.flatMap((file) =>
      [...read(file).matchAll(/\bnew\s+RegExp\s*\(|(?<![\w.])RegExp\s*\(|\bnew\s+Function\s*\(|\beval\s*\(/g)].map(
        (m) => `${rel(file)}: ${m[0]}`,
      ),
    );
    assert.deepEqual(found, []);
  });

  it('passes only regular-expression literals (or constants holding them) to match, matchAll and search', () => {
    // String.prototype.match/matchAll/search turn a string argument into a RegExp, so a string from data
    // there would be a user regex. Each argument must be a literal or a name bound to literals.
    const reviewed = new Map([
      // `for (const [start, end] of HTML_BLOCKS)`: HTML_BLOCKS is a constant table of regex literals.
      ['server/src/engine/text/chunks.ts start', true],
      // `Minimatch#match(candidate)`, not String#match: the argument is a path. minimatch does compile user
      // globs (include / exclude) to regular expressions; globProblem and globListProblem keep them cheap
      // (at most 2 "*" per name, no extglobs, at most 256 patterns per list; timed in fileFilter.test.ts).
      ['server/src/workspace/fileFilter.ts candidate', true],
    ]);
    const unsafe: string[] = [];
    for (const file of sources) {
      const text = read(file);
      for (const m of text.matchAll(/\.(match|matchAll|search)\(\s*([^,)]*)/g)) {
        const arg = m[2].trim();
        if (arg.startsWith('/')) continue;
        const literalConstant = new RegExp(`\\b(?:const|let)\\s+${arg.replace(/[^\w$]/g, '')}\\s*(?::\\s*RegExp\\s*)?=\\s*\\/`).test(text);
        if (/^[A-Z_][A-Z0-9_]*$/.test(arg) && literalConstant) continue;
        if (reviewed.has(`${rel(file)} ${arg}`)) continue;
        unsafe.push(`${rel(file)}: .${m[1]}(${arg})`);
      }
    }
    assert.deepEqual(unsafe, []);
  });
});
