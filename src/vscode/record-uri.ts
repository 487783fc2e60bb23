import * as vscode from 'vscode';
import { FILE_SCHEME } from './command-ids';

/**
 * Self-describing record URIs: `cdf-record:/PROJECT/files/ID/NAME.json`. The id is the identity; the
 * name segment is only there so the editor tab reads "P-101.pdf.json" instead of "4711.json".
 * A record renamed on the server keeps working: every look-up goes by project and id.
 */
export interface RecordRef {
  project: string;
  id: number;
}

export function recordUri(project: string, id: number, name: string): vscode.Uri {
  return vscode.Uri.from({
    scheme: FILE_SCHEME,
    path: `/${project}/files/${id}/${safeFileName(name)}.json`,
  });
}

export function parseRecordUri(uri: vscode.Uri): RecordRef | undefined {
  if (uri.scheme !== FILE_SCHEME) return undefined;
  const m = /^\/([^/]+)\/files\/(\d+)\/[^/]+\.json$/.exec(uri.path);
  if (!m?.[1] || !m[2]) return undefined;
  const id = Number(m[2]);
  return Number.isSafeInteger(id) && id > 0 ? { project: m[1], id } : undefined;
}

export const sameRecord = (a: RecordRef, b: RecordRef): boolean => a.project === b.project && a.id === b.id;

/** Path separators and control characters would change the URI's shape; anything else may stay. */
function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const cleaned = name.replace(/[/\\\u0000-\u001f]/g, '_').trim();
  return (cleaned || 'file').slice(0, 120);
}

/** A selection opened as one JSON array: `cdf-record:/PROJECT/selection/KEY/N files.json`. */
export interface SelectionRef {
  project: string;
  key: string;
}

export function selectionUri(project: string, key: string, count: number): vscode.Uri {
  return vscode.Uri.from({ scheme: FILE_SCHEME, path: `/${project}/selection/${key}/${count} files.json` });
}

export function parseSelectionUri(uri: vscode.Uri): SelectionRef | undefined {
  if (uri.scheme !== FILE_SCHEME) return undefined;
  const m = /^\/([^/]+)\/selection\/([a-z0-9-]+)\/[^/]+\.json$/.exec(uri.path);
  return m?.[1] && m[2] ? { project: m[1], key: m[2] } : undefined;
}
