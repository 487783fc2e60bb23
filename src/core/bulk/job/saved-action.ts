import type { FileRecord } from '../../../cdf/model';
import type { ActionEntry, ActionOutcome, BulkOperation } from '..';
import type { BulkTarget } from './bulk-target';
import { BulkActionRecord } from './bulk-history';
import type { ProjectIdentity } from './project-identity';

/**
 * The last bulk action as kept in the workspace's storage, so resume and undo survive a window
 * reload. Plain JSON; read back with {@link restoreAction}, which refuses anything malformed
 * rather than undo from a half-read record.
 */
export interface SavedAction {
  version: 1;
  project: ProjectIdentity;
  target: BulkTarget;
  operations: BulkOperation[];
  startedAt: number;
  entries: [number, ActionEntry][];
  reportTexts: string[];
}

/** The small part kept apart (workspace state): enough to name the action when its entries are gone. */
export interface SavedActionHeader {
  version: 1;
  project: ProjectIdentity;
  label: string;
  startedAt: number;
}

export const headerOf = (record: BulkActionRecord): SavedActionHeader => ({
  version: 1,
  project: record.project,
  label: record.target.label,
  startedAt: record.startedAt,
});

export function saveAction(record: BulkActionRecord): SavedAction {
  return {
    version: 1,
    project: record.project,
    target: record.target,
    operations: [...record.operations],
    startedAt: record.startedAt,
    entries: [...record.entries],
    reportTexts: [...record.reportTexts],
  };
}

const OUTCOMES: readonly ActionOutcome[] = ['applied', 'unknown', 'failed', 'notSent'];

/** The record back from its saved form; throws saying what is wrong when it is not one. */
export function restoreAction(saved: unknown): BulkActionRecord {
  const s = saved as Partial<SavedAction> | null;
  const wrong = (what: string): never => {
    throw new Error(`the saved bulk action is unreadable (${what})`);
  };
  if (typeof s !== 'object' || s === null || s.version !== 1) return wrong('unknown version');
  if (!isProject(s.project)) wrong('project');
  if (!isTarget(s.target)) wrong('target');
  if (!Array.isArray(s.operations)) wrong('operations');
  if (typeof s.startedAt !== 'number') wrong('start time');
  if (!Array.isArray(s.entries)) wrong('entries');
  const record = new BulkActionRecord(s.project!, s.target!, s.operations!, s.startedAt!);
  for (const pair of s.entries!) {
    if (!Array.isArray(pair) || typeof pair[0] !== 'number' || !isEntry(pair[1], pair[0])) wrong('an entry');
    record.entries.set(pair[0], pair[1]);
  }
  if (Array.isArray(s.reportTexts)) record.reportTexts.push(...s.reportTexts.filter((t) => typeof t === 'string'));
  return record;
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

const isRecord = (v: unknown, id: number): v is FileRecord => isObject(v) && v.id === id;

const isEntry = (v: unknown, id: number): v is ActionEntry =>
  isObject(v) && OUTCOMES.includes(v.outcome as ActionOutcome) && isRecord(v.before, id) && isRecord(v.after, id);
