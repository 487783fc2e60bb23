import { badRequest } from '../http/api-error';
import { parseOr400 } from '../http/validation';
import type { FileStore } from '../store/file-store';
import { CDM_SPACE, coreView, type CoreView } from './core-views';
import { containerKey, type NodeRecord, type PropertyValue } from './instance-types';
import { hasViewData } from './property-values';
import { checkViews, filteredNodes } from './read';
import { aggregateRequest } from './requests';
import { searchMatcher } from './search-text';

/**
 * `POST /models/instances/aggregate`: counts over a view's nodes, optionally grouped by up to five
 * properties (a list property puts a node in one group per item), after a filter and a text query;
 * grouped without aggregates, the unique values alone.
 * The views the emulator serves have no numeric properties, so `count` is the aggregate there is;
 * avg/min/max/sum/histogram are refused by name.
 */

type Group = Record<string, PropertyValue>;

function viewField(view: CoreView, name: string, at: string) {
  const p = Object.hasOwn(view.properties, name) ? view.properties[name] : undefined;
  if (!p) throw badRequest(`Invalid request: ${at}: the view has no property "${name}"`);
  const key = containerKey(CDM_SPACE, p.container);
  const id = p.containerProperty ?? name;
  return (n: NodeRecord): PropertyValue | undefined => n.data[key]?.[id];
}

/**
 * The counts asked for. With `groupBy` and no `aggregates` the API answers the unique values only
 * (its reference: "the fields listed in the groupBy clause will return the unique values"), so no
 * count is made up; with neither, the emulator counts the nodes.
 */
function counters(view: CoreView, aggregates: Record<string, unknown>[] | undefined, grouped: boolean) {
  return (aggregates ?? (grouped ? [] : [{ count: {} }])).map((a, i) => {
    const [kind, args] = (Object.entries(a)[0] ?? []) as [string | undefined, { property?: unknown } | undefined];
    const at = `aggregates[${i}]`;
    if (kind !== 'count' || Object.keys(a).length !== 1)
      throw badRequest(`Invalid request: ${at}: only count is supported on these views (no numeric properties)`);
    const property = typeof args?.property === 'string' ? args.property : 'externalId';
    const get = property === 'externalId' ? undefined : viewField(view, property, `${at}.count.property`);
    return { property, counts: (n: NodeRecord) => !get || get(n) !== undefined };
  });
}

/** The groups a node falls in: the cross product of its groupBy values (unset values form no group). */
function groupsOf(node: NodeRecord, fields: { name: string; get: (n: NodeRecord) => PropertyValue | undefined }[]) {
  let groups: Group[] = [{}];
  for (const f of fields) {
    const v = f.get(node);
    const values = v === undefined ? [] : Array.isArray(v) ? v : [v];
    groups = groups.flatMap((g) => values.map((value) => ({ ...g, [f.name]: value })));
  }
  return groups;
}

export function aggregateInstances(store: FileStore, body: unknown) {
  const r = parseOr400(aggregateRequest, body);
  checkViews([r.view], 'view');
  const view = coreView(r.view.space, r.view.externalId, r.view.version) as CoreView;
  const aggregates = counters(view, r.aggregates, (r.groupBy ?? []).length > 0);
  const fields = (r.groupBy ?? []).map((name, i) => ({ name, get: viewField(view, name, `groupBy[${i}]`) }));
  if (r.instanceType === 'edge') return { items: [] };
  const match = searchMatcher(view.externalId, r.query, r.properties, r.operator);
  const nodes = filteredNodes(store, r.filter, (n) => hasViewData(n, view.externalId) && match.score(n) > 0);
  const groups = new Map<string, { group: Group; nodes: NodeRecord[] }>();
  for (const n of nodes)
    for (const group of fields.length > 0 ? groupsOf(n, fields) : [{}]) {
      const key = JSON.stringify(group);
      let entry = groups.get(key);
      if (!entry) groups.set(key, (entry = { group, nodes: [] }));
      entry.nodes.push(n);
    }
  if (fields.length === 0 && groups.size === 0) groups.set('{}', { group: {}, nodes: [] });
  const items = [...groups.values()].slice(0, r.limit ?? 100).map((g) => ({
    instanceType: 'node' as const,
    ...(fields.length > 0 ? { group: g.group } : {}),
    aggregates: aggregates.map((a) => ({
      aggregate: 'count' as const,
      property: a.property,
      value: g.nodes.filter(a.counts).length,
    })),
  }));
  return { items };
}
