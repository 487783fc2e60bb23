import * as l10n from '@vscode/l10n';
import {
  describeOperation,
  fileTitle,
  formatPlanSummary,
  formatRecordPreview,
  type BulkOperation,
  type RecordPlan,
  type ReferenceNames,
} from '..';
import type { JobPlan } from '../job/plan-job';

/** How many changes the preview shows until the user asks for all of them. */
export const PREVIEW_SAMPLE = 20;

/** An open document with unsaved edits, and the files it holds (one for a record, several for a selection). */
export interface OpenEdits {
  /** As the editor's tab names it. */
  document: string;
  ids: readonly number[];
}

/** A document whose unsaved edits the action would overtake: the files of it the action changes. */
export interface UnsavedEdits {
  document: string;
  files: string[];
}

/** The documents with unsaved edits that hold a file this plan changes (a file it leaves alone is no concern). */
export function unsavedEditsIn(plan: Pick<JobPlan, 'preImages'>, open: readonly OpenEdits[]): UnsavedEdits[] {
  const changing = new Map(plan.preImages.map((r) => [r.id, r]));
  return open.flatMap(({ document, ids }) => {
    const files = ids.flatMap((id) => {
      const record = changing.get(id);
      return record ? [fileTitle(record)] : [];
    });
    return files.length ? [{ document, files }] : [];
  });
}

/** The data set ids, asset ids and label external ids the given changes and operations show: their names are looked up. */
export function referencesOf(
  plans: readonly RecordPlan[],
  operations: readonly BulkOperation[] = [],
): {
  dataSetIds: Set<number>;
  assetIds: Set<number>;
  labels: Set<string>;
} {
  const refs = { dataSetIds: new Set<number>(), assetIds: new Set<number>(), labels: new Set<string>() };
  for (const plan of plans)
    for (const record of [plan.before, plan.after]) {
      if (record.dataSetId !== undefined) refs.dataSetIds.add(record.dataSetId);
      for (const id of record.assetIds ?? []) refs.assetIds.add(id);
      for (const label of record.labels ?? []) refs.labels.add(label.externalId);
    }
  for (const op of operations) {
    if (op.op === 'set' && op.field === 'dataSetId' && typeof op.value === 'number') refs.dataSetIds.add(op.value);
    if ((op.op === 'add' || op.op === 'remove') && op.field === 'assetIds')
      for (const id of op.values) refs.assetIds.add(id);
    if ((op.op === 'add' || op.op === 'remove') && op.field === 'labels')
      for (const label of op.values) refs.labels.add(label.externalId);
  }
  return refs;
}

export interface BulkPreviewInput {
  heading: 'Bulk edit' | 'Resume';
  targetLabel: string;
  operations: readonly BulkOperation[];
  plan: JobPlan;
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
export function formatBulkPreview(input: BulkPreviewInput): string {
  const { plan, all, names } = input;
  const shown = all ? plan.changes : plan.changes.slice(0, PREVIEW_SAMPLE);
  const lines = [
    input.heading === 'Resume'
      ? l10n.t('# Resume preview: {0}', input.targetLabel)
      : l10n.t('# Bulk edit preview: {0}', input.targetLabel),
    '',
    input.operations.length
      ? l10n.t('Operations: {0}', input.operations.map((op) => describeOperation(op, names)).join('; '))
      : l10n.t('Operations: each row sets its values'),
    ...(input.notes ?? []).map((note) => `- ${note}`),
    '',
    formatPlanSummary(plan.counts),
    '',
  ];
  if (input.unsaved?.length)
    lines.push(
      l10n.t('## Unsaved edits in open editors'),
      '',
      l10n.t('These files have unsaved edits in an editor and this action changes them. Save or revert them first:'),
      l10n.t('saved afterwards, they have to be merged with what this action wrote.'),
      '',
      ...input.unsaved.map((u) => `- ${u.document}: ${u.files.join(', ')}`),
      '',
    );
  lines.push(
    all ? l10n.t('## Every change') : l10n.t('## First {0} of {1} changes', shown.length, plan.changes.length),
    '',
    ...shown.map((p) => formatRecordPreview(p, names) + '\n'),
  );
  if (plan.refusals.length)
    lines.push(l10n.t('## Refused'), '', ...plan.refusals.map((p) => formatRecordPreview(p) + '\n'));
  return lines.join('\n');
}
