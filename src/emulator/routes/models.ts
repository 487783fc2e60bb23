import { parseOr400 } from '../http/validation';
import type { Route, RouteContext } from '../http/route';
import { aggregateInstances } from '../dms/aggregate';
import { coreView } from '../dms/core-views';
import { deleteInstances } from '../dms/delete';
import { instancesByIds, listInstances, searchInstances } from '../dms/read';
import { deleteRequest, viewsByIdsRequest } from '../dms/requests';
import { allSpaces, applySpaces, spaceOutput, spacesByIdsRequest } from '../dms/spaces';
import { statistics } from '../dms/statistics';
import { upsertInstances } from '../dms/upsert';
import { viewDefinition } from '../dms/view-definition';
import { badRequest } from '../http/api-error';
import { page } from './lookups/common';

/**
 * Data modeling (`/models/...`): the instances API for nodes, spaces, statistics and the core
 * views a file editor needs. Same pipeline as the Files routes: token, Host, throttling, faults.
 */

function queryLimit(ctx: RouteContext, fallback: number): number {
  const raw = ctx.query.get('limit');
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1000)
    throw badRequest('Invalid request: limit must be an integer in 1..1000');
  return n;
}

function queryBoolean(ctx: RouteContext, name: string): boolean {
  const raw = ctx.query.get(name);
  if (raw === null || raw === 'false') return false;
  if (raw === 'true') return true;
  throw badRequest(`Invalid request: query parameter ${name} must be true or false`);
}

function listSpaces(ctx: RouteContext) {
  const rows = allSpaces(ctx.store, queryBoolean(ctx, 'includeGlobal'));
  const result = page(rows, (s) => s.space, queryLimit(ctx, 10), ctx.query.get('cursor') ?? undefined);
  return { json: { ...result, items: result.items.map(spaceOutput) } };
}

function spacesByIds(ctx: RouteContext) {
  const r = parseOr400(spacesByIdsRequest, ctx.body);
  const known = new Map(allSpaces(ctx.store, true).map((s) => [s.space, s]));
  return { json: { items: r.items.flatMap((i) => (known.has(i.space) ? [spaceOutput(known.get(i.space)!)] : [])) } };
}

function viewsByIds(ctx: RouteContext) {
  const r = parseOr400(viewsByIdsRequest, ctx.body);
  const items = r.items.flatMap((i) => {
    const view = coreView(i.space, i.externalId, i.version);
    return view ? [viewDefinition(view)] : [];
  });
  return { json: { items } };
}

const post = (template: string, concurrency: Route['concurrency'], handle: Route['handle']): Route => ({
  method: 'POST',
  template,
  scope: 'project',
  concurrency,
  handle,
});

export const modelRoutes: Route[] = [
  post('/models/instances', 'write', (ctx) => ({ json: upsertInstances(ctx.store, ctx.body, ctx.now()) })),
  post('/models/instances/list', 'read', (ctx) => ({ json: listInstances(ctx.store, ctx.body) })),
  post('/models/instances/byids', 'read', (ctx) => ({ json: instancesByIds(ctx.store, ctx.body) })),
  post('/models/instances/search', 'read', (ctx) => ({ json: searchInstances(ctx.store, ctx.body) })),
  post('/models/instances/aggregate', 'read', (ctx) => ({ json: aggregateInstances(ctx.store, ctx.body) })),
  post('/models/instances/delete', 'delete', (ctx) => ({
    json: { items: deleteInstances(ctx.store, parseOr400(deleteRequest, ctx.body).items) },
  })),
  {
    method: 'GET',
    template: '/models/statistics',
    scope: 'project',
    handle: (ctx) => ({ json: statistics(ctx.store, ctx.store.modelLimits) }),
  },
  { method: 'GET', template: '/models/spaces', scope: 'project', handle: listSpaces },
  post('/models/spaces', undefined, (ctx) => ({ json: applySpaces(ctx.store, ctx.body, ctx.now()) })),
  post('/models/spaces/byids', undefined, spacesByIds),
  post('/models/views/byids', undefined, viewsByIds),
];
