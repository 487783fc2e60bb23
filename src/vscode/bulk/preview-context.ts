import * as vscode from 'vscode';
import type { FileRecord, FileUpdateItem } from '../../cdf/model';
import type { ClassicUpdateItem } from '../../core/classic-file';
import type { BulkOperation, PreviewSources, RecordPlan, ReferenceNames } from '../../core/bulk';
import { referencesOf, type OpenEdits } from '../../core/bulk';
import { CLASSIC_FILE_BULK } from '../../core/classic-file';
import type { ProjectLookups, ReferenceName } from '../editor/project-lookups';
import { parseRecordUri, parseSelectionUri } from '../record-uri';
import type { SelectionFiles } from '../selection-files';

/** More asset ids than this are shown as ids alone: the preview must not wait on thousands of look-ups. */
const MAX_ASSET_LOOKUPS = 5000;

/**
 * The names of the data sets, assets and labels the shown changes refer to, from the project's cached
 * look-ups. A look-up that fails leaves those ids without names: the preview must still show.
 */
export async function previewNames(
  lookups: ProjectLookups,
  plans: readonly RecordPlan<FileRecord, ClassicUpdateItem>[],
  operations: readonly BulkOperation[],
): Promise<ReferenceNames> {
  const refs = referencesOf(CLASSIC_FILE_BULK, plans, operations);
  const [dataSets, labels, assets] = await Promise.all([
    lookups.dataSets().catch(() => []),
    lookups.labels().catch(() => []),
    lookups.assetNamesOf([...refs.assetIds].slice(0, MAX_ASSET_LOOKUPS)).catch(() => new Map<number, ReferenceName>()),
  ]);
  return {
    dataSets: new Map(
      dataSets.filter((d) => refs.dataSetIds.has(d.id) && d.name).map((d) => [d.id, d.name ?? String(d.id)]),
    ),
    labels: new Map(labels.filter((l) => refs.labels.has(l.externalId)).map((l) => [l.externalId, l.name])),
    assets: new Map([...assets].map(([id, a]) => [id, a.name])),
  };
}

/**
 * Open documents of this project with unsaved edits: a record (its file) or a selection (all its files;
 * which elements were edited does not matter, the save diffs each of them).
 */
export function openEdits(
  project: string,
  selections: SelectionFiles<FileRecord, FileUpdateItem> | undefined,
): OpenEdits[] {
  return vscode.workspace.textDocuments.flatMap((doc): OpenEdits[] => {
    if (!doc.isDirty) return [];
    const document = doc.uri.path.split('/').pop() ?? doc.uri.path;
    const record = parseRecordUri(doc.uri);
    if (record?.project === project) return [{ document, keys: [String(record.id)] }];
    const selection = parseSelectionUri(doc.uri);
    const records = selection?.project === project ? selections?.cached(selection) : undefined;
    return records ? [{ document, keys: records.map((r) => CLASSIC_FILE_BULK.key(r)) }] : [];
  });
}

/** Open unsaved edits a job overtakes, and (classic files) the names of the ids it shows. */
export function previewSourcesOf(
  kind: string,
  project: string,
  lookups: ProjectLookups | undefined,
  selections: SelectionFiles<FileRecord, FileUpdateItem> | undefined,
): PreviewSources<object, unknown> {
  if (kind !== 'classic-file') return { openEdits: [] };
  return {
    openEdits: openEdits(project, selections),
    names:
      lookups &&
      ((shown, operations) =>
        previewNames(lookups, shown as readonly RecordPlan<FileRecord, ClassicUpdateItem>[], operations)),
  };
}
