// Helpers that run inside the workbench page (installed with page.addInitScript). They read what the
// user sees: rendered view lines, squiggle decorations, hover cards, Problems rows, the status bar.
// Everything is found by geometry and text, never by reaching into VS Code's internals.

/** Installs `window.claimlintE2E`. Must be self-contained: Playwright serialises it into the page. */
export function installPageHelpers() {
  const normalise = (text) => (text ?? '').replace(/\u00a0/g, ' ');

  /** The editor of the active editor group (one editor is rendered per group). */
  function activeEditor() {
    const group = document.querySelector('.part.editor .editor-group-container.active') ?? document.querySelector('.part.editor');
    return group?.querySelector('.editor-instance .monaco-editor') ?? null;
  }

  function viewLines() {
    const editor = activeEditor();
    if (!editor) return [];
    return [...editor.querySelectorAll('.view-lines .view-line')].sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
  }

  /** A DOM Range over characters [start, end) of a view line's text. */
  function rangeInLine(line, start, end) {
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let offset = 0;
    let startSet = false;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.textContent.length;
      if (!startSet && start < offset + length) {
        range.setStart(node, start - offset);
        startSet = true;
      }
      if (startSet && end <= offset + length) {
        range.setEnd(node, end - offset);
        return range;
      }
      offset += length;
    }
    return null;
  }

  const plainRect = (r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height });

  /**
   * Where `phrase` is drawn: the first rendered line containing `context` (default: the phrase), and the
   * phrase inside it. Returns `{ text, rects }` or null when no rendered line holds it.
   */
  function locate(phrase, context = phrase, occurrence = 0) {
    let seen = 0;
    for (const line of viewLines()) {
      const text = normalise(line.textContent);
      let at = text.indexOf(context);
      while (at >= 0) {
        if (seen === occurrence) {
          const inner = context.indexOf(phrase);
          if (inner < 0) return null;
          const range = rangeInLine(line, at + inner, at + inner + phrase.length);
          if (!range) return null;
          return { text, rects: [...range.getClientRects()].map(plainRect).filter((r) => r.width > 0) };
        }
        seen += 1;
        at = text.indexOf(context, at + 1);
      }
    }
    return null;
  }

  const overlaps = (a, b) =>
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;

  /** Squiggle decorations of the active editor: `{ kind, rect }` where kind is error|warning|info|hint. */
  function squiggles() {
    const editor = activeEditor();
    if (!editor) return [];
    return [...editor.querySelectorAll('[class*="squiggly-"]')].flatMap((element) => {
      const kind = /squiggly-(error|warning|info|hint)\b/.exec(element.className)?.[1];
      const rect = element.getBoundingClientRect();
      return kind && rect.width > 0 ? [{ kind, rect: plainRect(rect) }] : [];
    });
  }

  /** Kinds of the squiggles drawn under `phrase` (in the line holding `context`); null if the phrase is not rendered. */
  function squigglesOn(phrase, context, occurrence) {
    const located = locate(phrase, context, occurrence);
    if (!located || located.rects.length === 0) return null;
    return squiggles()
      .filter((s) => located.rects.some((r) => overlaps(r, s.rect)))
      .map((s) => s.kind);
  }

  /** Text of the active editor's rendered lines. */
  function editorText() {
    return viewLines()
      .map((line) => normalise(line.textContent))
      .join('\n');
  }

  /** Text of the visible hover card, or null. */
  function hoverText() {
    const hovers = [...document.querySelectorAll('.monaco-hover:not(.hidden)')].filter((h) => h.getBoundingClientRect().height > 0);
    return hovers.length ? hovers.map((h) => normalise(h.textContent)).join('\n') : null;
  }

  /**
   * Where the first text node containing `text` sits relative to the visible hover card holding it:
   * `{ visible, below, scrollTop }`, or null when no visible card holds it.
   */
  function hoverTextPlacement(text) {
    for (const hover of document.querySelectorAll('.monaco-hover:not(.hidden)')) {
      const box = hover.getBoundingClientRect();
      if (box.height === 0) continue;
      const walker = document.createTreeWalker(hover, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!normalise(node.textContent).includes(text)) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const rect = range.getBoundingClientRect();
        const scrollTop = hover.querySelector('.monaco-hover-content')?.scrollTop ?? 0;
        return { visible: rect.top >= box.top - 1 && rect.bottom <= box.bottom + 1, below: rect.bottom > box.bottom, scrollTop };
      }
    }
    return null;
  }

  /** Rows of the Problems panel: `{ label, text }` (the aria-label says severity, message, position). */
  function problemRows() {
    return [...document.querySelectorAll('.markers-panel .monaco-list-row')].map((row) => ({
      label: normalise(row.getAttribute('aria-label')),
      text: normalise(row.textContent),
    }));
  }

  /** Problems rows grouped under their file header row: `{ [file]: [{ label, text }] }` (rendered rows only). */
  function problemsByFile() {
    const groups = {};
    let current = '';
    for (const row of problemRows()) {
      const header = /problems? in file (.+?) of folder/i.exec(row.label);
      if (header) {
        current = header[1];
        groups[current] ??= [];
      } else {
        (groups[current] ??= []).push(row);
      }
    }
    return groups;
  }

  /** Whether a Problems row of `file` contains every string of `parts`. */
  function hasProblemRow(file, parts) {
    return (problemsByFile()[file] ?? []).some((row) => parts.every((part) => row.text.includes(part)));
  }

  /** Text of ClaimLint's status bar item, or null. */
  function statusText() {
    const item =
      document.querySelector('.statusbar-item[id$="claimlint.status"]') ??
      [...document.querySelectorAll('.statusbar-item')].find((i) => normalise(i.textContent).includes('ClaimLint:'));
    return item ? normalise(item.textContent).trim() : null;
  }

  /** Title of the active editor tab. */
  function activeTab() {
    const tab = document.querySelector('.part.editor .editor-group-container.active .tab.active');
    return tab ? normalise(tab.getAttribute('aria-label') ?? tab.textContent) : null;
  }

  /** The view pane whose header reads `title` (Explorer sections such as "ClaimLint Fact Base"). */
  function viewPane(title) {
    return [...document.querySelectorAll('.pane')].find((pane) =>
      normalise(pane.querySelector('.pane-header')?.textContent).includes(title),
    );
  }

  /** Rendered rows of a view pane's tree: `{ text, level }` (level 1 at the top). */
  function viewRows(title) {
    const pane = viewPane(title);
    if (!pane) return [];
    return [...pane.querySelectorAll('.pane-body .monaco-list-row')].map((row) => ({
      text: normalise(row.textContent),
      level: Number(row.getAttribute('aria-level') ?? 0),
    }));
  }

  /** The message a view pane shows above its tree ("3 fact(s) matching …"), or null. */
  function viewMessage(title) {
    const message = viewPane(title)?.querySelector('.pane-body .message:not(.hide)');
    return message ? normalise(message.textContent).trim() : null;
  }

  window.claimlintE2E = {
    activeEditor,
    locate,
    squiggles,
    squigglesOn,
    editorText,
    hoverText,
    hoverTextPlacement,
    problemRows,
    problemsByFile,
    hasProblemRow,
    statusText,
    activeTab,
    viewRows,
    viewMessage,
  };
}
