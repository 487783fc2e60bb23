import * as vscode from 'vscode';
import type { FilesApi } from '../../core/ports';
import { EDITABLE_FIELD_NAMES, type EditableFieldName } from '../../cdf/model';
import { kindOf } from '../../core/fields';
import { CLASSIC_FILE_BULK, checkDirectory } from '../../core/classic-file';
import {
  checkMetadataKey,
  checkMetadataValue,
  describeOperation,
  parseElementsInput,
  parseFieldInput,
  type BulkOperation,
} from '../../core/bulk';
import { askFind } from './find-input';

interface Step extends vscode.QuickPickItem {
  run?: () => Promise<BulkOperation | undefined>;
  done?: boolean;
}

const SCALAR_FIELDS = EDITABLE_FIELD_NAMES.filter((f) => !kindOf(f).collection);
const SET_FIELDS: EditableFieldName[] = ['labels', 'assetIds', 'securityCategories'];

/** The wizard's steps: 1 which files, 2 which operations (again after each), 3 an operation's details. */
const WIZARD_STEPS = 3;

/** Every quick pick and input box of the wizard says it is the bulk edit, and which step: `Bulk Edit (2/3): …`. */
export const wizardTitle = (step: 1 | 2 | 3, what: string): string =>
  vscode.l10n.t('Bulk Edit ({0}/{1}): {2}', step, WIZARD_STEPS, what);

/** Export's steps, titled like the bulk edit's: `Export (1/2): …` (which format), `Export (2/2): …` (where). */
export const exportTitle = (step: 1 | 2, what: string): string => vscode.l10n.t('Export ({0}/{1}): {2}', step, 2, what);

/** Import's one step, titled like the bulk edit's: `Import CSV (1/1): …` (which file); a preview follows. */
export const importTitle = (what: string): string => vscode.l10n.t('Import CSV ({0}/{1}): {2}', 1, 1, what);

/** An operation's details (step 3). */
const detailsTitle = (what: string): string => wizardTitle(3, what);

/**
 * Builds the operations of a bulk action, one at a time, each parameter checked as it is typed
 * (the same checks the planner runs), so nothing invalid ever reaches a request.
 */
export async function pickOperations(api: FilesApi, targetLabel: string): Promise<BulkOperation[] | undefined> {
  const operations: BulkOperation[] = [];
  for (;;) {
    const steps: Step[] = [
      ...(operations.length
        ? [
            {
              label: `$(check) ${
                operations.length === 1
                  ? vscode.l10n.t('Preview 1 operation…')
                  : vscode.l10n.t('Preview {0} operations…', operations.length)
              }`,
              detail: operations.map((op) => describeOperation(CLASSIC_FILE_BULK, op)).join('; '),
              done: true,
            },
          ]
        : []),
      { label: vscode.l10n.t('Add labels…'), run: () => pickLabels(api, 'add') },
      { label: vscode.l10n.t('Remove labels…'), run: () => pickLabels(api, 'remove') },
      { label: vscode.l10n.t('Add metadata key…'), run: metadataAdd },
      { label: vscode.l10n.t('Remove metadata key…'), run: metadataRemove },
      { label: vscode.l10n.t('Rename metadata key…'), run: metadataRename },
      { label: vscode.l10n.t('Find and replace in metadata values…'), run: metadataReplace },
      { label: vscode.l10n.t('Move directory (replace a prefix)…'), run: directoryMove },
      { label: vscode.l10n.t('Set data set…'), run: () => pickDataSet(api) },
      { label: vscode.l10n.t('Set a field…'), run: setField },
      { label: vscode.l10n.t('Clear a field…'), run: clearField },
      ...SET_FIELDS.filter((f) => f !== 'labels').flatMap((field) => [
        { label: vscode.l10n.t('Add {0}…', field), run: () => elements('add', field) },
        { label: vscode.l10n.t('Remove {0}…', field), run: () => elements('remove', field) },
      ]),
    ];
    const step = await vscode.window.showQuickPick(steps, {
      title: wizardTitle(2, targetLabel),
      placeHolder: operations.length
        ? vscode.l10n.t('Add another operation, or preview')
        : vscode.l10n.t('What should change?'),
      ignoreFocusOut: true,
    });
    if (!step) return undefined;
    if (step.done) return operations;
    const op = await step.run?.();
    if (op) operations.push(op);
  }
}

const ask = (
  title: string,
  prompt: string,
  validateInput: (v: string) => string | undefined,
  value = '',
): Thenable<string | undefined> =>
  vscode.window.showInputBox({ title: detailsTitle(title), prompt, value, validateInput, ignoreFocusOut: true });

async function pickLabels(api: FilesApi, op: 'add' | 'remove'): Promise<BulkOperation | undefined> {
  const labels = await api.listLabels();
  const picked = await vscode.window.showQuickPick(
    labels.map((l) => ({ label: l.externalId, description: l.name })),
    {
      canPickMany: true,
      ignoreFocusOut: true,
      title: detailsTitle(op === 'add' ? vscode.l10n.t('Labels to add') : vscode.l10n.t('Labels to remove')),
    },
  );
  return picked?.length ? { op, field: 'labels', values: picked.map((p) => ({ externalId: p.label })) } : undefined;
}

