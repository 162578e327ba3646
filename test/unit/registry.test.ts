import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { resolveLintSettings } from '../../server/src/engine/config';
import { RULE_FAMILIES, RULES, ruleDocPath } from '../../server/src/engine/ruleCatalog';
import { ALL_RULES } from '../../server/src/engine/rules/index';
import { defaultSettings, settingsKey } from '../../server/src/engine/settings';
import type { LintSettings } from '../../server/src/engine/settingsTable';
import { DEFAULT_EXCLUDE, DEFAULT_LANGUAGES, editorValue, SETTINGS, settingInfo } from '../../server/src/engine/settingsTable';
import { EDITOR_PROBLEMS_PER_FILE } from '../../server/src/features/problemLimit';
import { COUNTED_FAMILIES, DEFAULT_LANGUAGES as PROTOCOL_LANGUAGES } from '../../server/src/protocol';
import { ConfigResolver } from '../../server/src/workspace/configResolver';
import { readDataFile } from '../../server/src/workspace/dataFiles';
import { DEFAULT_EXCLUDE as FILTER_DEFAULT_EXCLUDE } from '../../server/src/workspace/fileFilter';
import { generatedFiles } from '../tools/contributions';

const ROOT = path.resolve(__dirname, '..', '..');

describe('rule registry and settings table', () => {
  it('package.json, the .claimlint.yaml schema and docs/configuration.md are as npm run generate writes them', () => {
    for (const { file, current, generated } of generatedFiles()) {
      assert.ok(current === generated, `${path.relative(ROOT, file)} differs from the registry and settings table: run npm run generate`);
    }
  });

  it('every rule has a unique id in a declared family, and its page in docs/rules/', () => {
    const families = new Set<string>(RULE_FAMILIES.map((f) => f.name));
    assert.equal(new Set(RULES.map((r) => r.id)).size, RULES.length);
    for (const rule of RULES) {
      assert.ok(families.has(rule.family), `${rule.id}: family ${rule.family} is not in RULE_FAMILIES`);
      assert.ok(rule.id.startsWith(`${rule.family}.`), `${rule.id} does not start with its family`);
      assert.ok(fs.existsSync(path.join(ROOT, ruleDocPath(rule.id))), `${ruleDocPath(rule.id)} is missing`);
    }
  });

  it('every rule engine reports registered rules, and every registered rule but the directives has an engine', () => {
    const engineIds = new Set<string>(ALL_RULES.flatMap((r) => r.ids));
    for (const id of engineIds)
      assert.ok(
        RULES.some((r) => r.id === id),
        `${id} is reported but not registered`,
      );
    for (const rule of RULES) if (rule.family !== 'directive') assert.ok(engineIds.has(rule.id), `${rule.id} has no engine`);
  });

  it("the README's rule and settings tables list every rule and every setting", () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const ruleRows = [...readme.matchAll(/^\| \[`([a-z]+\.[a-z-]+)`\]\(docs\/rules\//gm)].map((m) => m[1]);
    assert.deepEqual(
      ruleRows,
      RULES.map((r) => r.id),
      'the README rule table, in registry order',
    );
    const settingRows = new Set([...readme.matchAll(/^\| `claimlint\.([A-Za-z.]+)` \|/gm)].map((m) => m[1]));
    for (const setting of SETTINGS)
      assert.ok(settingRows.has(setting.key), `claimlint.${setting.key} has no row in the README's settings table`);
  });

  it('docs/configuration.md mentions every setting', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs', 'configuration.md'), 'utf8');
    for (const setting of SETTINGS)
      assert.ok(doc.includes(`claimlint.${setting.key}`), `claimlint.${setting.key} is not in docs/configuration.md`);
  });

  it('the shared module gives the client the table and registry values', () => {
    assert.deepEqual(PROTOCOL_LANGUAGES, DEFAULT_LANGUAGES);
    assert.deepEqual(
      COUNTED_FAMILIES,
      RULE_FAMILIES.filter((f) => f.statusBar).map((f) => f.name),
    );
    const counted: readonly string[] = COUNTED_FAMILIES;
    assert.ok(counted.includes('fact') && !counted.includes('directive'));
  });

  it('defaults other modules still spell out agree with the table', () => {
    assert.deepEqual([...FILTER_DEFAULT_EXCLUDE], [...DEFAULT_EXCLUDE]);
    assert.equal(settingInfo('maxProblems')?.default, EDITOR_PROBLEMS_PER_FILE);
  });
});

describe('settings cache key', () => {
  const settings = (): LintSettings =>
    resolveLintSettings([{ sensitivity: 'strict', allow: ['regime', 'Activist'], rules: { 'loaded.term': 'error' } }]);

  it('is equal for equal settings, whatever the order of keys and of the allow-list', () => {
    const a = settings();
    const b = { ...settings(), allow: ['Activist', 'regime'] };
    const reordered = Object.fromEntries(Object.entries(a).reverse()) as LintSettings;
    assert.equal(settingsKey(a), settingsKey(b));
    assert.equal(settingsKey(a), settingsKey(reordered));
    assert.equal(settingsKey(defaultSettings()), settingsKey(defaultSettings()));
  });

  it('changes with every field, one added later included', () => {
    const base = settingsKey(settings());
    assert.notEqual(settingsKey({ ...settings(), sensitivity: 'relaxed' }), base);
    assert.notEqual(settingsKey({ ...settings(), claimKinds: ['figures'] }), base);
    assert.notEqual(settingsKey({ ...settings(), allow: ['regime'] }), base);
    assert.notEqual(settingsKey({ ...settings(), rules: { ...settings().rules, 'loaded.term': 'off' } }), base);
    assert.notEqual(settingsKey({ ...settings(), newSetting: 3 } as LintSettings), base);
  });
});

describe('settings table: layers', () => {
  it('takes the editor value the shape accepts, and an empty list that means "not set" as unset', () => {
    const value = (key: string, v: unknown): unknown => editorValue(settingInfo(key)!, v);
    assert.equal(value('claimKinds', []), undefined);
    assert.equal(value('languages', []), undefined);
    assert.deepEqual(value('exclude', []), []);
    assert.deepEqual(value('allow', ['regime', 3, null]), ['regime']);
    assert.equal(value('sensitivity', 'lax'), undefined);
    assert.equal(value('enable', 'yes'), undefined);
    assert.equal(value('maxProblems', 2.5), undefined);
    assert.equal(value('debounceMs', -1), undefined);
    assert.deepEqual(value('rules', { 'loaded.term': 'off', 'attribution.vague': 'loud' }), { 'loaded.term': 'off' });
  });

  it('combines layers as the table says: the highest wins, lists merge, rules one by one, restricted keys dropped when untrusted', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'claimlint-registry-'));
    fs.writeFileSync(
      path.join(root, '.claimlint.yaml'),
      'sensitivity: strict\nallow: [regime]\nlexicons: [./house.lexicon.yaml]\nlanguages: [markdown]\nrules:\n  loaded.term: error\n',
    );
    const editorLayer = {
      sensitivity: 'relaxed' as const,
      allow: ['thug'],
      lexicons: ['desk'],
      enable: true,
      rules: { 'attribution.vague': 'off' as const },
    };
    const resolver = new ConfigResolver(readDataFile);
    const resolved = resolver.resolve(path.join(root, 'd.md'), { editorLayer, editorBaseDir: root, searchRoot: root });
    assert.equal(resolved.settings.sensitivity, 'strict');
    assert.deepEqual([...resolved.settings.allow].sort(), ['regime', 'thug']);
    assert.equal(resolved.settings.rules['loaded.term'], 'error');
    assert.equal(resolved.settings.rules['attribution.vague'], 'off');
    assert.equal(resolved.settings.rules['fact.contradiction'], 'error');
    assert.deepEqual(resolved.lexiconPaths, [path.join(root, 'desk'), path.join(root, 'house.lexicon.yaml')]);
    assert.deepEqual(resolved.languages, ['markdown']);
    const untrusted = resolver.resolve(path.join(root, 'd.md'), { editorLayer, editorBaseDir: root, searchRoot: root, trusted: false });
    assert.deepEqual([untrusted.lexiconPaths, untrusted.factBasePaths, untrusted.sourcePaths], [[], [], []]);
    assert.equal(untrusted.settings.sensitivity, 'strict');
    fs.rmSync(root, { recursive: true, force: true });
  });
});
