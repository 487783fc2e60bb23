import * as vscode from 'vscode';
import { parseTree, type Node } from 'jsonc-parser';
import { COGNITE_FILE_PROPERTIES, COGNITE_FILE_PROPERTY_NAMES } from '../../cdf/model';
import { readableTimestamp } from '../../core/format-time';
import { NODE_URI, parseRecordUriOf, parseSelectionUriOf } from '../record-uri';

/** Fields holding epoch milliseconds: every time of a classic file, a node's createdTime and lastUpdatedTime. */
const EPOCH_FIELDS = new Set([
  'sourceCreatedTime',
  'sourceModifiedTime',
  'createdTime',
  'lastUpdatedTime',
  'uploadedTime',
]);

/** A node's properties of the timestamp field kind: ISO 8601 text, as the API writes them. */
const TIMESTAMP_FIELDS = new Set<string>(
  COGNITE_FILE_PROPERTY_NAMES.filter((name) => COGNITE_FILE_PROPERTIES[name].kind === 'timestamp'),
);

interface TimeValue {
  field: string;
  /** What the hint and hover show. */
  readable: string;
  /** How the value is written, for the hint's tooltip. */
  tooltip: string;
  range: vscode.Range;
}

/**
 * Times are hard to read as they are written: beside each epoch-millisecond time the UTC date, and
 * beside each ISO timestamp of a node (whatever offset it carries) its day, date and time in UTC;
 * the same on hover.
 */
export class TimeHintsProvider implements vscode.InlayHintsProvider, vscode.HoverProvider {
  provideInlayHints(document: vscode.TextDocument, range: vscode.Range): vscode.InlayHint[] {
    return timeValues(document)
      .filter((t) => range.contains(t.range.end))
      .map((t) => {
        const hint = new vscode.InlayHint(t.range.end, ` ${t.readable}`, vscode.InlayHintKind.Type);
        hint.paddingLeft = true;
        hint.tooltip = t.tooltip;
        return hint;
      });
  }

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const t = timeValues(document).find((v) => v.range.contains(position));
    return t ? new vscode.Hover(new vscode.MarkdownString(`**${t.field}**: ${t.readable} (UTC)`), t.range) : undefined;
  }
}

export function isoDate(ms: number): string | undefined {
  const d = new Date(ms);
  return Number.isFinite(d.getTime()) ? d.toISOString() : undefined;
}

function timeValues(document: vscode.TextDocument): TimeValue[] {
  const root = parseTree(document.getText());
  const isNode = !!(parseRecordUriOf(NODE_URI, document.uri) ?? parseSelectionUriOf(NODE_URI, document.uri));
  // A record is an object; a selection an array of them.
  const records = root?.type === 'array' ? (root.children ?? []) : root ? [root] : [];
  const out: TimeValue[] = [];
  for (const prop of records.flatMap((r) => (r.type === 'object' ? (r.children ?? []) : []))) {
    const [key, value] = prop.children ?? [];
    if (!key || !value) continue;
    const field = String(key.value);
    const range = rangeOf(document, value);
    if (EPOCH_FIELDS.has(field) && value.type === 'number') {
      const readable = isoDate(Number(value.value));
      const tooltip = vscode.l10n.t('{0} in UTC (the value is milliseconds since 1970-01-01)', field);
      if (readable) out.push({ field, readable, tooltip, range });
    } else if (isNode && TIMESTAMP_FIELDS.has(field) && value.type === 'string') {
      const readable = readableTimestamp(String(value.value));
      const tooltip = vscode.l10n.t('{0} in UTC (the value is ISO 8601 text with its offset)', field);
      if (readable) out.push({ field, readable, tooltip, range });
    }
  }
  return out;
}

const rangeOf = (document: vscode.TextDocument, node: Node): vscode.Range =>
  new vscode.Range(document.positionAt(node.offset), document.positionAt(node.offset + node.length));
