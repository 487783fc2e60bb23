import type { FileFilter, FileRecord, IdEither } from '../../cdf/model';
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

/** Equality and prefix tests on the record's own text fields, upload state and metadata. */
function propertyTests(f: FileFilter): FilePredicate[] {
  const tests: FilePredicate[] = [];
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
  return tests;
}

const TIME_FIELDS = [
  'createdTime',
  'lastUpdatedTime',
  'uploadedTime',
  'sourceCreatedTime',
  'sourceModifiedTime',
] as const;

function timeTests(f: FileFilter): FilePredicate[] {
  return TIME_FIELDS.flatMap((field): FilePredicate[] => {
    const range = f[field];
    return range ? [(r) => inRange(r[field], range)] : [];
  });
}

const anyAssetIn =
  (ids: Set<number>): FilePredicate =>
  (r) =>
    r.assetIds?.some((a) => ids.has(a)) ?? false;

/** Tests on the assets and data set a record refers to; an unknown reference is refused (see `resolveRefs`). */
function referenceTests(f: FileFilter, store: FileStore): FilePredicate[] {
  const tests: FilePredicate[] = [];
  const findAsset = (ref: IdEither) => store.assets.find(ref);
  if (f.assetIds) tests.push(anyAssetIn(new Set(f.assetIds)));
  if (f.assetExternalIds) {
    const ids = resolveRefs(
      f.assetExternalIds.map((externalId) => ({ externalId })),
      findAsset,
      'Assets',
    );
    tests.push(anyAssetIn(ids));
  }
  if (f.assetSubtreeIds) {
    const roots = resolveRefs(f.assetSubtreeIds, findAsset, 'Assets');
    tests.push(anyAssetIn(assetSubtree(store, roots)));
  }
  if (f.rootAssetIds) {
    const roots = resolveRefs(f.rootAssetIds, findAsset, 'Assets');
    tests.push((r) => r.assetIds?.some((a) => roots.has(store.assets.get(a)?.rootId ?? -1)) ?? false);
  }
  if (f.dataSetIds) {
    const ids = resolveRefs(f.dataSetIds, (ref) => store.dataSets.find(ref), 'Data sets');
    tests.push((r) => r.dataSetId !== undefined && ids.has(r.dataSetId));
  }
  return tests;
}

function labelTests({ labels }: FileFilter): FilePredicate[] {
  if (!labels) return [];
  if ('containsAny' in labels) {
    const wanted = new Set(labels.containsAny.map((l) => l.externalId));
    return [(r) => r.labels?.some((l) => wanted.has(l.externalId)) ?? false];
  }
  const wanted = labels.containsAll.map((l) => l.externalId);
  return [(r) => wanted.every((w) => r.labels?.some((l) => l.externalId === w) ?? false)];
}

function geoTests({ geoLocation }: FileFilter): FilePredicate[] {
  if (!geoLocation) return [];
  const { relation, shape } = geoLocation;
  return [(r) => r.geoLocation !== undefined && geoRelation(relation, r.geoLocation.geometry, shape)];
}

/** Compiles a (validated) `FileFilter` into a predicate. Every field narrows (AND). */
export function compileFileFilter(filter: FileFilter | undefined, store: FileStore): FilePredicate {
  if (!filter) return () => true;
  const tests = [
    ...propertyTests(filter),
    ...timeTests(filter),
    ...referenceTests(filter, store),
    ...labelTests(filter),
    ...geoTests(filter),
  ];
  return (r) => tests.every((t) => t(r));
}
