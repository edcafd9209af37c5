import * as vscode from 'vscode';
import { CATEGORIES, engine, GUIDELINES, type Category, type Finding } from './facade';
import { appendFinding } from './hover';
import { displayLang } from './lang';
import type { FileFindings, FindingStore } from './state';

const CATEGORY_TITLE: Record<Category, () => string> = {
  secret: () => vscode.l10n.t('Hardcoded secrets'),
  'pii-exposure': () => vscode.l10n.t('Exposed personal-data stores'),
  'pii-data': () => vscode.l10n.t('Personal data in files'),
  'password-policy': () => vscode.l10n.t('Weak password policies'),
};

type Node =
  | { kind: 'category'; category: Category; items: Item[] }
  | { kind: 'guideline'; id: string; items: Item[] }
  | { kind: 'file'; uri: vscode.Uri; items: Item[] }
  | { kind: 'finding'; item: Item };

interface Item {
  file: FileFindings;
  finding: Finding;
  range: vscode.Range;
}

function groupBy<K>(items: Item[], key: (i: Item) => K): Map<K, Item[]> {
  const m = new Map<K, Item[]>();
  for (const i of items) m.set(key(i), [...(m.get(key(i)) ?? []), i]);
  return m;
}

/**
 * The findings view: category → guideline → file → finding, with counts, so a reviewer sees
 * which obligation each problem falls under.
 */
export class FindingsView implements vscode.TreeDataProvider<Node> {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly store: FindingStore) {}

  refresh(): void {
    this.emitter.fire(undefined);
  }

  private items(): Item[] {
    return this.store.all().flatMap((file) => file.findings.map((finding, i) => ({ file, finding, range: file.ranges[i] })));
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      const byCategory = groupBy(this.items(), (i) => i.finding.category);
      return CATEGORIES.filter((c) => byCategory.has(c)).map((category) => ({ kind: 'category', category, items: byCategory.get(category) ?? [] }));
    }
    if (node.kind === 'category') {
      return [...groupBy(node.items, (i) => i.finding.guidelines[0] ?? '')].map(([id, items]) => ({ kind: 'guideline', id, items }));
    }
    if (node.kind === 'guideline') {
      return [...groupBy(node.items, (i) => i.file.uri.toString())]
        .map(([, items]) => ({ kind: 'file' as const, uri: items[0].file.uri, items }))
        .sort((a, b) => a.uri.path.localeCompare(b.uri.path));
    }
    if (node.kind === 'file') {
      return node.items
        .slice()
        .sort((a, b) => a.range.start.compareTo(b.range.start))
        .map((item) => ({ kind: 'finding', item }));
    }
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const lang = displayLang();
    switch (node.kind) {
      case 'category': {
        const t = new vscode.TreeItem(CATEGORY_TITLE[node.category](), vscode.TreeItemCollapsibleState.Expanded);
        t.description = String(node.items.length);
        t.iconPath = new vscode.ThemeIcon(node.category === 'secret' ? 'key' : node.category === 'password-policy' ? 'lock' : 'shield');
        return t;
      }
      case 'guideline': {
        const g = GUIDELINES[node.id];
        const t = new vscode.TreeItem(g ? engine().guidelineLabelWithLevel(g, lang) : node.id, vscode.TreeItemCollapsibleState.Expanded);
        t.description = String(node.items.length);
        t.iconPath = new vscode.ThemeIcon('law');
        if (g) t.tooltip = new vscode.MarkdownString(`**${g.issuer[lang]}**\n\n${g.summary[lang]}${g.url ? `\n\n${g.url}` : ''}`);
        if (g?.url) t.contextValue = 'mamori.guideline';
        t.id = `g:${node.items[0]?.finding.category}:${node.id}`;
        return t;
      }
      case 'file': {
        const t = new vscode.TreeItem(node.uri, vscode.TreeItemCollapsibleState.Collapsed);
        t.description = `${vscode.workspace.asRelativePath(node.uri)} · ${node.items.length}`;
        return t;
      }
      case 'finding': {
        const { item } = node;
        const t = new vscode.TreeItem(engine().findingMessage(item.finding, lang), vscode.TreeItemCollapsibleState.None);
        const known = item.finding.baseline === 'unchanged';
        t.description = `${item.finding.ruleId} · ${item.range.start.line + 1}:${item.range.start.character + 1}${known ? ` · ${vscode.l10n.t('known')}` : ''}`;
        // A finding the project's baseline records: its own icon, so new ones stand out.
        t.iconPath = new vscode.ThemeIcon(
          known ? 'history' : item.finding.severity === 'error' ? 'error' : item.finding.severity === 'warning' ? 'warning' : 'info',
        );
        const md = new vscode.MarkdownString(undefined, true);
        appendFinding(md, item.finding);
        t.tooltip = md;
        t.command = { command: 'vscode.open', title: '', arguments: [item.file.uri, { selection: item.range }] };
        return t;
      }
    }
  }
}

/** Counts in the status bar; a click opens the findings view. */
export class FindingsStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('mamori.status', vscode.StatusBarAlignment.Left, 10);

  constructor(private readonly store: FindingStore) {
    this.item.name = 'Mamori';
    this.item.command = 'mamori.showFindings';
    this.update();
    this.item.show();
  }

  update(): void {
    const counts = { error: 0, warning: 0, info: 0 };
    let known = 0;
    // Findings the project's baseline records are counted apart: the numbers are what is new.
    for (const f of this.store.all())
      for (const x of f.findings) {
        if (x.baseline === 'unchanged') known++;
        else counts[x.severity]++;
      }
    const total = counts.error + counts.warning + counts.info;
    // In Restricted Mode the status bar says that the workspace's own settings are not applied.
    const restricted = vscode.workspace.isTrusted === false;
    const text = total === 0 ? '$(shield) Mamori' : `$(shield) $(error) ${counts.error} $(warning) ${counts.warning + counts.info}`;
    this.item.text = restricted ? `${text} $(workspace-untrusted)` : text;
    let tooltip = vscode.l10n.t('Mamori: {0} errors, {1} warnings, {2} info. Click to show findings.', counts.error, counts.warning, counts.info);
    if (known > 0) tooltip += `\n${vscode.l10n.t("{0} more known from the project's baseline.", known)}`;
    this.item.tooltip = restricted
      ? `${tooltip}\n${vscode.l10n.t("Restricted Mode: this workspace's settings and .mamoriignore cannot turn Mamori off, lower severities, turn categories off or exclude files; only your user settings apply.")}`
      : tooltip;
    this.item.backgroundColor = counts.error > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}
