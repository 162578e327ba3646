/**
 * The Fact Base view (Explorer › ClaimLint Fact Base): facts grouped by source article, in plain words, each
 * opening its passage, with the open drafts that cite or contradict it beneath. Search matches the names and
 * aliases of what a fact is about, so "Hmeimim" finds the Hmeymim air base. The server builds the tree
 * (`claimlint.server.factBaseTree`); this file only draws and filters it.
 */
import * as vscode from 'vscode';
import type { DraftReference, FactBaseTree, FactNode, FactSourceNode, PersonNode } from '../../server/src/features/factBaseView';

export const FACT_BASE_VIEW = 'claimlint.factBase';

type Node =
  | { kind: 'source'; source: FactSourceNode; facts: FactNode[] }
  | { kind: 'fact'; fact: FactNode }
  | { kind: 'reference'; reference: DraftReference }
  | { kind: 'people'; people: PersonNode[] }
  | { kind: 'person'; person: PersonNode };

/** Lower case without accents, so "Hmeimim" and "hméimim" both match. */
const folded = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** True when every word of the query appears in one of `texts`. */
function matches(query: readonly string[], texts: readonly string[]): boolean {
  const haystack = folded(texts.join('\n'));
  return query.every((word) => haystack.includes(word));
}

const factTexts = (fact: FactNode): string[] => [
  fact.statement,
  ...fact.values,
  fact.quote ?? '',
  fact.passage,
  fact.attribution,
  ...fact.names,
];

function factTooltip(fact: FactNode): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString(undefined, true);
  tooltip.appendMarkdown(`**${escape(fact.statement)}**\n\n`);
  for (const value of fact.values) tooltip.appendMarkdown(`- ${escape(value)}\n`);
  if (fact.quote) tooltip.appendMarkdown(`- quoted: ${escape(fact.quote)}\n`);
  tooltip.appendMarkdown(`\n> ${escape(fact.passage)}\n\n${escape(fact.attribution)}${fact.asOf ? ` · as of ${fact.asOf}` : ''}`);
  for (const other of fact.disputedBy) tooltip.appendMarkdown(`\n\nDisputed by: ${escape(other)}`);
  return tooltip;
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

