import * as l10n from '@vscode/l10n';
import type { ActionEntry, ActionOutcome, BulkKind, BulkOperation } from '..';
import type { BulkTarget } from './bulk-target';
import { BulkActionRecord } from './bulk-history';
import type { ProjectIdentity } from './project-identity';

/**
 * The last bulk action as kept in the workspace's storage, so resume and undo survive a window
 * reload. Plain JSON; read back with {@link restoreAction}, which refuses anything malformed
 * rather than undo from a half-read record. Version 2 names the record kind and keys entries by the
 * kind's text key; version 1 (before record kinds) held classic files keyed by their numeric id.
 */
export interface SavedAction {
  version: 2;
  /** The record kind's name (`BulkKind.name`). */
  kind: string;
  project: ProjectIdentity;
  target: BulkTarget;
  operations: BulkOperation[];
  startedAt: number;
  entries: [string, ActionEntry][];
  reportTexts: string[];
}

/** What version 1 wrote: classic files only, entries keyed by internal id. */
const V1_KIND = 'classic-file';

/** The small part kept apart (workspace state): enough to name the action when its entries are gone. */
export interface SavedActionHeader {
  /** 1 as version 1 wrote it; its shape did not change. */
  version: 1;
  project: ProjectIdentity;
  label: string;
  startedAt: number;
}

export const headerOf = <R extends object, U>(record: BulkActionRecord<R, U>): SavedActionHeader => ({
  version: 1,
  project: record.project,
  label: record.target.label,
  startedAt: record.startedAt,
});

export function saveAction<R extends object, U>(record: BulkActionRecord<R, U>): SavedAction {
  return { ...savedHead(record), entries: [...record.entries], reportTexts: [...record.reportTexts] };
}

/** The saved action's fields before its entries, in the order they are written. */
export const savedHead = <R extends object, U>(
  record: BulkActionRecord<R, U>,
): Omit<SavedAction, 'entries' | 'reportTexts'> => ({
  version: 2,
  kind: record.kind.name,
  project: record.project,
  target: record.target,
  operations: [...record.operations],
  startedAt: record.startedAt,
});

const OUTCOMES: readonly ActionOutcome[] = ['applied', 'unknown', 'failed', 'notSent'];

/**
 * The record back from its saved form, for `kind`; throws saying what is wrong when it is not one
 * (another record kind's action included). Version 1 is read as the classic file's, its ids as keys.
 */
export function restoreAction<R extends object, U>(saved: unknown, kind: BulkKind<R, U>): BulkActionRecord<R, U> {
  const s = saved as (Partial<Omit<SavedAction, 'version'>> & { version?: unknown }) | null;
  const wrong = (what: string): never => {
    throw new Error(l10n.t('the saved bulk action is unreadable ({0})', what));
  };
  if (typeof s !== 'object' || s === null || (s.version !== 1 && s.version !== 2)) return wrong('unknown version');
  const kindName = s.version === 1 ? V1_KIND : s.kind;
  if (kindName !== kind.name)
    throw new Error(l10n.t('the saved bulk action changed {0} records, not {1} records', String(kindName), kind.name));
  if (!isProject(s.project)) wrong('project');
  if (!isTarget(s.target)) wrong('target');
  if (!Array.isArray(s.operations)) wrong('operations');
  if (typeof s.startedAt !== 'number') wrong('start time');
  if (!Array.isArray(s.entries)) wrong('entries');
  const record = new BulkActionRecord(kind, s.project!, s.target!, s.operations!, s.startedAt!);
  for (const pair of s.entries! as unknown[]) {
    const key = Array.isArray(pair) ? savedKey(pair[0], s.version) : undefined;
    const entry: unknown = Array.isArray(pair) ? pair[1] : undefined;
    if (key === undefined || !isEntry(kind, entry, key)) return wrong('an entry');
    record.entries.set(key, entry);
  }
  if (Array.isArray(s.reportTexts)) record.reportTexts.push(...s.reportTexts.filter((t) => typeof t === 'string'));
  return record;
}

/** An entry's key: text since version 2, the file's internal id in version 1. */
function savedKey(key: unknown, version: 1 | 2): string | undefined {
  if (version === 2) return typeof key === 'string' ? key : undefined;
  return typeof key === 'number' && Number.isSafeInteger(key) ? String(key) : undefined;
}

export function isHeader(value: unknown): value is SavedActionHeader {
  const h = value as Partial<SavedActionHeader> | null;
  return (
    typeof h === 'object' &&
    h !== null &&
    h.version === 1 &&
    isProject(h.project) &&
    typeof h.label === 'string' &&
    typeof h.startedAt === 'number'
  );
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const isProject = (v: unknown): v is ProjectIdentity =>
  isObject(v) && typeof v.baseUrl === 'string' && typeof v.project === 'string';

const isTarget = (v: unknown): v is BulkTarget =>
  isObject(v) &&
  typeof v.label === 'string' &&
  ((v.kind === 'ids' && Array.isArray(v.refs)) || (v.kind === 'filter' && isObject(v.filter)));

const isRecord = <R extends object, U>(kind: BulkKind<R, U>, v: unknown, key: string): v is R =>
  isObject(v) && kind.key(v as R) === key;

const isEntry = <R extends object, U>(kind: BulkKind<R, U>, v: unknown, key: string): v is ActionEntry<R> =>
  isObject(v) &&
  OUTCOMES.includes(v.outcome as ActionOutcome) &&
  isRecord(kind, v.before, key) &&
  isRecord(kind, v.after, key);
