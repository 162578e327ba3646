import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseConfigFile, resolveLintSettings } from '../../server/src/engine/config';
import { allowListEdit } from '../../server/src/engine/configEdits';
import { ConfigResolver } from '../../server/src/workspace/configResolver';
import { readDataFile } from '../../server/src/workspace/dataFiles';

const reader = readDataFile;

describe('.claimlint.yaml', () => {
  it('parses the same keys as the VS Code settings', () => {
    const { config, problems } = parseConfigFile(
      'c.yaml',
      'rules:\n  loaded.term: error\n  attribution.vague: off\nsensitivity: strict\nallow: [regime]\n',
    );
    assert.deepEqual(problems, []);
    const settings = resolveLintSettings([config]);
    assert.equal(settings.rules['loaded.term'], 'error');
    assert.equal(settings.rules['attribution.vague'], 'off');
    assert.equal(settings.sensitivity, 'strict');
    assert.deepEqual(settings.allow, ['regime']);
  });

  it('reports problems at line and column in plain language and keeps the valid keys', () => {
    const text = 'rules:\n  loaded.term: loud\n  fact.contradictoin: off\n  attribution.vague: off\nsensitivity: standard\nallow: regime\n';
    const { config, problems } = parseConfigFile('c.yaml', text);
    const messages = problems.map((p) => `${p.line}:${p.column} ${p.message}`);
    assert.ok(
      messages.some((m) => /^2:16 rules\.loaded\.term: should be one of: off, error, warning, information, hint$/.test(m)),
      messages.join('\n'),
    );
    assert.ok(
      messages.some((m) => /^3:3 rules: unknown key "fact\.contradictoin"; did you mean "fact\.contradiction"\?$/.test(m)),
      messages.join('\n'),
    );
    assert.ok(
      messages.some((m) => /^6:8 allow: should be a list$/.test(m)),
      messages.join('\n'),
    );
    assert.equal(config.sensitivity, 'standard');
    assert.deepEqual(config.rules, { 'attribution.vague': 'off' });
  });

  it('reports YAML syntax errors with a position and gives the defaults', () => {
    const { config, problems } = parseConfigFile('c.yaml', 'rules: [\n');
    assert.equal(problems.length > 0 && problems[0].line >= 1, true);
    assert.match(problems[0].message, /YAML syntax/);
    assert.deepEqual(config, {});
  });

  it('is found by walking up from the draft, with paths relative to it; each folder uses its own', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'claimlint-config-'));
    fs.mkdirSync(path.join(root, 'a', 'deep'), { recursive: true });
    fs.mkdirSync(path.join(root, 'b'));
    fs.writeFileSync(path.join(root, 'a', '.claimlint.yaml'), 'lexicons: [team.lexicon.yaml]\nrules: {loaded.term: off}\n');
    fs.writeFileSync(path.join(root, 'b', '.claimlint.yaml'), 'sensitivity: relaxed\n');
    const resolver = new ConfigResolver(reader);
    const a = resolver.resolve(path.join(root, 'a', 'deep', 'draft.md'), { searchRoot: root });
    const b = resolver.resolve(path.join(root, 'b', 'draft.md'), { searchRoot: root });
    assert.equal(a.configFile, path.join(root, 'a', '.claimlint.yaml'));
    assert.deepEqual(a.lexiconPaths, [path.join(root, 'a', 'team.lexicon.yaml')]);
    assert.equal(a.settings.rules['loaded.term'], 'off');
    assert.equal(b.settings.sensitivity, 'relaxed');
    assert.equal(b.settings.rules['loaded.term'], 'warning');
  });

  it('lets the file override editor settings and merges allow-lists', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'claimlint-config-'));
    fs.writeFileSync(path.join(root, '.claimlint.yaml'), 'sensitivity: strict\nallow: [thugs]\n');
    const resolved = new ConfigResolver(reader).resolve(path.join(root, 'd.md'), {
      editorLayer: { sensitivity: 'relaxed', allow: ['regime'] },
    });
    assert.equal(resolved.settings.sensitivity, 'strict');
    assert.deepEqual([...resolved.settings.allow].sort(), ['regime', 'thugs']);
  });
});

describe('allow-list edits', () => {
  it('creates the list, appends to block and flow lists, and skips terms already allowed', () => {
    const apply = (text: string, term: string): string | undefined => {
      const edit = allowListEdit(text, term);
      return edit && text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
    };
    assert.equal(apply('', 'regime'), 'allow:\n  - regime\n');
    assert.equal(apply('rules:\n  loaded.term: warning\n', 'regime'), 'rules:\n  loaded.term: warning\nallow:\n  - regime\n');
    assert.equal(apply('allow:\n  - thugs\nrules: {}\n', 'regime'), 'allow:\n  - thugs\n  - regime\nrules: {}\n');
    assert.equal(apply('allow: [thugs]\n', 'regime'), 'allow: [thugs, regime]\n');
    assert.equal(apply('allow: [Regime]\n', 'regime'), undefined);
    assert.equal(apply('allow:\n', 'no: way'), 'allow:\n  - "no: way"\n');
  });
});

describe('rule levels from configuration', () => {
  it('ignores keys that are not rule ids, built-in object property names included', () => {
    const settings = resolveLintSettings([{ rules: { constructor: 'off', toString: 'error', 'loaded.term': 'error' } as never }]);
    assert.equal(settings.rules['loaded.term'], 'error');
    assert.equal(Object.hasOwn(settings.rules, 'constructor'), false);
    assert.equal(Object.hasOwn(settings.rules, 'toString'), false);
  });
});
