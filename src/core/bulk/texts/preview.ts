import * as l10n from '@vscode/l10n';
import { formatCount } from '../../format-count';
import { LIMITS } from '../../../cdf/model';
import { type ElementKey, type NameOf, ownField, type RecordField } from '../../fields';
import { titleOf, type BulkKind } from '../bulk-kind';
import type { RecordNouns } from '../../records';
import type { PlanCounts } from '../operations/plan-batch';
import type { RecordPlan } from '../operations/plan-record';

/** The kind's updatable fields in its document's order. */
const fieldsInOrder = <R extends object, U>(kind: BulkKind<R, U>): RecordField[] =>
  kind.document.order.flatMap((name) => kind.fields.filter((f) => f.name === name));

/** Names of the things a record refers to by id, as far as they are known: shown beside the ids. */
export interface ReferenceNames {
  dataSets?: ReadonlyMap<number, string>;
  assets?: ReadonlyMap<number, string>;
  labels?: ReadonlyMap<string, string>;
}

/** The names known for what a field's ids refer to (nothing for a field that refers to nothing). */
export function nameOfReference(field: RecordField, names: ReferenceNames): NameOf {
  const known = field.references && (names[field.references] as ReadonlyMap<ElementKey, string> | undefined);
  return (key) => known?.get(key);
}

/**
 * One line per change from `before` to `after`, in document field order, metadata keys sorted:
 * `labels: + pump, - old`, `metadata.rev: "A" → "B"`, `metadata.tag: + "P-1"`, `directory: "/a" → (unset)`.
 */
export function describeChanges<R extends object, U>(
  kind: BulkKind<R, U>,
  before: R,
  after: R,
  names: ReferenceNames = {},
): string[] {
  return fieldsInOrder(kind).flatMap((field) => {
    const [was, is] = [ownField(before, field.name), ownField(after, field.name)];
    if (field.kind.same(was, is)) return [];
    return field.kind.describe(field.name, was, is, nameOfReference(field, names));
  });
}

/** A file's block in the preview: its title, then its changes (or why it is left alone or refused), indented. */
export function formatRecordPreview<R extends object, U>(
  kind: BulkKind<R, U>,
  plan: RecordPlan<R, U>,
  names?: ReferenceNames,
): string {
  const title = titleOf(kind, plan.before);
  switch (plan.outcome) {
    case 'change':
      return [title, ...describeChanges(kind, plan.before, plan.after, names).map((l) => `  ${l}`)].join('\n');
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
export function formatPlanSummary(kind: RecordNouns, counts: PlanCounts): string {
  const requests = requestsFor(counts.changed);
  const lines = [
    counts.matched === 1
      ? l10n.t('1 {0} matched.', kind.noun())
      : l10n.t('{0} {1} matched.', formatCount(counts.matched), kind.nouns()),
    requests === 1
      ? l10n.t(
          '{0} will change, in 1 request (at most {1} {2} per request).',
          formatCount(counts.changed),
          formatCount(LIMITS.itemsPerRequest),
          kind.nouns(),
        )
      : l10n.t(
          '{0} will change, in {1} requests (at most {2} {3} per request).',
          formatCount(counts.changed),
          formatCount(requests),
          formatCount(LIMITS.itemsPerRequest),
          kind.nouns(),
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
