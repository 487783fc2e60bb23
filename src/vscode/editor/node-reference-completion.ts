import * as vscode from 'vscode';
import { findNodeAtLocation, getLocation, parseTree, type JSONPath, type Node } from 'jsonc-parser';
import type { CoreViewName } from '../../cdf/model';
import { NODE_URI, parseRecordUriOf, parseSelectionUriOf } from '../record-uri';
import type { Sessions } from '../sessions';

/** At most this many matches are offered; typing more of the name narrows them on the server. */
const LIMIT = 50;

/** The direct relation a path is in, the view its targets are in, and how deep the relation sits. */
function relationAt(path: JSONPath): { view: CoreViewName; depth: number } | undefined {
  if (path[0] === 'assets' && typeof path[1] === 'number') return { view: 'CogniteAsset', depth: 2 };
  if (path[0] === 'category') return { view: 'CogniteFileCategory', depth: 1 };
  if (path[0] === 'source') return { view: 'CogniteSourceSystem', depth: 1 };
  return undefined;
}

/**
 * Live completion in a CogniteFile node's document (and each element of a selection of nodes):
 * in `assets`, `category` and `source`, typing part of a name finds CogniteAsset, CogniteFileCategory
 * or CogniteSourceSystem nodes (`instances/search`) and inserts the `{"space", "externalId"}` of
 * the one picked; on a relation's `space`, the project's spaces.
 */
export class NodeReferenceCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly sessions: Sessions) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position) {
    const uri = document.uri;
    const nodes = this.sessions.active?.nodes;
    if (!nodes || !(parseRecordUriOf(NODE_URI, uri) ?? parseSelectionUriOf(NODE_URI, uri))) return [];
    const text = document.getText();
    const location = getLocation(text, document.offsetAt(position));
    if (location.isAtPropertyKey) return [];
    const inSelection = typeof location.path[0] === 'number';
    const path = inSelection ? location.path.slice(1) : location.path;
    const relation = relationAt(path);
    if (!relation) return [];
    const tree = parseTree(text);
    const at = (p: JSONPath) => (tree ? findNodeAtLocation(tree, p) : undefined);
    if (path.length === relation.depth + 1 && path.at(-1) === 'space') {
      const spaces = await nodes.listSpaces();
      const range = this.rangeOf(document, position, at(location.path));
      return spaces.map((s) => this.item(s.space, s.name, JSON.stringify(s.space), range, document));
    }
    // The whole relation is replaced: the element of `assets`, or the value of `category`/`source`.
    const relationPath = location.path.slice(0, (inSelection ? 1 : 0) + relation.depth);
    const node = at(relationPath);
    const range = this.rangeOf(document, position, node);
    const typed = node?.type === 'string' ? String(node.value) : '';
    const found = await nodes.searchNamedNodes(relation.view, typed, LIMIT);
    return found.map((n) =>
      this.item(
        n.name ?? n.externalId,
        `${n.space}:${n.externalId}`,
        `{ "space": ${JSON.stringify(n.space)}, "externalId": ${JSON.stringify(n.externalId)} }`,
        range,
        document,
      ),
    );
  }

  private item(
    label: string,
    description: string | undefined,
    insert: string,
    range: vscode.Range,
    doc: vscode.TextDocument,
  ) {
    const item = new vscode.CompletionItem({ label, description }, vscode.CompletionItemKind.Reference);
    item.insertText = insert;
    item.range = range;
    // VS Code filters by the text the range holds: start with it, so a match found by the server stays.
    item.filterText = `${doc.getText(range)} ${label} ${description ?? ''}`;
    return item;
  }

  /** The value under the cursor (a string, an object, null), or the word being typed. */
  private rangeOf(document: vscode.TextDocument, position: vscode.Position, node: Node | undefined): vscode.Range {
    const offset = document.offsetAt(position);
    if (node && node.offset <= offset && offset <= node.offset + node.length)
      return new vscode.Range(document.positionAt(node.offset), document.positionAt(node.offset + node.length));
    return document.getWordRangeAtPosition(position, /[\w.-]+/) ?? new vscode.Range(position, position);
  }
}
