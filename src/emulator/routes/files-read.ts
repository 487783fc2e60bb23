import {
  fileAggregateRequest,
  fileListRequest,
  fileSearchRequest,
  internalId,
  LIMITS,
  type FileRecord,
} from '../../cdf/model';
import { badRequest, missing } from '../http/api-error';
import type { Route, RouteContext } from '../http/route';
import { parseOr400 } from '../http/validation';
import { compileFileFilter } from '../query/file-filter';
import { listRequestFromQuery } from '../query/list-query';
import { rankByName } from '../query/name-search';
import { scanAll, scanPage } from '../query/paging';
import { identifierItems, resolveFiles } from './identifiers';

const SEARCH_LIMIT_DEFAULT = 100;

function list(ctx: RouteContext, body: unknown) {
  const request = parseOr400(fileListRequest, body ?? {});
  const page = scanPage(ctx.store.files, {
    predicate: compileFileFilter(request.filter, ctx.store),
    limit: request.limit ?? LIMITS.listLimitDefault,
    ...(request.cursor !== undefined ? { cursor: request.cursor } : {}),
    ...(request.partition !== undefined ? { partition: request.partition } : {}),
  });
  return { json: page };
}

const byIdsRequest = identifierItems(LIMITS.itemsPerRequest);

export const fileReadRoutes: Route[] = [
  { method: 'POST', template: '/files/list', scope: 'project', handle: (ctx) => list(ctx, ctx.body) },
  { method: 'GET', template: '/files', scope: 'project', handle: (ctx) => list(ctx, listRequestFromQuery(ctx.query)) },
  {
    method: 'GET',
    template: '/files/{id}',
    scope: 'project',
    handle: (ctx) => {
      const raw = ctx.params.id ?? '';
      const id = /^\d+$/.test(raw) ? Number(raw) : NaN;
      if (!internalId.safeParse(id).success)
        throw badRequest(`Invalid request: id: ${JSON.stringify(raw)} is not a valid file id`);
      const record = ctx.store.files.get(id);
      if (!record) throw missing([{ id }]);
      return { json: record };
    },
  },
  {
    method: 'POST',
    template: '/files/byids',
    scope: 'project',
    handle: (ctx) => {
      const request = parseOr400(byIdsRequest, ctx.body);
      const found = resolveFiles(ctx.store, request.items, request.ignoreUnknownIds);
      return { json: { items: found.map((f) => f.record) } };
    },
  },
  {
    method: 'POST',
    template: '/files/search',
    scope: 'project',
    handle: (ctx) => {
      const request = parseOr400(fileSearchRequest, ctx.body ?? {});
      const limit = request.limit ?? SEARCH_LIMIT_DEFAULT;
      const matches = scanAll(ctx.store.files, compileFileFilter(request.filter, ctx.store));
      const name = request.search?.name?.trim();
      let items: FileRecord[];
      if (name) items = rankByName(matches, name, limit);
      else {
        items = [];
        for (const record of matches) {
          if (items.length === limit) break;
          items.push(record);
        }
      }
      return { json: { items } };
    },
  },
  {
    method: 'POST',
    template: '/files/aggregate',
    scope: 'project',
    handle: (ctx) => {
      const request = parseOr400(fileAggregateRequest, ctx.body ?? {});
      let count = 0;
      if (!request.filter || Object.keys(request.filter).length === 0) count = ctx.store.files.size;
      else for (const _ of scanAll(ctx.store.files, compileFileFilter(request.filter, ctx.store))) count++;
      return { json: { items: [{ count }] } };
    },
  },
];
