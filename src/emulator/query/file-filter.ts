import type { FileFilter, FileRecord } from '../../cdf/model';
import type { FileStore } from '../store/file-store';
import { assetSubtree } from './asset-tree';
import { geoRelation } from './geo';
import { resolveRefs } from './resolve-refs';

export type FilePredicate = (record: FileRecord) => boolean;

interface Range {
  min?: number;
  max?: number;
}
const inRange = (value: number | undefined, range: Range): boolean =>
  value !== undefined &&
  (range.min === undefined || value >= range.min) &&
  (range.max === undefined || value <= range.max);

/** Compiles a (validated) `FileFilter` into a predicate. Every field narrows (AND). */
export function compileFileFilter(filter: FileFilter | undefined, store: FileStore): FilePredicate {
  if (!filter) return () => true;
  const tests: FilePredicate[] = [];
  const f = filter;

  if (f.name !== undefined) tests.push((r) => r.name === f.name);
  if (f.directoryPrefix !== undefined) {
    const prefix = f.directoryPrefix;
    tests.push((r) => r.directory !== undefined && r.directory.startsWith(prefix));
  }
  if (f.mimeType !== undefined) tests.push((r) => r.mimeType === f.mimeType);
  if (f.source !== undefined) tests.push((r) => r.source === f.source);
  if (f.externalIdPrefix !== undefined) {
    const prefix = f.externalIdPrefix;
    tests.push((r) => r.externalId !== undefined && r.externalId.startsWith(prefix));
  }
  if (f.uploaded !== undefined) tests.push((r) => r.uploaded === f.uploaded);
  if (f.metadata !== undefined) {
    // Own keys only: a filter on "constructor" or "__proto__" matches that metadata key, never the prototype.
    const pairs = Object.entries(f.metadata);
    tests.push((r) =>
      pairs.every(([k, v]) => r.metadata !== undefined && Object.hasOwn(r.metadata, k) && r.metadata[k] === v),
    );
  }
  for (const field of [
    'createdTime',
    'lastUpdatedTime',
    'uploadedTime',
    'sourceCreatedTime',
    'sourceModifiedTime',
  ] as const) {
    const range = f[field];
    if (range) tests.push((r) => inRange(r[field], range));
  }

  const anyAssetIn =
    (ids: Set<number>): FilePredicate =>
    (r) =>
      r.assetIds?.some((a) => ids.has(a)) ?? false;
  if (f.assetIds) tests.push(anyAssetIn(new Set(f.assetIds)));
  if (f.assetExternalIds) {
    const ids = resolveRefs(
      f.assetExternalIds.map((externalId) => ({ externalId })),
      (ref) => store.assets.find(ref),
      'Assets',
    );
    tests.push(anyAssetIn(ids));
  }
  if (f.assetSubtreeIds) {
    const roots = resolveRefs(f.assetSubtreeIds, (ref) => store.assets.find(ref), 'Assets');
    tests.push(anyAssetIn(assetSubtree(store, roots)));
  }
  if (f.rootAssetIds) {
    const roots = resolveRefs(f.rootAssetIds, (ref) => store.assets.find(ref), 'Assets');
    tests.push((r) => r.assetIds?.some((a) => roots.has(store.assets.get(a)?.rootId ?? -1)) ?? false);
  }
  if (f.dataSetIds) {
    const ids = resolveRefs(f.dataSetIds, (ref) => store.dataSets.find(ref), 'Data sets');
    tests.push((r) => r.dataSetId !== undefined && ids.has(r.dataSetId));
  }
  if (f.labels) {
    if ('containsAny' in f.labels) {
      const wanted = new Set(f.labels.containsAny.map((l) => l.externalId));
      tests.push((r) => r.labels?.some((l) => wanted.has(l.externalId)) ?? false);
    } else {
      const wanted = f.labels.containsAll.map((l) => l.externalId);
      tests.push((r) => wanted.every((w) => r.labels?.some((l) => l.externalId === w) ?? false));
    }
  }
  if (f.geoLocation) {
    const { relation, shape } = f.geoLocation;
    tests.push((r) => r.geoLocation !== undefined && geoRelation(relation, r.geoLocation.geometry, shape));
  }
  return (r) => tests.every((t) => t(r));
}
