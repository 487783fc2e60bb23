import * as z from 'zod/mini';
import { idEither, LIMITS } from '../../../cdf/model';
import type { Route } from '../../http/route';
import { parseOr400 } from '../../http/validation';
import { resolveRefs } from '../../query/resolve-refs';
import { limit, page, upTo } from './common';

/** `POST /labels/list` (OpenAPI `LabelDefinition`): label definitions, keyed and ordered by externalId. */
const labelListRequest = z.strictObject({
  filter: z.optional(
    z.strictObject({
      name: z.optional(z.string().check(z.minLength(1), z.maxLength(140))),
      externalIdPrefix: z.optional(upTo(255)),
      dataSetIds: z.optional(z.array(idEither).check(z.maxLength(1000))),
    }),
  ),
  limit: z.optional(limit),
  cursor: z.optional(z.string()),
});

export const labelRoutes: Route[] = [
  {
    method: 'POST',
    template: '/labels/list',
    scope: 'project',
    handle: (ctx) => {
      const r = parseOr400(labelListRequest, ctx.body ?? {});
      const f = r.filter;
      const dataSetIds = f?.dataSetIds
        ? resolveRefs(f.dataSetIds, (ref) => ctx.store.dataSets.find(ref), 'Data sets')
        : undefined;
      const rows = ctx.store.labels
        .sorted()
        .filter(
          (l) =>
            (f?.name === undefined || l.name === f.name) &&
            (f?.externalIdPrefix === undefined || l.externalId.startsWith(f.externalIdPrefix)) &&
            (!dataSetIds || (l.dataSetId !== undefined && dataSetIds.has(l.dataSetId))),
        );
      return { json: page(rows, (l) => l.externalId, r.limit ?? LIMITS.listLimitDefault, r.cursor) };
    },
  },
];
