import * as vscode from 'vscode';
import { getLocation, parseTree, findNodeAtOffset } from 'jsonc-parser';
import type { ProjectLookups } from './project-lookups';

/**
 * Completion a static schema cannot give: the project's data set ids, label external ids and asset ids,
 * in a record and in every element of a selection. In `assetIds`, typing part of an asset's name
 * finds it and inserts its id.
 */
export class ReferenceCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly lookups: ProjectLookups) {}

  async provideCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
  ): Promise<vscode.CompletionItem[]> {
    const text = document.getText();
    const offset = document.offsetAt(position);
    const location = getLocation(text, offset);
    if (location.isAtPropertyKey) return [];
    // In a selection (an array of records) every element is a record: its path starts at its index.
    const path = typeof location.path[0] === 'number' ? location.path.slice(1) : location.path;
    const [field, index, inner] = path;
    const range = valueRange(document, position, text, offset);
    if (field === 'dataSetId' && path.length === 1) return this.dataSets(range);
    if (field === 'labels' && typeof index === 'number') return this.labels(range, inner === 'externalId');
    if (field === 'assetIds' && typeof index === 'number') return this.assets(range, document.getText(range).trim());
    return [];
  }

  private async dataSets(range: vscode.Range): Promise<vscode.CompletionItem[]> {
    return (await this.lookups.dataSets()).map((d, i) => {
      const item = new vscode.CompletionItem(
        { label: String(d.id), description: d.name ?? d.externalId },
        vscode.CompletionItemKind.Value,
      );
      item.insertText = String(d.id);
      item.range = range;
      item.filterText = `${d.id} ${d.name ?? ''} ${d.externalId ?? ''}`;
      item.sortText = String(i).padStart(4, '0');
      item.documentation = new vscode.MarkdownString(
        `**${d.name ?? d.id}**${d.externalId ? `  \nexternalId \`${d.externalId}\`` : ''}${d.description ? `\n\n${d.description}` : ''}`,
      );
      return item;
    });
  }

  /** `inObject`: the cursor is on the value of a label's `externalId`, not on a whole label. */
  private async labels(range: vscode.Range, inObject: boolean): Promise<vscode.CompletionItem[]> {
    return (await this.lookups.labels()).map((l, i) => {
      const item = new vscode.CompletionItem(
        { label: l.externalId, description: l.name },
        vscode.CompletionItemKind.EnumMember,
      );
      item.insertText = inObject ? JSON.stringify(l.externalId) : `{ "externalId": ${JSON.stringify(l.externalId)} }`;
      item.range = range;
      item.filterText = inObject ? JSON.stringify(l.externalId) : l.externalId;
      item.sortText = String(i).padStart(4, '0');
      item.documentation = l.description;
      return item;
    });
  }

  private async assets(range: vscode.Range, typed: string): Promise<vscode.CompletionItem[]> {
    const assets = await this.lookups.assets(/^\d*$/.test(typed) ? '' : typed);
    return assets.map((a, i) => {
      const item = new vscode.CompletionItem(
        { label: String(a.id), description: a.name },
        vscode.CompletionItemKind.Reference,
      );
      item.insertText = String(a.id);
      item.range = range;
      item.filterText = `${typed} ${a.id} ${a.name} ${a.externalId ?? ''}`;
      item.sortText = String(i).padStart(4, '0');
      item.detail = a.externalId;
      item.documentation = a.description;
      return item;
    });
  }
}

/** The value under the cursor (a string, number or null), or the word being typed. */
function valueRange(document: vscode.TextDocument, position: vscode.Position, text: string, offset: number) {
  const node = findNodeAtOffset(parseTree(text) ?? { type: 'null', offset: 0, length: 0 }, offset, true);
  const onValue =
    node &&
    (node.type === 'string' || node.type === 'number' || node.type === 'null') &&
    node.offset <= offset &&
    offset <= node.offset + node.length;
  return onValue
    ? new vscode.Range(document.positionAt(node.offset), document.positionAt(node.offset + node.length))
    : (document.getWordRangeAtPosition(position, /[\w.-]+/) ?? new vscode.Range(position, position));
}
