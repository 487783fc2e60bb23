import * as vscode from 'vscode';
import type { FileRecord } from '../../cdf/model';
import type { ReferenceName } from '../editor/project-lookups';

const escapeMd = (s: string): string => s.replace(/[\\`*_{}[\]()#+\-.!|]/g, '\\$&');

export interface TooltipNames {
  dataSet?: ReferenceName;
  labels: (ReferenceName | undefined)[];
  assets?: Map<number, ReferenceName>;
}

/** A file's tooltip: its fields, with the names of the ids when they are known. */
export function fileTooltip(r: FileRecord, names?: TooltipNames): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${escapeMd(r.name)}**\n\n`);
  const named = (value: string, name: string | undefined) => (name ? `${value} (${name})` : value);
  const assets = r.assetIds?.map((id) => named(String(id), names?.assets?.get(id)?.name));
  const rows: [string, string | undefined][] = [
    ['id', String(r.id)],
    ['externalId', r.externalId],
    ['directory', r.directory],
    ['mimeType', r.mimeType],
    ['source', r.source],
    ['dataSetId', r.dataSetId !== undefined ? named(String(r.dataSetId), names?.dataSet?.name) : undefined],
    ['labels', r.labels?.map((l, i) => named(l.externalId, names?.labels[i]?.name)).join(', ')],
    ['assetIds', assets && assets.length > 20 ? `${assets.slice(0, 20).join(', ')}, …` : assets?.join(', ')],
    ['instanceId', r.instanceId && `${r.instanceId.space}:${r.instanceId.externalId}`],
    ['uploaded', r.uploaded ? 'yes' : 'no'],
    ['lastUpdatedTime', new Date(r.lastUpdatedTime).toISOString()],
  ];
  for (const [k, v] of rows) if (v) md.appendMarkdown(`${k}: \`${v.replace(/`/g, "'")}\`  \n`);
  if (r.instanceId)
    md.appendMarkdown(`\n${vscode.l10n.t('Linked to a CogniteFile node: Open Linked Record opens it.')}`);
  return md;
}
