import * as vscode from 'vscode';
import { directRelation } from '../cdf/model';
import { FILE_SCHEME } from './command-ids';
import { shownText } from './shown-text';

/**
 * Self-describing record URIs, one path segment per record kind (its URI kind):
 * `cdf-record:/PROJECT/SEGMENT/KEY/NAME.json`, e.g. `cdf-record:/PROJECT/files/ID/NAME.json` for a
 * classic file. The key is the identity; the name segment is only there so the editor tab reads
 * "P-101.pdf.json" instead of "4711.json". A record renamed on the server keeps working: every
 * look-up goes by project and key. A selection of one kind is `/PROJECT/SELECTION/KEY/N NOUN.json`.
 */
export interface UriKind {
  /** The path segment of a record: `files`. */
  readonly segment: string;
  /** The path segment of a selection of such records: `selection`. */
  readonly selectionSegment: string;
  /** Whether a (decoded) key names a record of this kind. */
  readonly validKey: (key: string) => boolean;
  /**
   * Put before the name in the last segment, so the tab tells the kinds apart: a node and the
   * classic file linked to it usually share their name. Only the tab reads it; look-ups go by key.
   */
  readonly namePrefix: string;
}

/** The classic file: `/PROJECT/files/ID/NAME.json`, its selections `/PROJECT/selection/KEY/N files.json`. */
export const CLASSIC_URI: UriKind = {
  segment: 'files',
  selectionSegment: 'selection',
  // Only the id's own spelling: '0123' would open file 123 under another key than its own.
  validKey: (key) => /^[1-9]\d*$/.test(key) && Number.isSafeInteger(Number(key)),
  namePrefix: '',
};

/**
 * A CogniteFile node: `/PROJECT/nodes/SPACE:EXTERNALID/[node] NAME.json` (the key URI-encoded; the
 * tab reads "[node] P-101.pdf.json" beside the linked classic file's "P-101.pdf.json"), its
 * selections `/PROJECT/node-selection/KEY/N CogniteFile nodes.json`.
 */
export const NODE_URI: UriKind = {
  segment: 'nodes',
  selectionSegment: 'node-selection',
  validKey: (key) => {
    const at = key.indexOf(':');
    return at > 0 && directRelation.safeParse({ space: key.slice(0, at), externalId: key.slice(at + 1) }).success;
  },
  namePrefix: '[node] ',
};

/** A record of some kind in some project. */
export interface RecordKeyRef {
  project: string;
  key: string;
}

export function recordUriOf(kind: UriKind, project: string, key: string, name: string): vscode.Uri {
  const path = `/${project}/${kind.segment}/${encodeURIComponent(key)}/${kind.namePrefix}${safeFileName(name)}.json`;
  return vscode.Uri.from({ scheme: FILE_SCHEME, path });
}

export function parseRecordUriOf(kind: UriKind, uri: vscode.Uri): RecordKeyRef | undefined {
  if (uri.scheme !== FILE_SCHEME) return undefined;
  const m = new RegExp(`^/([^/]+)/${kind.segment}/([^/]+)/[^/]+\\.json$`).exec(uri.path);
  const key = m?.[2] === undefined ? undefined : decoded(m[2]);
  return m?.[1] && key !== undefined && kind.validKey(key) ? { project: m[1], key } : undefined;
}

/** A classic file: by project and id (what the tree, open-by-id and the bulk preview name). */
export interface RecordRef {
  project: string;
  id: number;
}

export const recordUri = (project: string, id: number, name: string): vscode.Uri =>
  recordUriOf(CLASSIC_URI, project, String(id), name);

export function parseRecordUri(uri: vscode.Uri): RecordRef | undefined {
  const ref = parseRecordUriOf(CLASSIC_URI, uri);
  return ref && { project: ref.project, id: Number(ref.key) };
}

export const sameRecord = (a: RecordRef, b: RecordRef): boolean => a.project === b.project && a.id === b.id;

/**
 * Path separators would change the URI's shape; the rest is what a tab may show (see shownText). Cut
 * by code points: half an emoji makes a URI that VS Code cannot encode, and the document never opens.
 */
function safeFileName(name: string): string {
  const cleaned = shownText(name.replace(/[/\\]/g, '_'));
  const cut = Array.from(cleaned.trim()).slice(0, 120).join('').trim();
  return cut || 'file';
}

function decoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined; // a malformed escape names no record
  }
}

/** A selection opened as one JSON array: `cdf-record:/PROJECT/selection/KEY/N files.json`. */
export interface SelectionRef {
  project: string;
  key: string;
}

export function selectionUriOf(kind: UriKind, project: string, key: string, title: string): vscode.Uri {
  return vscode.Uri.from({ scheme: FILE_SCHEME, path: `/${project}/${kind.selectionSegment}/${key}/${title}.json` });
}

export function parseSelectionUriOf(kind: UriKind, uri: vscode.Uri): SelectionRef | undefined {
  if (uri.scheme !== FILE_SCHEME) return undefined;
  const m = new RegExp(`^/([^/]+)/${kind.selectionSegment}/([a-z0-9-]+)/[^/]+\\.json$`).exec(uri.path);
  return m?.[1] && m[2] ? { project: m[1], key: m[2] } : undefined;
}

export const parseSelectionUri = (uri: vscode.Uri): SelectionRef | undefined => parseSelectionUriOf(CLASSIC_URI, uri);
