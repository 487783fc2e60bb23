import { badRequest } from '../http/api-error';
import { CDM_SPACE, coreContainer, coreView, type CoreProperty } from './core-views';
import { containerKey, type DirectRelation, type NodeRecord, type PropertyValue } from './instance-types';
import { timestampMs } from './property-values';

/**
 * A property reference as filters and sorts name it: `["node", "externalId"]` for the instance's
 * own fields, `[space, "View/version", property]` for a view's, `[space, container, property]` for
 * a container's. Resolved once per request into a typed getter.
 */

export type ValueType = 'text' | 'timestamp' | 'boolean' | 'direct' | 'int';

/** What filters and sorts compare: text, numbers (timestamps as epoch ms), booleans, relations. */
export type Comparable = string | number | boolean | DirectRelation;

export interface ResolvedProperty {
  type: ValueType;
  list: boolean;
  /** The node's raw value (a list for list properties), undefined when unset. */
  get(node: NodeRecord): PropertyValue | undefined;
}

const NODE_FIELDS: Record<string, { type: ValueType; get: (n: NodeRecord) => PropertyValue | undefined }> = {
  space: { type: 'text', get: (n) => n.space },
  externalId: { type: 'text', get: (n) => n.externalId },
  version: { type: 'int', get: (n) => n.version },
  createdTime: { type: 'int', get: (n) => n.createdTime },
  lastUpdatedTime: { type: 'int', get: (n) => n.lastUpdatedTime },
  type: { type: 'direct', get: (n) => n.type },
};

function stored(p: CoreProperty, id: string): ResolvedProperty {
  const key = containerKey(CDM_SPACE, p.container);
  return { type: p.type, list: p.list === true, get: (n) => n.data[key]?.[id] };
}

export function resolveProperty(path: unknown, at: string): ResolvedProperty {
  // The request body is untyped JSON: a reference is a list of texts, anything else is a bad request.
  if (!Array.isArray(path) || !path.every((p) => typeof p === 'string'))
    throw badRequest(`Invalid request: ${at}: a property reference is a list of texts, got ${JSON.stringify(path)}`);
  const unknown = () => badRequest(`Invalid request: ${at}: unknown property ${JSON.stringify(path)}`);
  if (path[0] === 'node' && path.length === 2) {
    const field = Object.hasOwn(NODE_FIELDS, path[1] as string) ? NODE_FIELDS[path[1] as string] : undefined;
    if (!field) throw unknown();
    return { type: field.type, list: false, get: field.get };
  }
  if (path.length !== 3) throw unknown();
  const [space, source, name] = path as [string, string, string];
  const slash = source.indexOf('/');
  if (slash >= 0) {
    const view = coreView(space, source.slice(0, slash), source.slice(slash + 1));
    const p = view && Object.hasOwn(view.properties, name) ? view.properties[name] : undefined;
    if (!p) throw unknown();
    return stored(p, p.containerProperty ?? name);
  }
  const p = coreContainer(space, source)?.get(name);
  if (!p) throw unknown();
  return stored(p, name);
}

/** A filter or cursor value as the comparable of a property's type; 400 when it cannot be one. */
export function comparable(type: ValueType, value: unknown, at: string): Comparable {
  const wrong = () => badRequest(`Invalid request: ${at}: ${JSON.stringify(value)} is not a ${type} value`);
  switch (type) {
    case 'text':
      if (typeof value !== 'string') throw wrong();
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw wrong();
      return value;
    case 'int':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw wrong();
      return value;
    case 'timestamp': {
      const ms = typeof value === 'string' ? timestampMs(value) : typeof value === 'number' ? value : undefined;
      if (ms === undefined) throw wrong();
      return ms;
    }
    case 'direct': {
      const v = value as Partial<DirectRelation> | null;
      if (typeof v?.space !== 'string' || typeof v.externalId !== 'string') throw wrong();
      return { space: v.space, externalId: v.externalId };
    }
  }
}

/** A stored scalar as a comparable (timestamps become epoch ms). */
export const storedComparable = (type: ValueType, value: PropertyValue): Comparable =>
  type === 'timestamp' && typeof value === 'string' ? (timestampMs(value) ?? 0) : (value as Comparable);

export function compare(a: Comparable, b: Comparable): number {
  if (typeof a === 'object' && typeof b === 'object')
    return compare(a.space, b.space) || compare(a.externalId, b.externalId);
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return Number(a) - Number(b);
}

export const same = (a: Comparable, b: Comparable): boolean => typeof a === typeof b && compare(a, b) === 0;
