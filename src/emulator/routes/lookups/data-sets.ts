import * as z from 'zod/mini';
import { externalId, LIMITS, metadataMap } from '../../../cdf/model';
import type { Route } from '../../http/route';
import { parseOr400 } from '../../http/validation';
import { idEitherItems, inRange, limit, lookupByIds, matchesMetadata, page, timeRange } from './common';

/** `POST /datasets/list` and `/datasets/byids` (OpenAPI `DataSet`). */
const dataSetListRequest = z.strictObject({
  filter: z.optional(
    z.strictObject({
      metadata: z.optional(metadataMap),
      createdTime: z.optional(timeRange),
      lastUpdatedTime: z.optional(timeRange),
      externalIdPrefix: z.optional(externalId),
      writeProtected: z.optional(z.boolean()),
    }),
  ),
  limit: z.optional(limit),
  cursor: z.optional(z.string()),
});

export const dataSetRoutes: Route[] = [
  {
    method: 'POST',
    template: '/datasets/list',
    scope: 'project',
    handle: (ctx) => {
      const r = parseOr400(dataSetListRequest, ctx.body ?? {});
      const f = r.filter;
      const rows = ctx.store.dataSets
        .sorted()
        .filter(
          (d) =>
            !f ||
            (matchesMetadata(d.metadata, f.metadata) &&
              inRange(d.createdTime, f.createdTime) &&
              inRange(d.lastUpdatedTime, f.lastUpdatedTime) &&
              (f.externalIdPrefix === undefined || (d.externalId?.startsWith(f.externalIdPrefix) ?? false)) &&
              (f.writeProtected === undefined || d.writeProtected === f.writeProtected)),
        );
      return { json: page(rows, (d) => d.id, r.limit ?? LIMITS.listLimitDefault, r.cursor) };
    },
  },
  {
    method: 'POST',
    template: '/datasets/byids',
    scope: 'project',
    handle: (ctx) => {
      const r = parseOr400(idEitherItems, ctx.body);
      return { json: { items: lookupByIds((ref) => ctx.store.dataSets.find(ref), r, 'Data sets') } };
    },
  },
];
