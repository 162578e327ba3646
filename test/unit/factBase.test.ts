import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { splitPlainChunks } from '../../server/src/engine/text/chunks';
import { tagSentences } from '../../server/src/engine/document';
import { tokenize } from '../../server/src/engine/text/tokens';
import { buildKnowledge } from '../../server/src/engine/knowledge/knowledge';
import { readBuiltInFiles } from '../../server/src/workspace/dataFiles';
import { builtInKnowledge, lint, ROOT } from '../helpers/knowledge';
import { roleDescriptors } from '../../server/src/engine/knowledge/roleDescriptors';
import type { Entity } from '../../server/src/engine/knowledge/factTypes';

const SEEDS = path.join(ROOT, 'seeds');

describe('built-in fact base', () => {
  const knowledge = builtInKnowledge();
  const facts = [...knowledge.facts.facts.values()];

  it('loads every built-in data file without a problem', () => {
    assert.deepEqual(
      knowledge.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`),
      [],
    );
  });

  it('holds on the order of 80-120 facts, each with provenance', () => {
    assert.ok(facts.length >= 80 && facts.length <= 140, `${facts.length} facts`);
    for (const fact of facts) {
      assert.ok(fact.statement && fact.source.attribution, fact.id);
      assert.ok(knowledge.seeds.articles.has(fact.source.seed), `${fact.id}: unknown seed`);
    }
  });

  it('finds every passage and quote verbatim in its seed (provenance cannot drift)', () => {
    for (const fact of facts) {
      const seed = fs.readFileSync(path.join(SEEDS, fact.source.seed), 'utf8');
      assert.ok(seed.includes(fact.source.passage), `${fact.id}: passage not in ${fact.source.seed}`);
      assert.equal(seed.indexOf(fact.source.passage), fact.sourceRef.offset, fact.id);
      if (fact.quote) assert.ok(fact.source.passage.includes(fact.quote.text), `${fact.id}: quote not in passage`);
    }
    for (const entity of knowledge.facts.entities.values()) {
      for (const role of entity.roles ?? []) {
        const seed = fs.readFileSync(path.join(SEEDS, role.source.seed), 'utf8');
        assert.ok(seed.includes(role.source.passage), `${entity.id} role: passage not in ${role.source.seed}`);
      }
    }
  });

  it('records both sides of the disputes the seeds report, linked both ways', () => {
    const disputed = facts.filter((f) => f.disputedBy.length > 0);
    assert.ok(disputed.length >= 2);
    for (const fact of disputed)
      for (const other of fact.disputedBy) assert.ok(other.disputedBy.includes(fact), `${fact.id} <-> ${other.id}`);
  });

  it('resolves aliases and the seeds\u2019 own spelling slips to one entity', () => {
    const resolve = (name: string): string[] =>
      knowledge.facts.mentions
        .find(name, tokenize(name))
        .filter((m) => m.kind === 'alias')
        .map((m) => m.entity.id);
    assert.deepEqual(new Set(['Hmeymim', 'Hmeimim', 'Khmeimim'].flatMap(resolve)), new Set(['hmeymim']));
    assert.deepEqual(new Set(resolve('el-Siss')), new Set(resolve('el-Sisi')));
    assert.equal(new Set(['ISIS', 'ISIL', 'Islamic State'].flatMap(resolve)).size, 1);
    assert.equal(new Set(['IRGC', 'Revolutionary Guards'].flatMap(resolve)).size, 1);
  });

  it('dates time-bound facts', () => {
    const fourYear = facts.find((f) => /four-year/.test(f.source.passage));
    assert.ok(fourYear?.asOf ?? fourYear?.sourceRef.date);
    assert.equal(fourYear?.sourceRef.date, '2015-11-23');
  });

  it('covers every seed sentence with a number, date, quote or named person, or lists why not', () => {
    const coverage = parse(fs.readFileSync(path.join(SEEDS, 'coverage.yaml'), 'utf8')) as {
      notCheckable: { seed: string; sentence: string; reason: string }[];
    };
    const people = [...knowledge.facts.entities.values()].filter((e) => e.type === 'person').flatMap((e) => [e.name, ...(e.aliases ?? [])]);
    const checkable = (s: string): boolean =>
      /\d/.test(s) ||
      /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b/i.test(
        s,
      ) ||
      /\b(January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/.test(
        s,
      ) ||
      /[\u201C\u201D"]/.test(s) ||
      people.some((name) => new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(s));
    const uncovered: string[] = [];
    for (const [seed, article] of knowledge.seeds.articles) {
      const passages: [number, number][] = [
        ...facts
          .filter((f) => f.source.seed === seed)
          .map((f) => [f.sourceRef.offset, f.sourceRef.offset + f.source.passage.length] as [number, number]),
        ...[...knowledge.facts.entities.values()].flatMap((e) =>
          (e.roleSources ?? []).filter((r) => r?.seed === seed).map((r) => [r!.offset, r!.offset + r!.passage.length] as [number, number]),
        ),
      ];
      for (const chunk of splitPlainChunks(article.text)) {
        for (const span of tagSentences(article.text, chunk)) {
          const sentence = article.text.slice(span.start, span.end);
          if (!checkable(sentence)) continue;
          if (passages.some(([a, b]) => a < span.end && b > span.start)) continue;
          if (coverage.notCheckable.some((n) => n.seed === seed && sentence.startsWith(n.sentence) && n.reason.length >= 10)) continue;
          uncovered.push(`${seed}: ${sentence.slice(0, 80)}`);
        }
      }
    }
    assert.deepEqual(uncovered, []);
  });

  it('finds no contradiction, misquote or misattribution in the source articles themselves', () => {
    for (const [file, article] of knowledge.seeds.articles) {
      const findings = lint(article.text, { format: 'plaintext' }).findings.filter((f) => f.rule.startsWith('fact.'));
      assert.deepEqual(
        findings.map((f) => `${file}: ${f.rule} "${article.text.slice(f.start, f.end)}"`),
        [],
      );
    }
  });

  it('keeps working on the built-in data when a user fact base is broken, with positioned messages', () => {
    const files = readBuiltInFiles(SEEDS);
    const broken = {
      file: '/project/team.facts.yaml',
      text: 'facts:\n  - id: x\n    statement: s\n    sourc: {}\n  - id: iran-deployed-up-to-140000\n    statement: dup\n    source: {seed: 000_f7105e6547317780.txt, passage: "not in the seed", attribution: a}\n',
    };
    const k = buildKnowledge({ ...files, factFiles: [...files.factFiles, broken] });
    const messages = k.problems.map((p) => `${p.line}:${p.column} ${p.message}`);
    assert.ok(
      messages.some((m) => /^3:5 .*missing required key "source"/.test(m) || /unknown key "sourc"/.test(m)),
      messages.join('\n'),
    );
    assert.ok(
      messages.some((m) => /duplicate fact id "iran-deployed-up-to-140000"/.test(m)),
      messages.join('\n'),
    );
    assert.equal(k.facts.facts.size, knowledge.facts.facts.size);
    const syntax = buildKnowledge({ ...files, factFiles: [...files.factFiles, { file: '/p/bad.facts.yaml', text: 'facts: [\n' }] });
    assert.ok(syntax.problems.some((p) => p.file === '/p/bad.facts.yaml' && /YAML syntax/.test(p.message)));
    assert.equal(syntax.facts.facts.size, knowledge.facts.facts.size);
  });
});

describe('descriptions derived from roles', () => {
  it('describes the one holder of a role by country, adjective and "of", and leaves shared roles undescribed', () => {
    const entity = (id: string, extra: Partial<Entity>): Entity => ({
      id,
      type: 'person',
      name: id,
      file: 'f',
      span: { start: 0, end: 0 },
      roleSources: [],
      ...extra,
    });
    const egypt = entity('egypt', { type: 'country', name: 'Egypt', adjectives: ['Egyptian'] });
    const cairo = entity('cairo', { type: 'place', name: 'Cairo', standsFor: ['egypt'] });
    const usa = entity('usa', { type: 'country', name: 'United States', aliases: ['U.S.'] });
    const role = (of: string) => ({ title: 'president', of, source: { seed: 's', passage: 'p', attribution: 'a' } });
    const sisi = entity('sisi', { roles: [role('egypt')] });
    const obama = entity('obama', { roles: [role('usa')] });
    const trump = entity('trump', { roles: [role('usa')] });
    const all = new Map([egypt, cairo, usa, sisi, obama, trump].map((e) => [e.id, e]));
    const described = roleDescriptors(all, new Map([['president', ['president', 'head of state']]]));
    assert.deepEqual([...described.keys()], ['sisi']);
    for (const d of ["Egypt's president", 'Egyptian president', 'president of Egypt', "Cairo's president", 'Egyptian head of state']) {
      assert.ok(described.get('sisi')?.includes(d), d);
    }
  });
});

describe('seed passages around a word', () => {
  it('keeps initials inside a passage ("the U.S.-led coalition", "U.S. priorities")', () => {
    const { seeds } = builtInKnowledge();
    for (const [seed, needle] of [
      ['000_f7105e6547317780.txt', 'coalition is beginning'],
      ['002_790c4a0d2069b0ae.txt', 'priorities in Syria'],
    ] as const) {
      const text = seeds.articles.get(seed)?.text ?? '';
      const at = text.indexOf(needle);
      assert.ok(at >= 0, needle);
      const passage = seeds.passageAround(seed, { start: at, end: at + needle.length });
      assert.match(passage, /U\.S\./, passage);
      assert.match(passage, /^[\p{Lu}"\u201C]/u, passage);
    }
  });
});
