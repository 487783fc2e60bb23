import * as l10n from '@vscode/l10n';
import { formatCount } from '../../format-count';
import {
  EDITABLE_FIELDS,
  LIMITS,
  type EditableField,
  type EditableFieldName,
  type FileRecord,
  type ReferenceKind,
} from '../../../cdf/model';
import { type ElementKey, type NameOf, ownField, CLASSIC_FILE_FIELDS, type RecordField } from '../../fields';
import { DOCUMENT_FIELD_ORDER } from '../../records';
import type { PlanCounts } from '../operations/plan-batch';
import type { RecordPlan } from '../operations/plan-record';

/** The updatable fields in the document's order. */
const FIELDS_IN_ORDER = DOCUMENT_FIELD_ORDER.flatMap((name) =>
  CLASSIC_FILE_FIELDS.fields.filter((f) => f.name === name),
);

/** Names of the things a record refers to by id, as far as they are known: shown beside the ids. */
export interface ReferenceNames {
  dataSets?: ReadonlyMap<number, string>;
  assets?: ReadonlyMap<number, string>;
  labels?: ReadonlyMap<string, string>;
}

/** The names known for what a field's ids refer to (nothing for a field that refers to nothing). */
export function nameOfReference(field: EditableFieldName | RecordField, names: ReferenceNames): NameOf {
  const { references }: { references?: ReferenceKind } =
    typeof field === 'string' ? (EDITABLE_FIELDS[field] as EditableField) : field;
  const known = references && (names[references] as ReadonlyMap<ElementKey, string> | undefined);
  return (key) => known?.get(key);
}

/** `P-101.pdf (id 123)`: how a file is named in previews and reports. */
export const fileTitle = (record: FileRecord): string => l10n.t('{0} (id {1})', record.name, record.id);

/**
 * One line per change from `before` to `after`, in document field order, metadata keys sorted:
 * `labels: + pump, - old`, `metadata.rev: "A" → "B"`, `metadata.tag: + "P-1"`, `directory: "/a" → (unset)`.
 */
export function describeChanges(before: FileRecord, after: FileRecord, names: ReferenceNames = {}): string[] {
  return FIELDS_IN_ORDER.flatMap((field) => {
    const [was, is] = [ownField(before, field.name), ownField(after, field.name)];
    if (field.kind.same(was, is)) return [];
    return field.kind.describe(field.name, was, is, nameOfReference(field, names));
  });
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
    counts.matched === 1 ? l10n.t('1 file matched.') : l10n.t('{0} files matched.', formatCount(counts.matched)),
    requests === 1
      ? l10n.t(
          '{0} will change, in 1 request (at most {1} files per request).',
          formatCount(counts.changed),
          formatCount(LIMITS.itemsPerRequest),
        )
      : l10n.t(
          '{0} will change, in {1} requests (at most {2} files per request).',
          formatCount(counts.changed),
          formatCount(requests),
          formatCount(LIMITS.itemsPerRequest),
        ),
  ];
  if (counts.unchanged)
    lines.push(
      counts.unchanged === 1
        ? l10n.t('1 needs no change.')
        : l10n.t('{0} need no change.', formatCount(counts.unchanged)),
    );
  if (counts.refused) {
    lines.push(l10n.t('{0} refused:', formatCount(counts.refused)));
    const reasons = Object.entries(counts.refusedByReason).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    for (const [reason, n] of reasons) lines.push(`  ${n} × ${reason}`);
  }
  return lines.join('\n');
}
