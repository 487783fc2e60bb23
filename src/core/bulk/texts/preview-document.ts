import * as l10n from '@vscode/l10n';
import { ownField, type ElementKey } from '../../fields';
import type { ReferenceKind } from '../../../cdf/model';
import {
  describeOperation,
  fieldOf,
  formatPlanSummary,
  titleOf,
  type BulkKind,
  formatRecordPreview,
  type BulkOperation,
  type RecordPlan,
  type ReferenceNames,
} from '..';
import type { JobPlan } from '../job/plan-job';

/** How many changes the preview shows until the user asks for all of them. */
export const PREVIEW_SAMPLE = 20;

/** An open document with unsaved edits, and the records it holds (one for a record, several for a selection). */
export interface OpenEdits {
  /** As the editor's tab names it. */
  document: string;
  /** The records' keys (`BulkKind.key`). */
  keys: readonly string[];
}

/** A document whose unsaved edits the action would overtake: the files of it the action changes. */
export interface UnsavedEdits {
  document: string;
  files: string[];
}

/** The documents with unsaved edits that hold a file this plan changes (a file it leaves alone is no concern). */
export function unsavedEditsIn<R extends object, U>(
  kind: BulkKind<R, U>,
  plan: Pick<JobPlan<R, U>, 'preImages'>,
  open: readonly OpenEdits[],
): UnsavedEdits[] {
  const changing = new Map(plan.preImages.map((r) => [kind.key(r), r]));
  return open.flatMap(({ document, keys }) => {
    const files = keys.flatMap((key) => {
      const record = changing.get(key);
      return record ? [titleOf(kind, record)] : [];
    });
    return files.length ? [{ document, files }] : [];
  });
}

/** What the ids a preview shows refer to, by the kind of thing they name: their names are looked up. */
export interface References {
  dataSetIds: Set<number>;
  assetIds: Set<number>;
  labels: Set<string>;
}

const REFERENCE_SETS: Record<ReferenceKind, keyof References> = {
  dataSets: 'dataSetIds',
  assets: 'assetIds',
  labels: 'labels',
};

/** The ids the given changes and operations show, per field that refers to something (its `references`). */
export function referencesOf<R extends object, U>(
  kind: BulkKind<R, U>,
  plans: readonly RecordPlan<R, U>[],
  operations: readonly BulkOperation[] = [],
): References {
  const refs: References = { dataSetIds: new Set(), assetIds: new Set(), labels: new Set() };
  const add = (field: string, value: unknown): void => {
    const spec = fieldOf(kind, field);
    if (!spec?.references || value === undefined || value === null) return;
    const into = refs[REFERENCE_SETS[spec.references]] as Set<ElementKey>;
    // A set names its members by key (an asset id, a label's external id); a scalar is its one value.
    const elements = spec.kind.elements(value);
    const ids = spec.kind.members ? [...elements.keys()] : [...elements.values()];
    for (const id of ids) if (typeof id === 'string' || typeof id === 'number') into.add(id);
  };
  for (const plan of plans)
    for (const record of [plan.before, plan.after])
      for (const field of kind.fields) add(field.name, ownField(record, field.name));
  for (const op of operations) {
    if (op.op === 'set') add(op.field, op.value);
    if (op.op === 'add' || op.op === 'remove') add(op.field, op.values);
  }
  return refs;
}

export interface BulkPreviewInput<R extends object, U> {
  kind: BulkKind<R, U>;
  heading: 'Bulk edit' | 'Resume';
  targetLabel: string;
  operations: readonly BulkOperation[];
  plan: JobPlan<R, U>;
  /** Every change, or the first PREVIEW_SAMPLE. */
  all: boolean;
  names?: ReferenceNames;
  unsaved?: readonly UnsavedEdits[];
  /** Lines a plan made elsewhere adds (a CSV import's "replaces all" columns). */
  notes?: readonly string[];
}

/**
 * The preview document: the operations, the counts, a warning when files it changes have unsaved
 * edits open (saving those afterwards has to merge with this action), then the changes file by file.
 */
export function formatBulkPreview<R extends object, U>(input: BulkPreviewInput<R, U>): string {
  const { kind, plan, all, names } = input;
  const shown = all ? plan.changes : plan.changes.slice(0, PREVIEW_SAMPLE);
  const lines = [
    input.heading === 'Resume'
      ? l10n.t('# Resume preview: {0}', input.targetLabel)
      : l10n.t('# Bulk edit preview: {0}', input.targetLabel),
    '',
    input.operations.length
      ? l10n.t('Operations: {0}', input.operations.map((op) => describeOperation(kind, op, names)).join('; '))
      : l10n.t('Operations: each row sets its values'),
    ...(input.notes ?? []).map((note) => `- ${note}`),
    '',
    formatPlanSummary(kind, plan.counts),
    '',
  ];
  if (input.unsaved?.length)
    lines.push(
      l10n.t('## Unsaved edits in open editors'),
      '',
      l10n.t(
        'These {0} have unsaved edits in an editor and this action changes them. Save or revert them first:',
        kind.nouns(),
      ),
      l10n.t('saved afterwards, they have to be merged with what this action wrote.'),
      '',
      ...input.unsaved.map((u) => `- ${u.document}: ${u.files.join(', ')}`),
      '',
    );
  lines.push(
    all ? l10n.t('## Every change') : l10n.t('## First {0} of {1} changes', shown.length, plan.changes.length),
    '',
    ...shown.map((p) => formatRecordPreview(kind, p, names) + '\n'),
  );
  if (plan.refusals.length)
    lines.push(l10n.t('## Refused'), '', ...plan.refusals.map((p) => formatRecordPreview(kind, p) + '\n'));
  return lines.join('\n');
}
