/**
 * What `npm run generate` writes from the rule registry (server/src/engine/ruleCatalog.ts) and the settings
 * table (server/src/engine/settingsTable.ts): package.json's `contributes.configuration` and
 * `capabilities.untrustedWorkspaces.restrictedConfigurations`, the `.claimlint.yaml` schema, and the settings
 * list at the end of docs/configuration.md; from the rules' declarations also engine/ruleRegistry.ts and the
 * README's rule table. test/unit/registry.test.ts fails while a committed file differs.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ruleDocPath } from '../../server/src/engine/ruleCatalog';
import { RULE_DECLARATIONS as RULES } from '../../server/src/engine/rules/index';
import { generatedRuleRegistry, RULE_REGISTRY_FILE } from './ruleRegistry';
import type { SettingInfo } from '../../server/src/engine/settingsTable';
import { RULE_LEVELS, SETTINGS } from '../../server/src/engine/settingsTable';

const ROOT = path.resolve(__dirname, '..', '..');
export const PACKAGE_FILE = path.join(ROOT, 'package.json');
export const CONFIG_SCHEMA_FILE = path.join(ROOT, 'seeds', 'schema', 'claimlint-config.schema.json');
export const CONFIGURATION_DOC = path.join(ROOT, 'docs', 'configuration.md');
export const README_FILE = path.join(ROOT, 'README.md');

const TABLE: readonly SettingInfo[] = SETTINGS;
const json = (value: unknown): string => JSON.stringify(value, null, 2) + '\n';
/** package.json has always used ASCII apostrophes in the rule summaries. */
const ascii = (text: string): string => text.replace(/\u2019/g, "'");
/** Drops undefined members, keeping the order the others were written in. */
const defined = (value: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));

/** The editor's (package.json) schema of one setting. */
function editorProperty(info: SettingInfo): Record<string, unknown> {
  const shape = info.shape;
  return defined({
    type: shape.type === 'enum' ? 'string' : shape.type === 'list' ? 'array' : shape.type === 'ruleLevels' ? 'object' : shape.type,
    // claimlint.rules has always given its scope first
    ...(shape.type === 'ruleLevels' ? { scope: info.vscodeScope } : {}),
    enum: shape.type === 'enum' ? [...shape.values] : undefined,
    items: shape.type === 'list' ? (shape.items ? { type: 'string', enum: [...shape.items] } : { type: 'string' }) : undefined,
    uniqueItems: shape.type === 'list' ? shape.uniqueItems : undefined,
    default: structuredClone(info.default),
    minimum: shape.type === 'number' || shape.type === 'integer' ? shape.minimum : undefined,
    scope: info.vscodeScope,
    enumDescriptions: shape.type === 'enum' && shape.enumDescriptions ? [...shape.enumDescriptions] : undefined,
    additionalProperties: shape.type === 'ruleLevels' ? false : undefined,
    description: info.description,
    markdownDescription: info.markdownDescription,
    properties:
      shape.type === 'ruleLevels'
        ? Object.fromEntries(
            RULES.map((r) => [r.id, { type: 'string', enum: [...RULE_LEVELS], default: r.defaultSeverity, description: ascii(r.summary) }]),
          )
        : undefined,
  });
}

/** The `.claimlint.yaml` schema of one shared setting. */
function fileProperty(info: SettingInfo): Record<string, unknown> {
  const shape = info.shape;
  const file = info.file ?? { description: '' };
  return defined({
    type: shape.type === 'list' ? 'array' : shape.type === 'ruleLevels' ? 'object' : shape.type === 'enum' ? undefined : shape.type,
    enum: shape.type === 'enum' ? [...shape.values] : undefined,
    items:
      shape.type === 'list'
        ? shape.items
          ? { enum: [...shape.items] }
          : defined({ type: 'string', minLength: file.minLength, maxLength: file.maxLength })
        : undefined,
    uniqueItems: shape.type === 'list' ? shape.uniqueItems : undefined,
    maxItems: file.maxItems,
    description: file.description,
    additionalProperties: shape.type === 'ruleLevels' ? false : undefined,
    properties: shape.type === 'ruleLevels' ? Object.fromEntries(RULES.map((r) => [r.id, { enum: [...RULE_LEVELS] }])) : undefined,
  });
}

/** package.json with the generated parts replaced (`text`: its current contents). */
export function generatedPackage(text: string): string {
  const pkg = JSON.parse(text);
  pkg.capabilities.untrustedWorkspaces.restrictedConfigurations = TABLE.filter((s) => s.restricted).map((s) => `claimlint.${s.key}`);
  pkg.contributes.configuration = {
    title: 'ClaimLint',
    properties: Object.fromEntries(TABLE.map((s) => [`claimlint.${s.key}`, editorProperty(s)])),
  };
  return json(pkg);
}

