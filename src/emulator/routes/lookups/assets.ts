import * as z from 'zod/mini';
import { externalId, geometry, idEither, internalId, label, LIMITS, metadataMap, partition } from '../../../cdf/model';
import type { Route } from '../../http/route';
import { parseOr400 } from '../../http/validation';
import { assetChildren, assetSubtree } from '../../query/asset-tree';
import { geoRelation } from '../../query/geo';
import { words } from '../../query/name-search';
import { partitionTest } from '../../query/paging';
import { resolveRefs } from '../../query/resolve-refs';
import type { FileStore } from '../../store/file-store';
import type { Asset } from '../../store/lookup-types';
import { idEitherItems, inRange, limit, lookupByIds, matchesMetadata, page, someUpTo, timeRange, upTo } from './common';

/** `POST /assets/list`, `/assets/byids`, `/assets/search` (OpenAPI `Asset`), with the common filters and aggregates. */

const aggregatedProperties = z.optional(z.array(z.enum(['childCount', 'path', 'depth'])));
const assetFilter = z.strictObject({
  name: z.optional(upTo(140)),
  parentIds: z.optional(someUpTo(internalId, 100)),
  parentExternalIds: z.optional(someUpTo(externalId, 100)),
  rootIds: z.optional(someUpTo(idEither, 100)),
  assetSubtreeIds: z.optional(someUpTo(idEither, 100)),
  dataSetIds: z.optional(z.array(idEither).check(z.maxLength(1000))),
  metadata: z.optional(metadataMap),
  source: z.optional(upTo(128)),
  createdTime: z.optional(timeRange),
  lastUpdatedTime: z.optional(timeRange),
  root: z.optional(z.boolean()),
  externalIdPrefix: z.optional(externalId),
  labels: z.optional(
    z.union([
      z.strictObject({ containsAny: someUpTo(label, 10) }),
      z.strictObject({ containsAll: someUpTo(label, 10) }),
    ]),
  ),
  geoLocation: z.optional(
    z.strictObject({
      relation: z.enum(['INTERSECTS', 'DISJOINT', 'WITHIN', 'intersects', 'disjoint', 'within']),
      shape: geometry,
    }),
  ),
});
const assetListRequest = z.strictObject({
  filter: z.optional(assetFilter),
  limit: z.optional(limit),
  cursor: z.optional(z.string()),
  partition: z.optional(partition),
  aggregatedProperties,
});
const assetByIdsRequest = z.extend(idEitherItems, { aggregatedProperties });
const assetSearchRequest = z.strictObject({
  filter: z.optional(assetFilter),
  search: z.optional(
    z.strictObject({
      name: z.optional(upTo(140)),
      description: z.optional(upTo(500)),
      query: z.optional(z.string().check(z.minLength(1), z.maxLength(140))),
    }),
  ),
  limit: z.optional(limit),
});

function assetPredicate(store: FileStore, filter: z.infer<typeof assetFilter> | undefined): (a: Asset) => boolean {
  if (!filter) return () => true;
  const f = filter;
  const find = (ref: z.infer<typeof idEither>) => store.assets.find(ref);
  const parentIds = new Set([
    ...(f.parentIds ?? []),
    ...(f.parentExternalIds ?? []).map((x) => store.assets.getByExternalId(x)?.id ?? -1),
  ]);
  const rootIds = f.rootIds ? resolveRefs(f.rootIds, find, 'Assets') : undefined;
  const dataSetIds = f.dataSetIds ? resolveRefs(f.dataSetIds, (r) => store.dataSets.find(r), 'Data sets') : undefined;
  const subtree = f.assetSubtreeIds ? assetSubtree(store, resolveRefs(f.assetSubtreeIds, find, 'Assets')) : undefined;
  return (a) =>
    (f.name === undefined || a.name === f.name) &&
    (parentIds.size === 0 || (a.parentId !== undefined && parentIds.has(a.parentId))) &&
    (!rootIds || rootIds.has(a.rootId)) &&
    (!subtree || subtree.has(a.id)) &&
    (!dataSetIds || (a.dataSetId !== undefined && dataSetIds.has(a.dataSetId))) &&
    matchesMetadata(a.metadata, f.metadata) &&
    (f.source === undefined || a.source === f.source) &&
    inRange(a.createdTime, f.createdTime) &&
    inRange(a.lastUpdatedTime, f.lastUpdatedTime) &&
    (f.root === undefined || (a.parentId === undefined) === f.root) &&
    (f.externalIdPrefix === undefined || (a.externalId?.startsWith(f.externalIdPrefix) ?? false)) &&
    (!f.labels ||
      ('containsAny' in f.labels
        ? f.labels.containsAny.some((l) => a.labels?.some((x) => x.externalId === l.externalId))
        : f.labels.containsAll.every((l) => a.labels?.some((x) => x.externalId === l.externalId)))) &&
    (!f.geoLocation ||
      (a.geoLocation !== undefined &&
        geoRelation(f.geoLocation.relation, a.geoLocation.geometry, f.geoLocation.shape)));
}

