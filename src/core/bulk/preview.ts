import * as l10n from '@vscode/l10n';
import { EDITABLE_FIELDS, LIMITS, type EditableFieldName, type FileRecord } from '../../cdf/model';
import { DOCUMENT_FIELD_ORDER } from '../document/types';
import { sameFieldValue } from '../field-values';
import { displayPath } from '../json-path';
import { elementKey } from './compile-action';
import { ownValue } from './own-keys';
import type { PlanCounts } from './plan-batch';
import type { RecordPlan } from './plan-record';

const EDITABLE_IN_ORDER = DOCUMENT_FIELD_ORDER.filter((n): n is EditableFieldName => Object.hasOwn(EDITABLE_FIELDS, n));
const MAX_SHOWN = 80;
/** The largest time a JavaScript Date can show; epoch ms may go higher. */
const MAX_DATE_MS = 8.64e15;

/** Names of the things a record refers to by id, as far as they are known: shown beside the ids. */
export interface ReferenceNames {
  dataSets?: ReadonlyMap<number, string>;
  assets?: ReadonlyMap<number, string>;
  labels?: ReadonlyMap<string, string>;
}

/** `P-101.pdf (id 123)`: how a file is named in previews and reports. */
export const fileTitle = (record: FileRecord): string => l10n.t('{0} (id {1})', record.name, record.id);

/**
 * One line per change from `before` to `after`, in document field order, metadata keys sorted:
 * `labels: + pump, - old`, `metadata.rev: "A" → "B"`, `metadata.tag: + "P-1"`, `directory: "/a" → (unset)`.
 */
export function describeChanges(before: FileRecord, after: FileRecord, names: ReferenceNames = {}): string[] {
  const lines: string[] = [];
  for (const name of EDITABLE_IN_ORDER) {
    const was: unknown = before[name];
    const is: unknown = after[name];
    if (sameFieldValue(name, was, is)) continue;
    switch (EDITABLE_FIELDS[name].kind) {
      case 'scalar':
        lines.push(`${name}: ${show(name, was, names)} → ${show(name, is, names)}`);
        break;
      case 'metadata':
        lines.push(...metadataLines((was ?? {}) as Record<string, string>, (is ?? {}) as Record<string, string>));
        break;
      case 'idSet':
      case 'labels':
        lines.push(
          `${name}: ${elementChanges((was ?? []) as unknown[], (is ?? []) as unknown[], nameOfElement(name, names))}`,
        );
        break;
    }
  }
  return lines;
}

/** A file's block in the preview: its title, then its changes (or why it is left alone or refused), indented. */
export function formatRecordPreview(plan: RecordPlan, names?: ReferenceNames): string {
  const title = fileTitle(plan.before);
  switch (plan.outcome) {
    case 'change':
      return [title, ...describeChanges(plan.before, plan.after, names).map((l) => `  ${l}`)].join('\n');
    case 'unchanged':
      return l10n.t('{0}: no change ({1})', title, plan.skipped);
    case 'refused':
      return [l10n.t('{0}: refused', title), ...plan.problems.map((p) => `  ${p.where}: ${p.message}`)].join('\n');
  }
}

export const requestsFor = (changed: number): number => Math.ceil(changed / LIMITS.itemsPerRequest);

/**
 * The confirmation text: how many files match, how many change and in how many requests, how many
 * need nothing, how many are refused and why (most frequent reason first).
 */
export function formatPlanSummary(counts: PlanCounts): string {
  const requests = requestsFor(counts.changed);
  const lines = [
    counts.matched === 1 ? l10n.t('1 file matched.') : l10n.t('{0} files matched.', counts.matched),
    requests === 1
      ? l10n.t('{0} will change, in 1 request (at most {1} files per request).', counts.changed, LIMITS.itemsPerRequest)
      : l10n.t(
          '{0} will change, in {1} requests (at most {2} files per request).',
          counts.changed,
          requests,
          LIMITS.itemsPerRequest,
        ),
  ];
  if (counts.unchanged)
    lines.push(counts.unchanged === 1 ? l10n.t('1 needs no change.') : l10n.t('{0} need no change.', counts.unchanged));
  if (counts.refused) {
    lines.push(l10n.t('{0} refused:', counts.refused));
    const reasons = Object.entries(counts.refusedByReason).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    for (const [reason, n] of reasons) lines.push(`  ${n} × ${reason}`);
  }
  return lines.join('\n');
}

function metadataLines(was: Record<string, string>, is: Record<string, string>): string[] {
  const keys = [...new Set([...Object.keys(was), ...Object.keys(is)])].sort();
  const lines: string[] = [];
  for (const key of keys) {
    const a = ownValue(was, key);
    const b = ownValue(is, key);
    if (a === b) continue;
    const path = displayPath(['metadata', key]);
    if (a === undefined) lines.push(`${path}: + ${quote(b)}`);
    else if (b === undefined) lines.push(`${path}: - ${quote(a)}`);
    else lines.push(`${path}: ${quote(a)} → ${quote(b)}`);
  }
  return lines;
}

function elementChanges(was: unknown[], is: unknown[], nameOf: (key: string | number) => string | undefined): string {
  const before = new Set(was.map(elementKey));
  const after = new Set(is.map(elementKey));
  const named = (k: string | number) => {
    const name = nameOf(k);
    return name && name !== String(k) ? `${String(k)} (${name})` : String(k);
  };
  const added = [...after].filter((k) => !before.has(k)).map((k) => `+ ${named(k)}`);
  const removed = [...before].filter((k) => !after.has(k)).map((k) => `- ${named(k)}`);
  return [...added, ...removed].join(', ');
}

/** Asset ids and label external ids have names; security categories have none to show. */
function nameOfElement(field: EditableFieldName, names: ReferenceNames): (key: string | number) => string | undefined {
  if (field === 'assetIds') return (k) => (typeof k === 'number' ? names.assets?.get(k) : undefined);
  if (field === 'labels') return (k) => (typeof k === 'string' ? names.labels?.get(k) : undefined);
  return () => undefined;
}

function show(name: EditableFieldName, value: unknown, names: ReferenceNames = {}): string {
  if (value === undefined || value === null) return l10n.t('(unset)');
  if (name === 'dataSetId' && typeof value === 'number') {
    const dataSet = names.dataSets?.get(value);
    return dataSet ? `${value} (${dataSet})` : String(value);
  }
  if ((name === 'sourceCreatedTime' || name === 'sourceModifiedTime') && typeof value === 'number')
    return Math.abs(value) <= MAX_DATE_MS ? `${value} (${new Date(value).toISOString()})` : String(value);
  return quote(value);
}

function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}
