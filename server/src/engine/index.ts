/**
 * The engine's one door: everything outside server/src/engine/ (the server, the CLI, the workspace
 * layer and the client) imports the engine from here. The engine is pure: text, settings and knowledge in,
 * findings out; it knows nothing of LSP, VS Code or the file system.
 */
export { factsCited } from './citations';
export type { Citation } from './citations';
export { CONFIG_FILE_NAME, parseConfigFile, resolveLintSettings, resolvedSetting } from './config';
export type { ClaimLintConfig } from './config';
export { allowListEdit } from './configEdits';
export { shiftFinding } from './findings';
export { MAX_PATTERNS_PER_LIST, globPatterns, globProblem } from './globs';
export { DATA_FILE_LIMITS, MAX_DATA_FILE_BYTES, formatProblem, shownProblems } from './knowledge/dataFile';
export type { Fact } from './knowledge/factTypes';
export { buildKnowledge } from './knowledge/knowledge';
export type { Knowledge, KnowledgeFiles, ReadSource } from './knowledge/knowledge';
export { LintCache, lintDocument, lintDocumentInSlices } from './lint';
export type { LintOutcome } from './lint';
export { RULES, RULE_FAMILIES, ruleDocPath } from './ruleCatalog';
export { excerpt } from './rules/factMessages';
export { describeSlot, slotsOf } from './facts/slots';
export type { Slot } from './facts/slots';
export type { LintSettings } from './settings';
export { DEFAULT_EXCLUDE, DEFAULT_LANGUAGES, GLOB_KEYS, SHARED_SETTINGS, editorValue, settingInfo } from './settingsTable';
export type { EditorSettings } from './settingsTable';
export { readSource } from './sources/readSource';
export { commonEnds } from './text/commonEnds';
export { SOURCE_SCHEME, sourceWindowUri, wrapKeepingOffsets } from './text/sourceWindow';
export { warmUpTagger } from './text/tagger';
export type { DataFileText, DataProblem, DocumentFormat, Finding, Fix, Severity, SourceRef } from './types';
