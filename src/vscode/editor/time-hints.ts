import * as vscode from 'vscode';
import { parseTree, type Node } from 'jsonc-parser';

const TIME_FIELDS = new Set([
  'sourceCreatedTime',
  'sourceModifiedTime',
  'createdTime',
  'lastUpdatedTime',
  'uploadedTime',
]);

/** Epoch milliseconds are unreadable: show the UTC date beside each time field, and on hover. */
export class TimeHintsProvider implements vscode.InlayHintsProvider, vscode.HoverProvider {
  provideInlayHints(document: vscode.TextDocument, range: vscode.Range): vscode.InlayHint[] {
    return timeValues(document)
      .filter((t) => range.contains(t.range.end))
      .map((t) => {
        const hint = new vscode.InlayHint(t.range.end, ` ${t.iso}`, vscode.InlayHintKind.Type);
        hint.paddingLeft = true;
        hint.tooltip = vscode.l10n.t('{0} in UTC (the value is milliseconds since 1970-01-01)', t.field);
        return hint;
      });
  }

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const t = timeValues(document).find((v) => v.range.contains(position));
    return t ? new vscode.Hover(new vscode.MarkdownString(`**${t.field}**: ${t.iso} (UTC)`), t.range) : undefined;
  }
}

export function isoDate(ms: number): string | undefined {
  const d = new Date(ms);
  return Number.isFinite(d.getTime()) ? d.toISOString() : undefined;
}

function timeValues(document: vscode.TextDocument): { field: string; iso: string; range: vscode.Range }[] {
  const root = parseTree(document.getText());
  // A record is an object; a selection an array of them.
  const records = root?.type === 'array' ? (root.children ?? []) : root ? [root] : [];
  const out: { field: string; iso: string; range: vscode.Range }[] = [];
  for (const prop of records.flatMap((r) => (r.type === 'object' ? (r.children ?? []) : []))) {
    const [key, value] = prop.children ?? [];
    if (!key || !value || !TIME_FIELDS.has(String(key.value)) || value.type !== 'number') continue;
    const iso = isoDate(Number(value.value));
    if (iso) out.push({ field: String(key.value), iso, range: rangeOf(document, value) });
  }
  return out;
}

const rangeOf = (document: vscode.TextDocument, node: Node): vscode.Range =>
  new vscode.Range(document.positionAt(node.offset), document.positionAt(node.offset + node.length));
