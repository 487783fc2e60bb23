import * as vscode from 'vscode';
import type { FilesApi } from '../../core/ports';
import type { FileFilter } from '../../cdf/model';
import { fileFilterProblem, metadataFilterProblem, metadataFilterText, parseMetadataFilter } from '../../core/browse';

type TextField = 'name' | 'externalIdPrefix' | 'directoryPrefix' | 'mimeType' | 'source';

interface Choice extends vscode.QuickPickItem {
  action: TextField | 'dataSet' | 'labels' | 'metadata' | 'uploaded' | 'apply' | 'clear';
}

const TEXT_FIELDS: readonly TextField[] = ['name', 'externalIdPrefix', 'directoryPrefix', 'mimeType', 'source'];

function textFieldLabel(field: TextField): string {
  switch (field) {
    case 'name':
      return vscode.l10n.t('Name (exact)');
    case 'externalIdPrefix':
      return vscode.l10n.t('External id prefix');
    case 'directoryPrefix':
      return vscode.l10n.t('Directory prefix');
    case 'mimeType':
      return vscode.l10n.t('Mime type');
    case 'source':
      return vscode.l10n.t('Source');
  }
}

/**
 * A small filter editor: pick a field, enter its value (checked against the API's filter model as you
 * type), repeat, then apply. Returns undefined when the user backs out.
 */
export async function pickFilter(api: FilesApi, current: FileFilter): Promise<FileFilter | undefined> {
  let filter: FileFilter = { ...current };
  for (;;) {
    const choice = await vscode.window.showQuickPick(choices(filter), {
      title: vscode.l10n.t('Filter Files'),
      ignoreFocusOut: true,
    });
    if (!choice) return undefined;
    if (choice.action === 'apply') return filter;
    filter = choice.action === 'clear' ? {} : await editCondition(api, filter, choice.action);
  }
}

/** The editor's list: Apply, each condition with its value, Clear all. */
function choices(filter: FileFilter): Choice[] {
  return [
    { label: `$(check) ${vscode.l10n.t('Apply')}`, action: 'apply', description: summary(filter) },
    ...TEXT_FIELDS.map((f) => ({ label: textFieldLabel(f), action: f, description: filter[f] ?? '' })),
    {
      label: vscode.l10n.t('Data set'),
      action: 'dataSet',
      description: filter.dataSetIds?.map((d) => ('id' in d ? d.id : d.externalId)).join(', ') ?? '',
    },
    { label: vscode.l10n.t('Labels (any of)'), action: 'labels', description: labelText(filter) },
    { label: vscode.l10n.t('Metadata key=value'), action: 'metadata', description: metadataFilterText(filter) },
    {
      label: vscode.l10n.t('Uploaded'),
      action: 'uploaded',
      description: filter.uploaded === undefined ? '' : String(filter.uploaded),
    },
    { label: `$(clear-all) ${vscode.l10n.t('Clear all')}`, action: 'clear' },
  ];
}

/** Asks for one condition's value; the filter as it was when the user backs out. */
async function editCondition(
  api: FilesApi,
  filter: FileFilter,
  action: Exclude<Choice['action'], 'apply' | 'clear'>,
): Promise<FileFilter> {
  switch (action) {
    case 'dataSet': {
      const dataSets = await api.listDataSets();
      const items = dataSets.map((d) => ({
        label: d.name ?? String(d.id),
        description: `${d.id}${d.externalId ? ` · ${d.externalId}` : ''}`,
        id: d.id,
      }));
      const title = vscode.l10n.t('Files in any of these data sets');
      const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title });
      if (!picked) return filter;
      return withValue(filter, 'dataSetIds', picked.length ? picked.map((p) => ({ id: p.id })) : undefined);
    }
    case 'labels': {
      const items = (await api.listLabels()).map((l) => ({ label: l.externalId, description: l.name }));
      const title = vscode.l10n.t('Files with any of these labels');
      const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title });
      if (!picked) return filter;
      const any = picked.map((p) => ({ externalId: p.label }));
      return withValue(filter, 'labels', picked.length ? { containsAny: any } : undefined);
    }
    case 'metadata': {
      const text = await input(
        vscode.l10n.t('Metadata filter: key=value (exact match); empty to clear'),
        metadataFilterText(filter),
        (v) => metadataFilterProblem(v) ?? validate(filter, 'metadata', parseMetadataFilter(v)),
      );
      return text === undefined ? filter : withValue(filter, 'metadata', parseMetadataFilter(text));
    }
    case 'uploaded': {
      const picked = await vscode.window.showQuickPick(['any', 'true', 'false'], { title: vscode.l10n.t('Uploaded') });
      return picked ? withValue(filter, 'uploaded', picked === 'any' ? undefined : picked === 'true') : filter;
    }
    default: {
      const text = await input(textFieldLabel(action), filter[action] ?? '', (v) =>
        validate(filter, action, v || undefined),
      );
      return text === undefined ? filter : withValue(filter, action, text || undefined);
    }
  }
}

function withValue<K extends keyof FileFilter>(
  filter: FileFilter,
  key: K,
  value: FileFilter[K] | undefined,
): FileFilter {
  const next = { ...filter };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

function validate<K extends keyof FileFilter>(
  filter: FileFilter,
  key: K,
  value: FileFilter[K] | undefined,
): string | undefined {
  return fileFilterProblem(withValue(filter, key, value));
}

function input(
  prompt: string,
  value: string,
  validateInput: (v: string) => string | undefined,
): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: vscode.l10n.t('Filter Files'),
    prompt,
    value,
    validateInput,
    ignoreFocusOut: true,
  });
}

const labelText = (f: FileFilter): string =>
  f.labels
    ? ('containsAny' in f.labels ? f.labels.containsAny : f.labels.containsAll).map((l) => l.externalId).join(', ')
    : '';
function summary(f: FileFilter): string {
  const n = Object.keys(f).length;
  if (n === 0) return vscode.l10n.t('no conditions');
  return n === 1 ? vscode.l10n.t('1 condition') : vscode.l10n.t('{0} conditions', n);
}
