import * as vscode from 'vscode';
import { cogniteFileValues, nodeKeyOf, type CogniteFileNode } from '../../cdf/model';
import { iconForMimeType } from '../../core/browse';
import { formatCount } from '../../core/format-count';
import { COMMANDS } from '../command-ids';
import type { CogniteFileItem, NodeGroupNode, NodeSectionNode } from './cognite-nodes';
import { shownText } from '../shown-text';

/** How the CogniteFile section's nodes look in the files view. */

export function sectionItem(node: NodeSectionNode, description: string): vscode.TreeItem {
  const item = new vscode.TreeItem(vscode.l10n.t('CogniteFile nodes'), vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.iconPath = new vscode.ThemeIcon('type-hierarchy');
  const counted = countText(node);
  item.description = description ? `${counted} · ${description}` : counted;
  item.tooltip = vscode.l10n.t(
    'Files in CDF data modeling (the core data model view cdf_cdm:CogniteFile/v1), by space. A node opens as a JSON document you can edit and save.',
  );
  item.contextValue = 'nodeSection';
  return item;
}

/** The section's number, saying "search results" when that is what it counts. */
function countText({ count, search }: NodeSectionNode): string {
  if (!search) return formatCount(count);
  if (search.limited) return vscode.l10n.t('best {0} search results', formatCount(count));
  return count === 1 ? vscode.l10n.t('1 search result') : vscode.l10n.t('{0} search results', formatCount(count));
}

export function nodeGroupItem(node: NodeGroupNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.iconPath = new vscode.ThemeIcon(node.icon);
  item.tooltip = node.tooltip;
  item.description = node.count === undefined ? undefined : formatCount(node.count);
  item.contextValue = 'nodeGroup';
  return item;
}

export function cogniteFileItem(node: CogniteFileItem, extensionUri: vscode.Uri): vscode.TreeItem {
  const values = cogniteFileValues(node.node);
  const item = new vscode.TreeItem(shownText(values.name ?? node.node.externalId));
  item.id = node.id;
  item.description = shownText(node.node.externalId);
  item.iconPath = vscode.Uri.joinPath(
    extensionUri,
    'media',
    `file-${iconForMimeType(values.mimeType ?? undefined)}.svg`,
  );
  item.tooltip = nodeTooltip(node.node);
  item.contextValue = 'cogniteFile';
  item.command = { command: COMMANDS.openNode, title: vscode.l10n.t('Open'), arguments: [node] };
  return item;
}

const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

function nodeTooltip(n: CogniteFileNode): vscode.MarkdownString {
  const v = cogniteFileValues(n);
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${(v.name ?? n.externalId).replace(/[\\`*_{}[\]()#+\-.!|]/g, '\\$&')}**\n\n`);
  const rows: [string, string | undefined][] = [
    ['node', nodeKeyOf(n)],
    ['version', String(n.version)],
    ['directory', v.directory ?? undefined],
    ['mimeType', v.mimeType ?? undefined],
    ['category', v.category ? nodeKeyOf(v.category) : undefined],
    ['tags', v.tags?.join(', ')],
    ['assets', v.assets?.length ? String(v.assets.length) : undefined],
    ['isUploaded', v.isUploaded ? 'yes' : 'no'],
    ['lastUpdatedTime', new Date(n.lastUpdatedTime).toISOString()],
  ];
  for (const [k, value] of rows) if (value) md.appendMarkdown(`${k}: ${code(value)}  \n`);
  md.appendMarkdown(`\n${vscode.l10n.t('Open Linked Record opens the classic file CDF shows for this node.')}`);
  return md;
}