/** `aggregatedProperties`: childCount, depth and path, as the Asset schema's `aggregates`. */
function withAggregates(store: FileStore, assets: Asset[], wanted: readonly string[] | undefined): object[] {
  if (!wanted || wanted.length === 0) return assets;
  const children = assetChildren(store);
  return assets.map((a) => {
    const path: { id: number }[] = [];
    for (let at: Asset | undefined = a; at; at = at.parentId === undefined ? undefined : store.assets.get(at.parentId))
      path.unshift({ id: at.id });
    const aggregates: Record<string, unknown> = {};
    if (wanted.includes('childCount')) aggregates.childCount = children.get(a.id)?.length ?? 0;
    if (wanted.includes('depth')) aggregates.depth = path.length - 1;
    if (wanted.includes('path')) aggregates.path = path;
    return { ...a, aggregates };
  });
}

function assetSearchScore(a: Asset, search: { name?: string; description?: string; query?: string }): number {
  let score = 0;
  const scoreText = (text: string | undefined, q: string | undefined) => {
    if (!q) return;
    if (!text) return;
    const t = text.toLowerCase();
    if (t.includes(q.toLowerCase())) score += 10;
    for (const w of words(q)) if (t.includes(w)) score += 2;
  };
  scoreText(a.name, search.name);
  scoreText(a.description, search.description);
  scoreText(`${a.name} ${a.description ?? ''}`, search.query);
  return score;
}

export const assetRoutes: Route[] = [
  {
    method: 'POST',
    template: '/assets/list',
    scope: 'project',
    handle: (ctx) => {
      const r = parseOr400(assetListRequest, ctx.body ?? {});
      const inPartition = partitionTest(r.partition);
      const keep = assetPredicate(ctx.store, r.filter);
      const rows = ctx.store.assets.sorted().filter((a) => inPartition(a.id) && keep(a));
      const result = page(rows, (a) => a.id, r.limit ?? LIMITS.listLimitDefault, r.cursor);
      return { json: { ...result, items: withAggregates(ctx.store, result.items, r.aggregatedProperties) } };
    },
  },
  {
    method: 'POST',
    template: '/assets/byids',
    scope: 'project',
    handle: (ctx) => {
      const r = parseOr400(assetByIdsRequest, ctx.body);
      const found = lookupByIds((ref) => ctx.store.assets.find(ref), r, 'Assets');
      return { json: { items: withAggregates(ctx.store, found, r.aggregatedProperties) } };
    },
  },
  {
    method: 'POST',
    template: '/assets/search',
    scope: 'project',
    handle: (ctx) => {
      const r = parseOr400(assetSearchRequest, ctx.body ?? {});
      const keep = assetPredicate(ctx.store, r.filter);
      const size = r.limit ?? LIMITS.listLimitDefault;
      const rows = ctx.store.assets.sorted().filter(keep);
      const search = r.search ?? {};
      const searching = Boolean(search.name || search.description || search.query);
      const items = searching
        ? rows
            .map((a) => ({ a, score: assetSearchScore(a, search) }))
            .filter((s) => s.score > 0)
            .sort((x, y) => y.score - x.score)
            .slice(0, size)
            .map((s) => s.a)
        : rows.slice(0, size);
      return { json: { items } };
    },
  },
];