/** The JSON Schema of `.claimlint.yaml`. */
export function generatedConfigSchema(): string {
  return json({
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://claimlint.dev/schema/claimlint-config.schema.json',
    title: 'ClaimLint configuration (.claimlint.yaml)',
    description: 'The same keys as the claimlint.* VS Code settings. Paths are relative to this file.',
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(TABLE.filter((s) => s.scope === 'shared').map((s) => [s.key, fileProperty(s)])),
  });
}

export const DOC_START = '<!-- every setting: generated from server/src/engine/settingsTable.ts by `npm run generate` -->';
export const DOC_END = '<!-- end of the generated list -->';

const LAYERING: Record<string, string> = {
  last: 'the highest layer that sets it',
  union: 'merged across layers',
  perRule: 'rule by rule, the highest layer that sets it',
};

function shownDefault(info: SettingInfo): string {
  if (info.shape.type === 'ruleLevels') return "each rule's default level";
  if (info.emptyIsUnset && Array.isArray(info.default) && info.default.length === 0) return '—';
  if (Array.isArray(info.default)) return info.default.length === 0 ? '`[]`' : info.default.map((v) => `\`${v}\``).join(', ');
  return `\`${String(info.default)}\``;
}

function layering(info: SettingInfo): string {
  if (info.scope === 'editor') return 'editor only';
  const paths =
    info.paths === 'absolute'
      ? "; paths relative to the layer's folder"
      : info.paths === 'globs'
        ? "; globs relative to the layer's folder"
        : '';
  return `${LAYERING[info.combine ?? 'last']}${paths}${info.restricted ? '; ignored in an untrusted workspace' : ''}`;
}

/** docs/configuration.md with its settings list regenerated (`text`: its current contents). */
export function generatedConfigurationDoc(text: string): string {
  const start = text.indexOf(DOC_START);
  const end = text.indexOf(DOC_END);
  if (start < 0 || end < start) throw new Error(`${CONFIGURATION_DOC}: the markers of the generated list are missing`);
  const rows = TABLE.map((s) => {
    const meaning = (s.markdownDescription ?? s.description ?? '').replace(/#(claimlint\.[\w.]+)#/g, '$1');
    return `| \`claimlint.${s.key}\` | ${s.scope === 'shared' ? `\`${s.key}\`` : '—'} | ${shownDefault(s)} | ${layering(s)} | ${meaning} |`;
  });
  const table = ['| VS Code setting | `.claimlint.yaml` key | default | layers | meaning |', '|---|---|---|---|---|', ...rows].join('\n');
  return `${text.slice(0, start)}${DOC_START}\n\n${table}\n\n${text.slice(end)}`;
}

/** Marks the README's rule table, which `npm run generate` writes from the rules' declarations. */
export const README_RULES_START = "<!-- rule table: generated from the rules' declarations by `npm run generate` -->";
const README_RULES_END = '<!-- end of rule table -->';

/** The README with its rule table written from the declarations (between the two markers). */
export function generatedReadme(text: string): string {
  const start = text.indexOf(README_RULES_START);
  const end = text.indexOf(README_RULES_END);
  if (start < 0 || end < start) throw new Error(`README.md: the rule table markers are missing (${README_RULES_START})`);
  const rows = RULES.map((r) => `| [\`${r.id}\`](${ruleDocPath(r.id)}) | ${r.defaultNote ?? r.defaultSeverity} | ${r.summary} |`);
  const table = ['| id | default | flags |', '|---|---|---|', ...rows].join('\n');
  return `${text.slice(0, start)}${README_RULES_START}\n\n${table}\n\n${text.slice(end)}`;
}

/** Every generated file: its path, what is there now and what `npm run generate` writes. */
export function generatedFiles(): { file: string; current: string; generated: string }[] {
  const read = (file: string): string => fs.readFileSync(file, 'utf8');
  return [
    { file: PACKAGE_FILE, current: read(PACKAGE_FILE), generated: generatedPackage(read(PACKAGE_FILE)) },
    { file: CONFIG_SCHEMA_FILE, current: read(CONFIG_SCHEMA_FILE), generated: generatedConfigSchema() },
    { file: CONFIGURATION_DOC, current: read(CONFIGURATION_DOC), generated: generatedConfigurationDoc(read(CONFIGURATION_DOC)) },
    { file: RULE_REGISTRY_FILE, current: read(RULE_REGISTRY_FILE), generated: generatedRuleRegistry() },
    { file: README_FILE, current: read(README_FILE), generated: generatedReadme(read(README_FILE)) },
  ];
}
