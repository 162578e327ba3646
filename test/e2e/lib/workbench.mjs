// What a user does in the workbench, as Playwright actions: open a draft, hover a phrase, open the
// Problems panel, apply a quick fix, type. Waits are on selectors and page conditions only.
import { installPageHelpers } from './inPage.mjs';

/** Squiggle class suffix of each diagnostic severity, as Monaco draws them. */
export const SQUIGGLE = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };

/** Opens the workbench and waits until the Explorer shows the workspace. */
export async function openWorkbench(browser, url, { timeout = 90_000 } = {}) {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  await page.addInitScript(installPageHelpers);
  await page.goto(url, { timeout });
  await page.waitForSelector('.monaco-workbench', { timeout });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout });
  return page;
}

/** The ClaimLint status bar text once the item is shown (the extension activated). */
export async function waitForStatusItem(page, timeout) {
  const handle = await page.waitForFunction(
    () => {
      const text = window.claimlintE2E.statusText();
      return text && text.includes('ClaimLint:') ? text : null;
    },
    undefined,
    { timeout },
  );
  return handle.jsonValue();
}

/** Opens a workspace file from the Explorer (a single click opens it; previews are off) and waits for its editor. */
export async function openFile(page, name, { timeout = 30_000 } = {}) {
  const label = page
    .locator('.explorer-folders-view .monaco-list-row .label-name')
    .filter({ hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) });
  await label.first().click({ timeout });
  await page.waitForFunction(
    (expected) => {
      const tab = window.claimlintE2E.activeTab();
      return !!tab && tab.includes(expected) && window.claimlintE2E.editorText().trim().length > 0;
    },
    name,
    { timeout },
  );
}

/** Closes the active editor with its tab's close button and waits until its tab is gone. */
export async function closeActiveEditor(page, name, { timeout = 10_000 } = {}) {
  const tab = page.locator('.part.editor .editor-group-container.active .tab.active');
  await tab.hover();
  await tab.locator('.tab-actions .action-label').first().click({ timeout });
  await page.waitForFunction(
    (expected) => ![...document.querySelectorAll('.part.editor .tab')].some((t) => (t.getAttribute('aria-label') ?? '').includes(expected)),
    name,
    { timeout },
  );
}

/**
 * Waits until a squiggle of `kind` (error|warning|info|hint) is drawn under `phrase` in the line holding
 * `context`; resolves to the kinds found there. Rejects on timeout with what was drawn instead.
 */
export async function waitForSquiggle(page, { phrase, context, kind }, timeout) {
  try {
    await page.waitForFunction(
      ({ phrase, context, kind }) => window.claimlintE2E.squigglesOn(phrase, context)?.includes(kind),
      { phrase, context, kind },
      { timeout },
    );
  } catch (error) {
    const found = await page.evaluate(({ phrase, context }) => window.claimlintE2E.squigglesOn(phrase, context), { phrase, context });
    if (found === null) throw new Error(`"${phrase}" is not rendered in the editor (context "${context ?? phrase}")`);
    throw new Error(
      `no ${kind} squiggle under "${phrase}" within ${timeout} ms (squiggles there: ${found.length ? found.join(', ') : 'none'})`,
    );
  }
}

/** Waits until no squiggle of `kind` is drawn under `phrase` (which must be rendered). */
export async function waitForNoSquiggle(page, { phrase, context, kind }, timeout) {
  await page.waitForFunction(
    ({ phrase, context, kind }) => {
      const found = window.claimlintE2E.squigglesOn(phrase, context);
      return found !== null && !found.includes(kind);
    },
    { phrase, context, kind },
    { timeout },
  );
}

/** Centre of the phrase on screen. */
async function phrasePoint(page, phrase, context) {
  const located = await page.evaluate(({ phrase, context }) => window.claimlintE2E.locate(phrase, context), { phrase, context });
  if (!located || located.rects.length === 0) throw new Error(`"${phrase}" is not rendered in the editor`);
  const rect = located.rects[0];
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
}

/** Moves the mouse off the editor (onto the empty part of the activity bar) and waits for any hover card to go. */
export async function dismissHover(page, timeout = 10_000) {
  const bar = await page.locator('.part.activitybar').boundingBox();
  await page.mouse.move(bar.x + bar.width / 2, bar.y + bar.height * 0.6);
  await page.waitForFunction(() => window.claimlintE2E.hoverText() === null, undefined, { timeout });
}

