#!/usr/bin/env node
// Real-editor end-to-end tests: the packaged extension installed into code-server (the real VS Code
// workbench), driven in Chromium with playwright-core. Checks what a user sees: squiggles per rule
// family, the Problems panel, hover cards, a quick fix, lint-as-you-type, the status bar.
// Prerequisites come from test/e2e/setup.sh (run when missing). See ../shared/notes/real-vscode-e2e.md.
//
// Environment: CLAIMLINT_E2E_KEEP=1 keeps the temp sandbox; CLAIMLINT_E2E_REPACKAGE=1 forces `npm run package`.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSandbox, installExtension, startCodeServer } from './lib/codeServer.mjs';
import { expectedFindings, factSource, statusSummary } from './lib/expected.mjs';
import { Blocked, check, runCases } from './lib/harness.mjs';
import { CHROMIUM_LAUNCH, codeServerPaths, ensurePackage, ensureTools } from './lib/prerequisites.mjs';
import {
  answerInputBox,
  clickViewRow,
  closeActiveEditor,
  closePanel,
  dismissHover,
  dragSideBarTo,
  hoverPhrase,
  openFile,
  openProblems,
  openQuickFixMenu,
  openWorkbench,
  pickQuickFix,
  problemsByFile,
  retypeWord,
  runCommand,
  scrollHoverTo,
  SQUIGGLE,
  waitForEditorText,
  waitForNoSquiggle,
  waitForProblemRow,
  waitForSquiggle,
  waitForStatusItem,
  waitForViewRow,
} from './lib/workbench.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const SCREENSHOTS = path.join(HERE, 'screenshots');
const RUN_DEADLINE_MS = 9 * 60_000;

/** The shared expectations: the drafts copied into the workspace and one squiggle check per rule. */
const EXPECTATIONS = JSON.parse(fs.readFileSync(path.join(HERE, 'families.json'), 'utf8'));
const FAMILY_CHECKS = EXPECTATIONS.checks;
const DRAFTS = Object.fromEntries(Object.entries(EXPECTATIONS.drafts).map(([name, file]) => [name, path.join(REPO, file)]));

const FIRST_LINT_MS = 60_000; // extension activation + server start + first diagnostics
const SETTLE_MS = 20_000; // a draft's diagnostics after it opens
const RENDER_MS = 10_000; // a squiggle / hover / row after the diagnostics are there

