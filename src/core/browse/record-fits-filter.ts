import type { FileFilter, FileRecord } from '../../cdf/model';

/** `true`: CDF lists the record under the filter; `false`: it does not; `undefined`: only CDF can tell. */
export type Fit = boolean | undefined;

type Check = (record: FileRecord, filter: FileFilter) => Fit;

const startsWith = (value: string | undefined, prefix: string | undefined): Fit =>
  prefix === undefined || (value?.startsWith(prefix) ?? false);
const equalOrUnset = <T>(value: T, wanted: T | undefined): Fit => wanted === undefined || value === wanted;

/** The filter's time ranges (created, last updated, uploaded, source created and modified). */
type TimeField = Extract<keyof FileFilter, `${string}Time`>;
const inRange = (value: number | undefined, range: FileFilter[TimeField]): boolean =>
  !range || (value !== undefined && value >= (range.min ?? -Infinity) && value <= (range.max ?? Infinity));

/**
 * Every filter field the record alone decides, as CDF's files filter defines it (each narrows, AND).
 * Asset external ids, asset subtrees, root assets, data sets by external id and geo relations need
 * CDF's other resources: those answer `undefined`.
 */
const CHECKS: readonly Check[] = [
  (r, f) => equalOrUnset(r.name, f.name),
  (r, f) => startsWith(r.directory, f.directoryPrefix),
  (r, f) => equalOrUnset(r.mimeType, f.mimeType),
  (r, f) => equalOrUnset(r.source, f.source),
  (r, f) => startsWith(r.externalId, f.externalIdPrefix),
  (r, f) => equalOrUnset(r.uploaded, f.uploaded),
  (r, f) =>
    Object.entries(f.metadata ?? {}).every(
      ([k, v]) => r.metadata !== undefined && Object.hasOwn(r.metadata, k) && r.metadata[k] === v,
    ),
  (r, f) =>
    Object.keys(f)
      .filter((key): key is TimeField => key.endsWith('Time'))
      .every((field) => inRange(r[field], f[field])),
  (r, f) => !f.assetIds || (r.assetIds ?? []).some((a) => f.assetIds!.includes(a)),
  (r, f) => {
    if (!f.dataSetIds) return true;
    if (r.dataSetId !== undefined && f.dataSetIds.some((d) => 'id' in d && d.id === r.dataSetId)) return true;
    return f.dataSetIds.every((d) => 'id' in d) ? false : undefined;
  },
  (r, f) => {
    const wanted = f.labels && ('containsAny' in f.labels ? f.labels.containsAny : f.labels.containsAll);
    if (!wanted || !f.labels) return true;
    const has = (w: { externalId: string }) => (r.labels ?? []).some((l) => l.externalId === w.externalId);
    return 'containsAny' in f.labels ? wanted.some(has) : wanted.every(has);
  },
  (_r, f) => (f.assetExternalIds || f.assetSubtreeIds || f.rootAssetIds || f.geoLocation ? undefined : true),
];

/** Whether CDF lists `record` under `filter`: `false` as soon as one field rules it out. */
export function recordFitsFilter(record: FileRecord, filter: FileFilter): Fit {
  let fit: Fit = true;
  for (const check of CHECKS) {
    const one = check(record, filter);
    if (one === false) return false;
    if (one === undefined) fit = undefined;
  }
  return fit;
}