/** Draws the server's fact base tree, filtered by the search. */
export class FactBaseView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private tree: FactBaseTree | undefined;
  private query: string[] = [];
  private queryText = '';
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<Node>;
  private readonly disposables: vscode.Disposable[] = [];
  private refreshTimer: NodeJS.Timeout | undefined;

  constructor(private readonly fetchTree: () => Promise<FactBaseTree | undefined>) {
    this.view = vscode.window.createTreeView(FACT_BASE_VIEW, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      this.view.onDidChangeVisibility((event) => event.visible && this.refreshSoon(0)),
      // what the drafts cite and contradict changes as they are linted
      vscode.languages.onDidChangeDiagnostics(() => this.view.visible && this.refreshSoon()),
      vscode.window.onDidChangeActiveTextEditor(() => this.view.visible && this.refreshSoon()),
    );
  }

  /** Fetches the tree again after `delayMs` (bursts of diagnostics come together). */
  refreshSoon(delayMs = 500): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh(), delayMs);
  }

  async refresh(): Promise<void> {
    this.tree = await this.fetchTree().catch(() => this.tree);
    this.update();
  }

  /** Shows the view, fetching the tree first. */
  async reveal(): Promise<void> {
    await vscode.commands.executeCommand(`${FACT_BASE_VIEW}.focus`);
    await this.refresh();
  }

  /** Asks for a search and filters the tree by it. */
  async askSearch(): Promise<void> {
    const text = await vscode.window.showInputBox({
      title: 'Search the fact base',
      prompt: 'Words of a fact, a value, a quote, or a name under any spelling (Hmeimim, Khamenei, TASS)',
      value: this.queryText,
    });
    if (text === undefined) return;
    this.setQuery(text);
    if (!this.tree) await this.refresh();
  }

  setQuery(text: string): void {
    this.queryText = text.trim();
    this.query = folded(this.queryText).split(/\s+/).filter(Boolean);
    void vscode.commands.executeCommand('setContext', 'claimlint.factBase.searching', this.query.length > 0);
    this.update();
  }

  private update(): void {
    const shown = this.visibleFacts();
    const count = shown.reduce((n, s) => n + s.facts.length, 0);
    this.view.message = !this.tree
      ? 'The ClaimLint server has not sent the fact base yet.'
      : this.query.length > 0
        ? `${count} fact(s) matching \u201C${this.queryText}\u201D`
        : undefined;
    this.changed.fire(undefined);
  }

  private visibleFacts(): { source: FactSourceNode; facts: FactNode[] }[] {
    return (this.tree?.sources ?? [])
      .map((source) => ({
        source,
        facts: source.facts.filter((fact) => this.query.length === 0 || matches(this.query, [source.title, ...factTexts(fact)])),
      }))
      .filter((group) => group.facts.length > 0);
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      const sources: Node[] = this.visibleFacts().map(({ source, facts }) => ({ kind: 'source', source, facts }));
      const people = (this.tree?.people ?? []).filter(
        (p) => this.query.length === 0 || matches(this.query, [p.name, ...p.aliases, ...p.roles]),
      );
      return people.length > 0 ? [...sources, { kind: 'people', people }] : sources;
    }
    if (node.kind === 'source') return node.facts.map((fact) => ({ kind: 'fact', fact }));
    if (node.kind === 'fact') return node.fact.drafts.map((reference) => ({ kind: 'reference', reference }));
    if (node.kind === 'people') return node.people.map((person) => ({ kind: 'person', person }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    // ids carry the search, so a filtered tree opens expanded and the full tree keeps the user's folding
    const searching = this.query.length > 0;
    const expanded = searching ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    switch (node.kind) {
      case 'source': {
        const item = new vscode.TreeItem(node.source.title, expanded);
        item.id = `source:${node.source.title}:${this.queryText}`;
        item.description = `${node.source.detail} · ${node.facts.length} fact(s)`;
        item.iconPath = new vscode.ThemeIcon('book');
        return item;
      }
      case 'fact': {
        const { fact } = node;
        const contradicted = fact.drafts.filter((d) => d.relation === 'contradicts').length;
        const cited = fact.drafts.length - contradicted;
        const item = new vscode.TreeItem(
          fact.statement,
          fact.drafts.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
        );
        item.id = `fact:${fact.id}:${this.queryText}`;
        item.description = [
          contradicted ? `contradicted ${contradicted}×` : '',
          cited ? `cited ${cited}×` : '',
          fact.extracted ? 'extracted' : '',
          fact.values.join(' · '),
        ]
          .filter(Boolean)
          .join(' · ');
        item.tooltip = factTooltip(fact);
        item.iconPath = new vscode.ThemeIcon(contradicted ? 'warning' : 'note');
        item.contextValue = 'fact';
        item.command = { title: 'Open source passage', command: 'claimlint.openSourcePassage', arguments: [fact.open] };
        return item;
      }
      case 'reference': {
        const { reference } = node;
        const file = vscode.Uri.parse(reference.uri);
        const label = `${vscode.workspace.asRelativePath(file)}:${reference.start.line + 1}`;
        const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
        item.description = `${reference.relation === 'contradicts' ? 'contradicts' : 'cites'}: ${reference.text}`;
        item.tooltip = `${reference.relation === 'contradicts' ? 'The draft contradicts this fact' : 'The draft states this fact'}: ${reference.text}`;
        item.iconPath = new vscode.ThemeIcon(reference.relation === 'contradicts' ? 'error' : 'pass');
        const selection = new vscode.Range(reference.start.line, reference.start.character, reference.end.line, reference.end.character);
        item.command = { title: 'Open draft', command: 'vscode.open', arguments: [file, { selection, preview: true }] };
        return item;
      }
      case 'people': {
        const item = new vscode.TreeItem('People and their roles', expanded);
        item.id = `people:${this.queryText}`;
        item.description = `${node.people.length}`;
        item.iconPath = new vscode.ThemeIcon('organization');
        return item;
      }
      case 'person': {
        const item = new vscode.TreeItem(node.person.name, vscode.TreeItemCollapsibleState.None);
        item.description = node.person.roles.join('; ');
        item.tooltip = node.person.aliases.length ? `Also written: ${node.person.aliases.join(', ')}` : undefined;
        item.iconPath = new vscode.ThemeIcon('person');
        return item;
      }
    }
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    for (const d of this.disposables) d.dispose();
    this.changed.dispose();
  }
}