const started = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`;

const resources = { codeServer: undefined, browser: undefined, sandbox: undefined };
let cleaning;
let interrupted = false;

/** Stops Chromium and code-server and removes the sandbox; safe to call more than once. */
function cleanUp() {
  cleaning ??= (async () => {
    const { browser, codeServer, sandbox } = resources;
    if (browser) await browser.close().catch(() => undefined);
    if (codeServer) await codeServer.shutdown().catch(() => codeServer.killNow());
    resources.codeServer = undefined;
    if (sandbox && process.env.CLAIMLINT_E2E_KEEP !== '1') fs.rmSync(sandbox.root, { recursive: true, force: true });
    else if (sandbox) console.log(`kept sandbox ${sandbox.root}`);
  })();
  return cleaning;
}

// Last resort when the process exits without cleanUp finishing: kill the code-server group.
process.on('exit', () => resources.codeServer?.killNow());
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.log(`\n${signal}: stopping code-server and Chromium`);
    void cleanUp().finally(() => process.exit(130));
  });
}
const watchdog = setTimeout(() => {
  console.log(`FAIL  the run exceeded ${seconds(RUN_DEADLINE_MS)}; stopping`);
  interrupted = true;
  void cleanUp().finally(() => process.exit(1));
}, RUN_DEADLINE_MS);
watchdog.unref();

function slug(name) {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}

function prepareScreenshots() {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  for (const file of fs.readdirSync(SCREENSHOTS)) if (file.endsWith('.png')) fs.rmSync(path.join(SCREENSHOTS, file));
}

async function main() {
  // --- prerequisites ---------------------------------------------------------------------------
  if (ensureTools(REPO)) console.log(`prerequisites installed (${seconds(Date.now() - started)})`);
  const packageStart = Date.now();
  const { vsix, packaged } = ensurePackage(REPO);
  console.log(`${packaged ? 'packaged' : 'reusing fresh'} ${path.relative(REPO, vsix)} (${seconds(Date.now() - packageStart)})`);

  const cs = codeServerPaths(REPO);
  const sandbox = (resources.sandbox = createSandbox(DRAFTS));
  const extensionDir = installExtension(cs.entry, sandbox, vsix);
  const expected = expectedFindings(extensionDir, sandbox.workspace, Object.keys(DRAFTS));
  const visible = (file) => expected[file].filter((f) => f.severity !== 'hint');

  const { chromium } = createRequire(path.join(REPO, 'package.json'))('playwright-core');
  const serverStart = Date.now();
  resources.codeServer = await startCodeServer(cs.entry, sandbox);
  console.log(`code-server on port ${resources.codeServer.port} (${seconds(Date.now() - serverStart)}); sandbox ${sandbox.root}`);
  resources.browser = await chromium.launch(CHROMIUM_LAUNCH);
  prepareScreenshots();

  let page;
  let workbenchError;
  const needWorkbench = () => {
    if (!page) throw new Blocked(`blocked: the workbench did not start (${workbenchError})`);
    return page;
  };

  /** Maximises the panel (or restores its size) with its own title-bar button, when it is not so already. */
  async function maximizePanel(p, maximized) {
    const button = p.locator(`.part.panel [aria-label^="${maximized ? 'Maximize Panel Size' : 'Restore Panel Size'}"]`).first();
    if (await button.count()) await button.click();
  }

  /** Shows `file` in the editor, closing the previous draft first when it has no unsaved edits. */
  async function showDraft(file) {
    const p = needWorkbench();
    await p.keyboard.press('Escape'); // close any menu or widget a failed case left open
    const active = await p.evaluate(() => window.claimlintE2E.activeTab());
    if (active?.includes(file)) return p;
    const dirty = await p.locator('.part.editor .tab.active.dirty').count();
    if (active && !dirty) await closeActiveEditor(p, active.split(',')[0].trim());
    await openFile(p, file);
    // Settled: the status bar shows this draft's counts as the engine computes them (or the wait ran out).
    await p
      .waitForFunction((summary) => window.claimlintE2E.statusText()?.includes(summary), statusSummary(visible(file)), {
        timeout: SETTLE_MS,
      })
      .catch(() => undefined);
    return p;
  }

  const familyCase = (c) => ({
    name: `squiggle: ${c.rule} (${c.severity}) under "${c.phrase}" in ${c.file}`,
    run: async () => {
      const p = await showDraft(c.file);
      await waitForSquiggle(p, { phrase: c.phrase, context: c.context, kind: SQUIGGLE[c.severity] }, RENDER_MS);
      await hoverPhrase(p, { phrase: c.phrase, context: c.context, expected: [c.rule] }, RENDER_MS);
      await dismissHover(p);
    },
  });
  const familiesIn = (file) => FAMILY_CHECKS.filter((c) => c.file === file).map(familyCase);
  const laterFiles = [...new Set(FAMILY_CHECKS.map((c) => c.file))].filter((f) => f !== 'sample-draft.md' && f !== 'plain-draft.txt');

  const cases = [
    {
      name: 'workbench: code-server serves VS Code and ClaimLint activates on a Markdown draft',
      run: async () => {
        try {
          const p = await openWorkbench(resources.browser, resources.codeServer.url);
          await openFile(p, 'sample-draft.md', { timeout: FIRST_LINT_MS });
          const text = await waitForStatusItem(p, FIRST_LINT_MS);
          check(text.includes('ClaimLint:'), `status item text: ${text}`);
          await p.waitForFunction(() => window.claimlintE2E.squiggles().length > 0, undefined, { timeout: FIRST_LINT_MS }); // the first diagnostics
          page = p;
        } catch (error) {
          workbenchError = error.message.split('\n')[0];
          throw error;
        }
      },
    },
    ...familiesIn('sample-draft.md'),
    {
      name: 'hover: a loaded term shows the rule, the message, the reason and an alternative',
      run: async () => {
        const p = await showDraft('sample-draft.md');
        const finding = visible('sample-draft.md').find((f) => f.rule === 'loaded.term' && f.message.includes('"dictator"'));
        check(finding, 'the CLI reports no loaded.term finding for "dictator"');
        await hoverPhrase(
          p,
          { phrase: 'dictator', context: 'Syrian dictator Bashar', expected: ['loaded.term', finding.message, 'Why:', 'president'] },
          RENDER_MS,
        );
        await p.screenshot({ path: path.join(SCREENSHOTS, 'editor-hover.png'), animations: 'disabled' });
        await dismissHover(p);
      },
    },
    {
      name: 'hover: a fact contradiction shows the source title, outlet and verbatim passage',
      run: async () => {
        const p = await showDraft('sample-draft.md');
        const source = factSource(extensionDir, REPO, '140,000');
        await hoverPhrase(
          p,
          {
            phrase: '200,000',
            context: 'Iran deployed 200,000 Shiite fighters',
            expected: ['fact.contradiction', source.title, source.outlet, source.passage],
          },
          RENDER_MS,
        );
        await scrollHoverTo(
          p,
          source.passage
            .replace(/[\s\u00a0]+/g, ' ')
            .trim()
            .slice(-40),
        ); // the passage's end: its start is also in the message
        await p.screenshot({ path: path.join(SCREENSHOTS, 'editor-hover-fact.png'), animations: 'disabled' });
        await dismissHover(p);
      },
    },
    {
      name: "hover: a disputed report shows the speaker's claim and the source's side by side",
      run: async () => {
        const p = await showDraft('sample-draft.md');
        const finding = visible('sample-draft.md').find((f) => f.rule === 'fact.disputed-report');
        // the CLI's message names both claims: 'The Kremlin says "Moscow"; the source says Sochi — …'
        const [, by, claim, sourceSays] = /^(.+) says? "(.+)"; the source says (.+?) \u2014/.exec(finding?.message ?? '') ?? [];
        check(claim === 'Moscow', `the CLI reports no disputed report on "Moscow" (${finding?.message})`);
        await hoverPhrase(
          p,
          {
            phrase: claim,
            context: 'in Moscow on Tuesday',
            expected: ['fact.disputed-report', `${by} says:`, 'The source says:', sourceSays],
          },
          RENDER_MS,
        );
        await p.screenshot({ path: path.join(SCREENSHOTS, 'editor-hover-disputed.png'), animations: 'disabled' });
        await dismissHover(p);
      },
    },
    {
      name: 'status bar: "ClaimLint:" item shows the counts by family',
      run: async () => {
        const p = await showDraft('sample-draft.md');
        const summary = statusSummary(visible('sample-draft.md'));
        try {
          await p.waitForFunction((s) => window.claimlintE2E.statusText()?.includes(s), summary, { timeout: RENDER_MS });
        } catch {
          throw new Error(
            `status bar shows "${await p.evaluate(() => window.claimlintE2E.statusText())}", expected "ClaimLint: ${summary}"`,
          );
        }
        const text = await p.evaluate(() => window.claimlintE2E.statusText());
        check(/^ClaimLint: fact \d+ · attribution \d+ · loaded [1-9]\d*$/.test(text), `unexpected status text "${text}"`);
      },
    },
    {
      name: 'problems panel: Ctrl+Shift+M lists every finding with its rule id and message',
      run: async () => {
        const p = await showDraft('sample-draft.md');
        await openProblems(p);
        // fact findings carry their source passages as child rows: maximise, so every row is rendered
        await maximizePanel(p, true);
        const findings = visible('sample-draft.md');
        check(findings.length > 0, 'the CLI reports no findings for sample-draft.md');
        const rowParts = (f) => [f.message, f.rule, `[Ln ${f.range.start.line + 1}, Col ${f.range.start.character + 1}]`];
        await p
          .waitForFunction(
            (all) => all.every((parts) => window.claimlintE2E.hasProblemRow('sample-draft.md', parts)),
            findings.map(rowParts),
            { timeout: RENDER_MS },
          )
          .catch(() => undefined);
        await p.screenshot({ path: path.join(SCREENSHOTS, 'problems-panel.png'), animations: 'disabled' });
        const groups = await problemsByFile(p);
        const rows = groups['sample-draft.md'] ?? [];
        const missing = findings.filter((f) => !rows.some((r) => rowParts(f).every((part) => r.text.includes(part))));
        check(
          missing.length === 0,
          `${missing.length} of ${findings.length} finding(s) missing from the Problems panel, e.g. ${missing[0]?.rule} "${missing[0]?.message}" (${rows.length} rows listed for sample-draft.md)`,
        );
        const rules = new Set(findings.map((f) => f.rule));
        console.log(`      ${findings.length} rows in the Problems panel for sample-draft.md (${[...rules].join(', ')})`);
        await maximizePanel(p, false);
        await closePanel(p);
      },
    },
    ...laterFiles.flatMap(familiesIn),
    {
      name: 'quick fix: Ctrl+. on a loaded term, pick "Replace with "president"", the text changes',
      run: async () => {
        const p = await showDraft('loaded-terms.md');
        const target = { phrase: 'dictator', context: 'The Syrian dictator received' };
        await waitForSquiggle(p, { ...target, kind: 'warning' }, RENDER_MS);
        const entries = await openQuickFixMenu(p, target);
        const title = 'Replace with "president"';
        check(
          entries.some((e) => e.includes(title)),
          `the quick-fix menu lacks ${title}: ${entries.join(' | ')}`,
        );
        await pickQuickFix(p, title);
        await waitForEditorText(p, { contains: ['The Syrian president received'], lacks: ['The Syrian dictator received'] });
        await waitForNoSquiggle(p, { phrase: 'president', context: 'The Syrian president received', kind: 'warning' }, RENDER_MS);
        // the status bar counts the whole loaded family (terms and scare quotes); one term was just replaced
        const loadedAfter = visible('loaded-terms.md').filter((f) => f.rule.startsWith('loaded.')).length - 1;
        await p.waitForFunction((n) => window.claimlintE2E.statusText()?.endsWith(`loaded ${n}`), loadedAfter, { timeout: RENDER_MS });
      },
    },
    ...familiesIn('plain-draft.txt'),
    {
      name: 'typing: replacing "regime" by "government" clears its squiggle, Problems row and count',
      run: async () => {
        const p = await showDraft('plain-draft.txt');
        const target = { phrase: 'regime', context: 'The regime sent' };
        await waitForSquiggle(p, { ...target, kind: 'warning' }, RENDER_MS);
        await openProblems(p);
        const row = { file: 'plain-draft.txt', parts: ['"regime" is loaded', 'loaded.term'] };
        await waitForProblemRow(p, { ...row, present: true }, RENDER_MS);
        const before = await p.evaluate(() => window.claimlintE2E.statusText());
        const loadedBefore = Number(/loaded (\d+)/.exec(before ?? '')?.[1]);
        check(loadedBefore >= 1, `status bar before typing: "${before}"`);
        await retypeWord(p, target, 'government');
        await waitForEditorText(p, { contains: ['The government sent'], lacks: ['The regime sent'] });
        await waitForNoSquiggle(p, { phrase: 'government', context: 'The government sent', kind: 'warning' }, RENDER_MS);
        await waitForProblemRow(p, { ...row, present: false }, RENDER_MS);
        await p.waitForFunction((n) => window.claimlintE2E.statusText()?.endsWith(`loaded ${n}`), loadedBefore - 1, { timeout: RENDER_MS });
        await closePanel(p);
      },
    },
    {
      name: 'own windows: "Open source passage" opens the article read-only, titled by headline and outlet, never linted; so does the fact base as Markdown',
      run: async () => {
        const p = await showDraft('sample-draft.md');
        const source = factSource(extensionDir, REPO, '140,000');
        // the contradiction's source passage is a child row of its Problems row (relatedInformation)
        await openProblems(p);
        await maximizePanel(p, true);
        const childRow = [
          `${source.outlet}, ${source.date}:`,
          source.passage
            .replace(/[\s\u00a0]+/g, ' ')
            .trim()
            .slice(0, 30),
        ];
        await p
          .waitForFunction(
            (parts) => window.claimlintE2E.problemRows().some((row) => parts.every((part) => row.text.includes(part))),
            childRow,
            { timeout: RENDER_MS },
          )
          .catch(async () => {
            const rows = await p.evaluate(() => window.claimlintE2E.problemRows().map((r) => r.text));
            const found = rows.some((t) => childRow.every((part) => t.includes(part)));
            check(found, `no Problems row holds ${JSON.stringify(childRow)}; rows: ${JSON.stringify(rows).slice(0, 600)}`);
          });
        await maximizePanel(p, false);
        await closePanel(p);
        await hoverPhrase(
          p,
          { phrase: '200,000', context: 'Iran deployed 200,000 Shiite fighters', expected: ['Open source passage'] },
          RENDER_MS,
        );
        await scrollHoverTo(p, 'Open source passage');
        await p.locator('.monaco-hover:not(.hidden) a', { hasText: 'Open source passage' }).first().click();
        await p.waitForFunction((outlet) => window.claimlintE2E.activeTab()?.includes(outlet), source.outlet, { timeout: RENDER_MS });
        const tab = await p.evaluate(() => window.claimlintE2E.activeTab());
        check(tab.includes(source.title.slice(0, 30)), `the source window is not titled by its headline: ${tab}`);
        check(!/\d{3}_[0-9a-f]{16}\.txt/.test(tab), `the source window is titled by the seed's file name: ${tab}`);
        const fold = (text) => text.replace(/\s+/g, ' ');
        const text = await p.evaluate(() => window.claimlintE2E.editorText());
        check(fold(text).includes(fold(source.passage)), 'the source window does not hold the passage');
        // ClaimLint's own windows are not drafts: once the status bar has moved from the draft's counts to this
        // window's (none), the client has taken the window in; it must show no squiggles
        await p
          .waitForFunction(() => /fact 0 · attribution 0 · loaded 0$/.test(window.claimlintE2E.statusText() ?? ''), undefined, {
            timeout: RENDER_MS,
          })
          .catch(async () =>
            check(
              false,
              `the status bar never showed no findings for the source window: ${await p.evaluate(() => window.claimlintE2E.statusText())}`,
            ),
          );
        check((await p.evaluate(() => window.claimlintE2E.squiggles().length)) === 0, 'the source window has squiggles');
        await p.keyboard.type('x');
        check((await p.evaluate(() => window.claimlintE2E.editorText())) === text, 'the source window accepted typing');
        await runCommand(p, 'ClaimLint: Open Fact Base as Markdown');
        await p.waitForFunction(() => window.claimlintE2E.activeTab()?.includes('ClaimLint fact base'), undefined, { timeout: RENDER_MS });
        const dirty = await p.locator('.part.editor .tab.dirty', { hasText: 'ClaimLint fact base' }).count();
        check(dirty === 0, 'the fact base window is marked unsaved');
        // for the screenshot only: the Markdown preview (VS Code's, in nested webview frames) has rendered
        await p
          .frameLocator('iframe.webview.ready')
          .frameLocator('iframe#active-frame')
          .locator('h1', { hasText: 'ClaimLint fact base' })
          .waitFor({ timeout: RENDER_MS })
          .catch(() => undefined);
        await p.screenshot({ path: path.join(SCREENSHOTS, 'own-windows.png'), animations: 'disabled' });
        // the preview opened a second editor group: close it with its tab's close button (the group goes with it)
        const preview = p.locator('.part.editor .tab', { hasText: 'Preview ClaimLint fact base.md' }).first();
        await preview.hover();
        await preview.locator('.tab-actions .action-label').first().click({ timeout: RENDER_MS });
        await p.waitForFunction(() => document.querySelectorAll('.part.editor .editor-group-container').length === 1, undefined, {
          timeout: RENDER_MS,
        });
      },
    },
    {
      name: 'quick fix: "Officials say" offers "Name the source" and "Say why the source cannot be named"; the [SOURCE] left in is flagged until filled',
      run: async () => {
        const p = await showDraft('sample-draft.md');
        const target = { phrase: 'Officials', context: 'Officials say the new Iranian base' };
        await waitForSquiggle(p, { ...target, kind: 'info' }, RENDER_MS);
        const entries = await openQuickFixMenu(p, target);
        check(
          entries.some((e) => e.includes('Say why the source cannot be named')),
          `the quick-fix menu lacks "Say why the source cannot be named": ${entries.join(' | ')}`,
        );
        await pickQuickFix(p, 'Name the source');
        await waitForEditorText(p, { contains: ['[SOURCE] say the new Iranian base'], lacks: ['Officials say the new Iranian base'] });
        await waitForSquiggle(p, { phrase: '[SOURCE]', context: '[SOURCE] say the new Iranian base', kind: 'warning' }, RENDER_MS);
        await p.screenshot({ path: path.join(SCREENSHOTS, 'vague-source-fix.png'), animations: 'disabled' });
        await p.keyboard.press('Control+Z');
        await waitForEditorText(p, { contains: ['Officials say the new Iranian base'], lacks: ['[SOURCE]'] });
      },
    },
    {
      name: "configuration: a .claimlint.yaml with a syntax error turns the status bar to a warning and is said once in the draft's problems; deleting it clears both",
      run: async () => {
        const p = await showDraft('loaded-terms.md');
        const config = path.join(sandbox.workspace, '.claimlint.yaml');
        fs.writeFileSync(config, 'allow: [thugs\n');
        try {
          await p
            .waitForFunction(() => window.claimlintE2E.statusText()?.includes('(configuration problem)'), undefined, { timeout: SETTLE_MS })
            .catch(async () =>
              check(
                false,
                `the status bar never told of the configuration problem: ${await p.evaluate(() => window.claimlintE2E.statusText())}`,
              ),
            );
          await openProblems(p);
          await waitForProblemRow(
            p,
            {
              file: 'loaded-terms.md',
              parts: ["ClaimLint's configuration has a problem (.claimlint.yaml)", 'YAML syntax', 'config.invalid'],
            },
            RENDER_MS,
          );
          const notices = (await problemsByFile(p))['loaded-terms.md'].filter((row) => row.text.includes("ClaimLint's configuration"));
          check(notices.length === 1, `the draft shows the configuration problem ${notices.length} times`);
          await p.screenshot({ path: path.join(SCREENSHOTS, 'config-problem.png'), animations: 'disabled' });
        } finally {
          fs.rmSync(config, { force: true });
        }
        // the problem goes with the file, from the file's own rows too
        await waitForProblemRow(p, { file: '.claimlint.yaml', parts: ['YAML syntax'], present: false }, SETTLE_MS);
        await p
          .waitForFunction(() => /^ClaimLint: fact/.test(window.claimlintE2E.statusText() ?? ''), undefined, { timeout: SETTLE_MS })
          .catch(async () =>
            check(
              false,
              `the status bar still tells of a configuration problem: ${await p.evaluate(() => window.claimlintE2E.statusText())}`,
            ),
          );
        await closePanel(p);
      },
    },
    {
      name: 'fact base view: Show Fact Base lists facts by source; a search for "Hmeimim" finds the Hmeymim air base; a fact shows the draft that contradicts it and opens its passage',
      run: async () => {
        const view = 'ClaimLint Fact Base';
        const p = await showDraft('sample-draft.md');
        const source = factSource(extensionDir, REPO, '140,000');
        await runCommand(p, 'ClaimLint: Show Fact Base');
        await waitForViewRow(p, view, [source.title.slice(0, 30), source.outlet], RENDER_MS);
        await runCommand(p, 'ClaimLint: Search the Fact Base');
        await answerInputBox(p, 'Search the fact base', 'Hmeimim');
        await p.waitForFunction((view) => /matching \u201CHmeimim\u201D/.test(window.claimlintE2E.viewMessage(view) ?? ''), view, {
          timeout: RENDER_MS,
        });
        await waitForViewRow(p, view, ['Hmeymim air base'], RENDER_MS);
        await runCommand(p, 'ClaimLint: Search the Fact Base');
        await answerInputBox(p, 'Search the fact base', '140,000');
        // the fact, with the draft that contradicts it as a child row
        await waitForViewRow(p, view, [source.statement, 'contradicted 1×'], RENDER_MS);
        await waitForViewRow(p, view, ['sample-draft.md:', 'contradicts', '"200,000"'], RENDER_MS);
        // widen the side bar, as a reader of the view would, for the README's screenshot
        await dragSideBarTo(p, 900);
        await p.screenshot({ path: path.join(SCREENSHOTS, 'fact-base-view.png'), animations: 'disabled' });
        await clickViewRow(p, view, source.statement);
        await p.waitForFunction((outlet) => window.claimlintE2E.activeTab()?.includes(outlet), source.outlet, { timeout: RENDER_MS });
        const fold = (text) => text.replace(/\s+/g, ' ');
        check(
          fold(await p.evaluate(() => window.claimlintE2E.editorText())).includes(fold(source.passage)),
          'the fact did not open its source passage',
        );
        await clickViewRow(p, view, 'sample-draft.md:');
        await p.waitForFunction(() => window.claimlintE2E.activeTab()?.includes('sample-draft.md'), undefined, { timeout: RENDER_MS });
        await runCommand(p, 'ClaimLint: Clear Fact Base Search');
        await p.waitForFunction((view) => window.claimlintE2E.viewMessage(view) === null, view, { timeout: RENDER_MS });
      },
    },
    {
      name: 'source documents: with sources in .claimlint.yaml, a misquote of a press release shows the release in the hover, and "Open source passage" opens it at the passage',
      run: async () => {
        // the reporter drops a folder of sources into the workspace and names it in .claimlint.yaml
        const sources = path.join(sandbox.workspace, 'sources');
        fs.cpSync(path.join(REPO, 'examples', 'sources'), sources, { recursive: true });
        fs.copyFileSync(path.join(REPO, 'examples', 'sources-draft.md'), path.join(sandbox.workspace, 'sources-draft.md'));
        fs.writeFileSync(path.join(sandbox.workspace, '.claimlint.yaml'), 'sources: [sources]\n');
        const p = needWorkbench();
        await p.keyboard.press('Escape');
        // the side bar back to its usual width (the fact base case widened it)
        await dragSideBarTo(p, 300);
        await openFile(p, 'sources-draft.md', { timeout: SETTLE_MS });
        const target = { phrase: 'cannot', context: 'We cannot let the harbour silt up again' };
        await waitForSquiggle(p, { ...target, kind: 'warning' }, SETTLE_MS);
        const release = 'Council approves £4.5 million plan to reopen Eastmere inner harbour';
        await hoverPhrase(
          p,
          {
            ...target,
            expected: [
              'fact.misquote',
              release,
              'Eastmere Harbour Council',
              'will not let the harbour silt up again',
              'Open source passage',
            ],
          },
          RENDER_MS,
        );
        await p.screenshot({ path: path.join(SCREENSHOTS, 'source-document-hover.png'), animations: 'disabled' });
        await scrollHoverTo(p, 'Open source passage');
        await p.locator('.monaco-hover:not(.hidden) a', { hasText: 'Open source passage' }).first().click();
        await p.waitForFunction(() => window.claimlintE2E.activeTab()?.includes('press-release-harbour-council.md'), undefined, {
          timeout: RENDER_MS,
        });
        await p
          .waitForFunction(() => window.claimlintE2E.activeEditor()?.querySelector('.selected-text') !== null, undefined, {
            timeout: RENDER_MS,
          })
          .catch(() => check(false, 'the passage is not selected in the source document'));
        // a source document is not a draft: no squiggles of its own
        check((await p.evaluate(() => window.claimlintE2E.squiggles().length)) === 0, 'the source document has squiggles');
      },
    },
  ];

  const results = await runCases(cases, {
    stopped: () => interrupted,
    onFailure: async (name) => {
      if (page) await page.screenshot({ path: path.join(SCREENSHOTS, `fail-${slug(name)}.png`), animations: 'disabled' });
    },
  });
  if (interrupted) {
    console.log(`\nINTERRUPTED after ${results.length} of ${cases.length} cases; the run did not complete`);
    return 130;
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(`\n${results.length - failed} passed, ${failed} failed (${seconds(Date.now() - started)} total)`);
  return failed === 0 ? 0 : 1;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  if (interrupted) console.log('\nINTERRUPTED; the run did not complete');
  else console.log(`FAIL  e2e setup: ${error.message}`);
  exitCode = interrupted ? 130 : 1;
} finally {
  await cleanUp();
}
process.exit(exitCode);