async function metadataAdd(): Promise<BulkOperation | undefined> {
  const title = vscode.l10n.t('Add metadata key');
  const key = await ask(title, vscode.l10n.t('Metadata key'), checkMetadataKey);
  if (key === undefined) return undefined;
  const value = await ask(
    title,
    vscode.l10n.t('Value for "{0}" (replaces the value where the key exists)', key),
    checkMetadataValue,
  );
  return value === undefined ? undefined : { op: 'metadataAdd', key, value };
}

async function metadataRemove(): Promise<BulkOperation | undefined> {
  const key = await ask(
    vscode.l10n.t('Remove metadata key'),
    vscode.l10n.t('Metadata key to remove'),
    checkMetadataKey,
  );
  return key === undefined ? undefined : { op: 'metadataRemove', key };
}

async function metadataRename(): Promise<BulkOperation | undefined> {
  const title = vscode.l10n.t('Rename metadata key');
  const from = await ask(title, vscode.l10n.t('Metadata key to rename'), checkMetadataKey);
  if (from === undefined) return undefined;
  const to = await ask(
    title,
    vscode.l10n.t('New name for "{0}" (files that already have it are refused, not overwritten)', from),
    (v) => (v === from ? vscode.l10n.t('The new name is the old one') : checkMetadataKey(v)),
  );
  return to === undefined ? undefined : { op: 'metadataRenameKey', from, to };
}

async function metadataReplace(): Promise<BulkOperation | undefined> {
  const title = vscode.l10n.t('Find and replace in metadata values');
  const found = await askFind(detailsTitle(title), vscode.l10n.t('in metadata values'));
  if (!found) return undefined;
  const replacement = await ask(title, vscode.l10n.t('Replace with'), () => undefined);
  if (replacement === undefined) return undefined;
  return { op: 'metadataReplace', ...found, replacement };
}

async function directoryMove(): Promise<BulkOperation | undefined> {
  const title = vscode.l10n.t('Move directory');
  const from = await ask(title, vscode.l10n.t('Move files from the directory (and below it)'), checkDirectory);
  if (from === undefined) return undefined;
  const to = await ask(title, vscode.l10n.t('to the directory'), checkDirectory);
  return to === undefined ? undefined : { op: 'directoryMove', from, to };
}

async function pickDataSet(api: FilesApi): Promise<BulkOperation | undefined> {
  const dataSets = await api.listDataSets();
  const picked = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('(no data set)'), id: undefined as number | undefined },
      ...dataSets.map((d) => ({
        label: d.name ?? String(d.id),
        description: String(d.id),
        id: d.id,
      })),
    ],
    { title: detailsTitle(vscode.l10n.t('Set data set')), ignoreFocusOut: true },
  );
  if (!picked) return undefined;
  return picked.id === undefined
    ? { op: 'clear', field: 'dataSetId' }
    : { op: 'set', field: 'dataSetId', value: picked.id };
}

async function setField(): Promise<BulkOperation | undefined> {
  const title = vscode.l10n.t('Set a field');
  const field = (await vscode.window.showQuickPick(SCALAR_FIELDS, {
    title: detailsTitle(title),
    placeHolder: vscode.l10n.t('Field to set'),
    ignoreFocusOut: true,
  })) as EditableFieldName | undefined;
  if (!field) return undefined;
  const text = await ask(title, vscode.l10n.t('New value of {0}', field), (v) => {
    const parsed = parseFieldInput(CLASSIC_FILE_BULK, field, v);
    return parsed.ok ? undefined : parsed.message;
  });
  if (text === undefined) return undefined;
  const parsed = parseFieldInput(CLASSIC_FILE_BULK, field, text);
  return parsed.ok ? { op: 'set', field, value: parsed.value } : undefined;
}

async function clearField(): Promise<BulkOperation | undefined> {
  const field = (await vscode.window.showQuickPick(EDITABLE_FIELD_NAMES, {
    title: detailsTitle(vscode.l10n.t('Clear a field')),
    placeHolder: vscode.l10n.t('Field to clear'),
    ignoreFocusOut: true,
  })) as EditableFieldName | undefined;
  return field ? { op: 'clear', field } : undefined;
}

async function elements(op: 'add' | 'remove', field: EditableFieldName): Promise<BulkOperation | undefined> {
  const title = op === 'add' ? vscode.l10n.t('Add {0}', field) : vscode.l10n.t('Remove {0}', field);
  const text = await ask(title, vscode.l10n.t('{0} to {1} (comma-separated ids)', field, op), (v) => {
    const parsed = parseElementsInput(CLASSIC_FILE_BULK, field, v);
    return parsed.ok ? undefined : parsed.message;
  });
  if (text === undefined) return undefined;
  const parsed = parseElementsInput(CLASSIC_FILE_BULK, field, text);
  return parsed.ok ? { op, field, values: parsed.value } : undefined;
}
