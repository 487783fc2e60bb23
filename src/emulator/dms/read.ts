import { badRequest, duplicated } from '../http/api-error';
import { parseOr400 } from '../http/validation';
import type { FileStore } from '../store/file-store';
import { coreView } from './core-views';
import { compileFilter, type NodePredicate } from './filter';
import { duplicatesOf, nodeKey, type NodeRecord } from './instance-types';
import { nodeOutput } from './node-output';
import { hasViewData } from './property-values';
import { byIdsRequest, listRequest, searchRequest, type ViewReference } from './requests';
import { searchMatcher } from './search-text';
import { nodeOrder, pageNodes } from './sort-page';

/** The read routes of `/models/instances`: list, byids and search. Only nodes exist in the emulator. */

export function checkViews(views: readonly ViewReference[], at: string): void {
  views.forEach((v, i) => {
    if (!coreView(v.space, v.externalId, v.version))
      throw badRequest(`Invalid request: ${at}[${i}]: view ${v.space}:${v.externalId}/${v.version} does not exist`);
  });
}

/** Nodes passing an optional filter, in key order. */
export function filteredNodes(store: FileStore, filter: unknown, extra?: NodePredicate): NodeRecord[] {
  const keep = filter === undefined ? undefined : compileFilter(filter);
  return store.nodes.sorted().filter((n) => (!keep || keep(n)) && (!extra || extra(n)));
}

export function listInstances(store: FileStore, body: unknown) {
  const r = parseOr400(listRequest, body ?? {});
  const views = (r.sources ?? []).map((s) => s.source);
  checkViews(views, 'sources');
  const order = nodeOrder(r.sort);
  const nodes = r.instanceType === 'edge' ? [] : filteredNodes(store, r.filter);
  const page = pageNodes(nodes, order, r.limit ?? 1000, r.cursor);
  return {
    items: page.items.map((n) => nodeOutput(n, views)),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}

/** In request order; identifiers that match nothing are left out (the API does not report them). */
export function instancesByIds(store: FileStore, body: unknown) {
  const r = parseOr400(byIdsRequest, body);
  const views = (r.sources ?? []).map((s) => s.source);
  checkViews(views, 'sources');
  const dupes = duplicatesOf(r.items);
  if (dupes.length > 0) throw duplicated(400, 'Duplicate instances in the request', dupes);
  const items = r.items.flatMap((i) => {
    const node = i.instanceType === 'node' ? store.nodes.get(nodeKey(i)) : undefined;
    return node ? [nodeOutput(node, views)] : [];
  });
  return { items };
}

export function searchInstances(store: FileStore, body: unknown) {
  const r = parseOr400(searchRequest, body);
  checkViews([r.view], 'view');
  if (r.instanceType === 'edge') return { items: [] };
  const match = searchMatcher(r.view.externalId, r.query, r.properties, r.operator);
  const nodes = filteredNodes(store, r.filter, (n) => hasViewData(n, r.view.externalId) && match.score(n) > 0);
  let ordered: NodeRecord[];
  if (r.sort && r.sort.length > 0) {
    const order = nodeOrder(r.sort);
    ordered = nodes
      .map((n) => ({ n, k: order.keyOf(n) }))
      .sort((a, b) => order.compareKeys(a.k, b.k))
      .map((x) => x.n);
  } else {
    // Best match first; ties in key order (a stable sort keeps it).
    ordered = nodes
      .map((n) => ({ n, s: match.score(n) }))
      .sort((a, b) => b.s - a.s)
      .map((x) => x.n);
  }
  return { items: ordered.slice(0, r.limit ?? 1000).map((n) => nodeOutput(n, [r.view])) };
}