/**
 * Hovers `phrase` and waits until the hover card contains every string of `expected` (compared with
 * runs of white space, non-breaking spaces included, folded to one space); resolves to the card's text.
 * Rejects with the card's text when it does not.
 */
export async function hoverPhrase(page, { phrase, context, expected }, timeout) {
  const fold = (text) => text.replace(/[\s\u00a0]+/g, ' ').trim();
  const wanted = expected.map(fold);
  await dismissHover(page);
  const point = await phrasePoint(page, phrase, context);
  await page.mouse.move(point.x, point.y);
  try {
    const handle = await page.waitForFunction(
      (wanted) => {
        const text = window.claimlintE2E.hoverText()?.replace(/[\s\u00a0]+/g, ' ');
        return text && wanted.every((e) => text.includes(e)) ? text : null;
      },
      wanted,
      { timeout },
    );
    return handle.jsonValue();
  } catch {
    const text = fold((await page.evaluate(() => window.claimlintE2E.hoverText())) ?? '');
    const missing = wanted.filter((e) => !text.includes(e));
    throw new Error(
      text
        ? `hover over "${phrase}" lacks ${missing.map((m) => JSON.stringify(m)).join(', ')}; it shows: ${text.slice(0, 300)}`
        : `no hover card over "${phrase}" within ${timeout} ms`,
    );
  }
}

/**
 * Scrolls the visible hover card with the mouse wheel (the card is sticky, so the mouse can enter it)
 * until `text` is in view, for a screenshot that shows it.
 */
export async function scrollHoverTo(page, text, timeout = 5_000) {
  const placement = () => page.evaluate((t) => window.claimlintE2E.hoverTextPlacement(t), text);
  let where = await placement();
  if (!where) throw new Error(`no visible hover card contains "${text}"`);
  if (where.visible) return;
  const card = page.locator('.monaco-hover:not(.hidden)', { hasText: text }).first();
  const box = await card.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const deadline = Date.now() + timeout;
  while (!where.visible && where.below && Date.now() < deadline) {
    await page.mouse.wheel(0, 60);
    await page
      .waitForFunction(([t, before]) => window.claimlintE2E.hoverTextPlacement(t)?.scrollTop !== before, [text, where.scrollTop], {
        timeout: Math.max(1, deadline - Date.now()),
      })
      .catch(() => undefined);
    where = (await placement()) ?? where;
  }
  if (!where.visible) throw new Error(`could not scroll "${text}" into view in the hover card`);
}

/** Opens the Problems panel (Ctrl+Shift+M) unless it is already visible. */
export async function openProblems(page, timeout = 15_000) {
  if (!(await page.locator('.markers-panel').isVisible())) await page.keyboard.press('Control+Shift+M');
  await page.waitForSelector('.markers-panel', { state: 'visible', timeout });
}

/** Hides the panel with its own "Hide Panel" button. */
export async function closePanel(page, timeout = 10_000) {
  if (!(await page.locator('.part.panel').isVisible())) return;
  await page
    .locator(
      '.part.panel .global-actions .action-label[aria-label^="Hide Panel"], .part.panel .title-actions .action-label[aria-label^="Hide Panel"]',
    )
    .first()
    .click({ timeout });
  await page.waitForSelector('.part.panel', { state: 'hidden', timeout });
}

/** The rendered Problems rows grouped by file (the list is virtual: keep few drafts open). */
export function problemsByFile(page) {
  return page.evaluate(() => window.claimlintE2E.problemsByFile());
}

/** Waits until a Problems row of `file` containing all `parts` is listed (`present`) or gone (`!present`). */
export async function waitForProblemRow(page, { file, parts, present = true }, timeout) {
  try {
    await page.waitForFunction(
      ({ file, parts, present }) => window.claimlintE2E.hasProblemRow(file, parts) === present,
      { file, parts, present },
      { timeout },
    );
  } catch {
    throw new Error(
      `the Problems panel ${present ? 'never listed' : 'still lists'} a row of ${file} with ${parts.map((p) => JSON.stringify(p)).join(' and ')}`,
    );
  }
}

/** Clicks into `phrase` (placing the cursor there) and opens the quick-fix menu with Ctrl+. ; resolves to its entries. */
export async function openQuickFixMenu(page, { phrase, context }, timeout = 15_000) {
  const point = await phrasePoint(page, phrase, context);
  await page.mouse.click(point.x, point.y);
  await page.keyboard.press('Control+.');
  const menu = page.locator('.action-widget');
  await menu.waitFor({ state: 'visible', timeout });
  await menu.locator('.monaco-list-row.action').first().waitFor({ state: 'visible', timeout });
  return menu.locator('.monaco-list-row.action').allInnerTexts();
}

