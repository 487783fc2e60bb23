import type { FileChangeUpdate, Label } from '../../cdf/model';
import { badRequest } from '../http/api-error';
import type { FileStore } from '../store/file-store';

/**
 * A file may only point at data sets and labels that exist in the project. (Asset ids are not
 * checked: CDF documents file→asset links as eventually consistent and possibly dangling.)
 */
export function checkDataSet(store: FileStore, dataSetId: number | undefined, at: string): void {
  if (dataSetId !== undefined && !store.dataSets.get(dataSetId))
    throw badRequest(`Invalid request: ${at}: data set ${dataSetId} does not exist in this project`);
}

export function checkLabels(store: FileStore, labels: readonly Label[] | undefined, at: string): void {
  const unknown = (labels ?? []).filter((l) => !store.labels.get(l.externalId)).map((l) => l.externalId);
  if (unknown.length > 0)
    throw badRequest(
      `Invalid request: ${at}: label ${unknown.map((u) => JSON.stringify(u)).join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not defined in this project`,
    );
}

export function checkReferences(store: FileStore, update: FileChangeUpdate, at: string): void {
  const ds = update.dataSetId;
  if (ds && 'set' in ds) checkDataSet(store, ds.set, `${at}.dataSetId.set`);
  const labels = update.labels;
  if (labels && 'set' in labels) checkLabels(store, labels.set, `${at}.labels.set`);
  else if (labels?.add) checkLabels(store, labels.add, `${at}.labels.add`);
}