/**
 * Picks an entry of the open quick-fix menu by its title. The widget lays an invisible pointer block over
 * the workbench until the mouse moves (VS Code's actionWidget), so the mouse moves onto the entry first.
 */
export async function pickQuickFix(page, title, timeout = 10_000) {
  const menu = page.locator('.action-widget');
  const entry = menu.locator('.monaco-list-row.action', { hasText: title }).first();
  const box = await entry.boundingBox();
  if (!box) throw new Error(`quick-fix entry ${title} is not shown`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForSelector('.context-view-pointerBlock', { state: 'detached', timeout });
  await entry.click({ timeout });
  await menu.waitFor({ state: 'hidden', timeout });
}

/** Double-clicks a word (selecting it, as a user would) and types its replacement. */
export async function retypeWord(page, { phrase, context }, replacement) {
  const point = await phrasePoint(page, phrase, context);
  await page.mouse.dblclick(point.x, point.y);
  await page.waitForFunction(
    () => document.querySelector('.part.editor .editor-group-container.active .monaco-editor .selected-text') !== null,
    undefined,
    { timeout: 5_000 },
  );
  await page.keyboard.type(replacement);
}

/** Waits until the active editor's text satisfies `predicate(text)` given as a serialisable check. */
export async function waitForEditorText(page, { contains = [], lacks = [] }, timeout = 10_000) {
  try {
    await page.waitForFunction(
      ({ contains, lacks }) => {
        const text = window.claimlintE2E.editorText();
        return contains.every((c) => text.includes(c)) && lacks.every((l) => !text.includes(l));
      },
      { contains, lacks },
      { timeout },
    );
  } catch {
    const text = await page.evaluate(() => window.claimlintE2E.editorText());
    throw new Error(`editor text did not become ${JSON.stringify({ contains, lacks })}; it is: ${text.slice(0, 400)}`);
  }
}

/** Runs a command from the palette (Ctrl+Shift+P) by its full title, once the palette lists it. */
export async function runCommand(page, title, timeout = 10_000) {
  await page.keyboard.press('Control+Shift+P');
  const widget = page.locator('.quick-input-widget');
  await widget.waitFor({ state: 'visible', timeout });
  await page.keyboard.type(title);
  await widget.locator('.monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible', timeout });
  await page.keyboard.press('Enter');
}

/** Answers an input box the extension opened (its title or prompt holding `asks`) with `text`. */
export async function answerInputBox(page, asks, text, timeout = 10_000) {
  const widget = page.locator('.quick-input-widget', { hasText: asks });
  await widget.waitFor({ state: 'visible', timeout });
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await widget.waitFor({ state: 'hidden', timeout });
}

/** Waits until a row of the view pane `title` contains every string of `parts`; resolves to the rows. */
export async function waitForViewRow(page, title, parts, timeout) {
  try {
    await page.waitForFunction(
      ({ title, parts }) => window.claimlintE2E.viewRows(title).some((row) => parts.every((part) => row.text.includes(part))),
      { title, parts },
      { timeout },
    );
  } catch {
    const rows = await page.evaluate((title) => window.claimlintE2E.viewRows(title).map((r) => r.text), title);
    throw new Error(
      `the ${title} view never showed a row with ${parts.map((p) => JSON.stringify(p)).join(' and ')}; rows: ${JSON.stringify(rows).slice(0, 800)}`,
    );
  }
}

/** Clicks the first row of the view pane `title` that contains `text`. */
export async function clickViewRow(page, title, text, timeout = 10_000) {
  const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: title }) });
  await pane.locator('.pane-body .monaco-list-row', { hasText: text }).first().click({ timeout });
}

/** Sets the side bar's width by dragging its sash, as a user would. */
export async function dragSideBarTo(page, width) {
  const sideBar = await page.locator('.part.sidebar').boundingBox();
  if (!sideBar || Math.abs(sideBar.width - width) < 20) return;
  await page.mouse.move(sideBar.x + sideBar.width + 1, sideBar.y + sideBar.height / 2);
  await page.mouse.down();
  await page.mouse.move(sideBar.x + width, sideBar.y + sideBar.height / 2, { steps: 5 });
  await page.mouse.up();
}
