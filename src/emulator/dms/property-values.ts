import { isoTimestampMs } from '../../cdf/model';
import { badRequest } from '../http/api-error';
import { CDM_SPACE, coreContainer, coreView, type CoreProperty } from './core-views';
import { containerKey, type DirectRelation, type NodeRecord, type PropertyValue } from './instance-types';
import type { SourceReference } from './requests';

/** Text values: at most 128,000 characters (the API's `RawPropertyValueV3`). */
const MAX_TEXT = 128_000;
/** Primitive lists: at most 1000 items, unless the container sets its own `maxListSize`. */
const MAX_LIST = 1000;
/** Direct relation lists default to 100 targets unless the container says otherwise. */
const MAX_DIRECT_LIST = 100;

const SPACE = /^[a-zA-Z][a-zA-Z0-9_-]{0,41}[a-zA-Z0-9]?$/;

/** A timestamp as the API returns it: milliseconds, UTC written as `+00:00`. */
export const formatTimestamp = (ms: number): string => new Date(ms).toISOString().replace('Z', '+00:00');

/**
 * The instant a written timestamp names, or undefined when CDF refuses it: seconds required, one to
 * three fractional digits, years 0001-9999, no 2023-02-29 or 24:00:00 (which Date.parse rolls over).
 */
export const timestampMs = (value: string): number | undefined => isoTimestampMs(value);

function directValue(value: unknown, at: string): DirectRelation {
  const v = value as Partial<DirectRelation> | null;
  const ok =
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    Object.keys(v).every((k) => k === 'space' || k === 'externalId') &&
    typeof v.space === 'string' &&
    SPACE.test(v.space) &&
    typeof v.externalId === 'string' &&
    v.externalId.length >= 1 &&
    v.externalId.length <= 256 &&
    !v.externalId.includes('\u0000');
  if (!ok) throw badRequest(`Invalid request: ${at}: expected a direct relation {"space", "externalId"}`);
  return { space: v.space as string, externalId: v.externalId as string };
}

function scalarValue(p: CoreProperty, value: unknown, at: string): PropertyValue {
  switch (p.type) {
    case 'text':
      if (typeof value !== 'string') throw badRequest(`Invalid request: ${at}: expected text`);
      if (value.length > MAX_TEXT) throw badRequest(`Invalid request: ${at}: text longer than ${MAX_TEXT} characters`);
      if (value.includes('\u0000')) throw badRequest(`Invalid request: ${at}: text must not contain null characters`);
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw badRequest(`Invalid request: ${at}: expected a boolean`);
      return value;
    case 'timestamp': {
      const ms = typeof value === 'string' ? timestampMs(value) : undefined;
      if (ms === undefined)
        throw badRequest(
          `Invalid request: ${at}: expected an ISO 8601 timestamp such as 2024-05-01T12:00:00.000+00:00`,
        );
      return formatTimestamp(ms);
    }
    case 'direct':
      return directValue(value, at);
  }
}

/**
 * Checks one written value against its property and returns it as stored: timestamps normalised,
 * `null` (clear) for null. The API's schema has lists of at least one item; an empty list clears too.
 */
export function propertyValue(p: CoreProperty, value: unknown, at: string): PropertyValue | null {
  if (value === null) {
    if (p.nullable === false) throw badRequest(`Invalid request: ${at}: this property cannot be null`);
    return null;
  }
  if (!p.list) return scalarValue(p, value, at);
  if (!Array.isArray(value)) throw badRequest(`Invalid request: ${at}: expected a list`);
  const max = p.maxListSize ?? (p.type === 'direct' ? MAX_DIRECT_LIST : MAX_LIST);
  if (value.length > max) throw badRequest(`Invalid request: ${at}: a list of at most ${max} items`);
  if (value.length === 0) return null;
  const items = value.map((v, i) => scalarValue(p, v, `${at}[${i}]`));
  // A text list is limited in total too: the sum of its items' lengths.
  const total = items.reduce<number>((sum, v) => sum + (typeof v === 'string' ? v.length : 0), 0);
  if (total > MAX_TEXT) throw badRequest(`Invalid request: ${at}: the items together exceed ${MAX_TEXT} characters`);
  return items;
}

/** Container property writes of one item: container key → property id → value (null clears). */
export type ContainerWrites = Map<string, Map<string, PropertyValue | null>>;

/** Resolves one `sources` entry into container writes; every container the source maps is touched. */
export function sourceWrites(
  source: SourceReference,
  properties: Record<string, unknown>,
  at: string,
  into: ContainerWrites,
): void {
  const touch = (container: string) => {
    const key = containerKey(CDM_SPACE, container);
    let writes = into.get(key);
    if (!writes) into.set(key, (writes = new Map<string, PropertyValue | null>()));
    return writes;
  };
  const view = source.type === 'view' ? coreView(source.space, source.externalId, source.version) : undefined;
  const container = source.type === 'container' ? coreContainer(source.space, source.externalId) : undefined;
  if (!view && !container) throw unknownSource(source);
  if (view) for (const c of view.mappedContainers) touch(c);
  else touch(source.externalId);
  for (const [name, value] of Object.entries(properties)) {
    const where = `${at}.properties.${name}`;
    // Own keys only: a property named "constructor" is unknown, never the prototype's member.
    if (view && Object.hasOwn(view.reverse, name))
      throw badRequest(`Invalid request: ${where}: a reverse direct relation is read-only`);
    const p = view ? (Object.hasOwn(view.properties, name) ? view.properties[name] : undefined) : container?.get(name);
    if (!p) throw badRequest(`Invalid request: ${where}: the ${describeSource(source)} has no property "${name}"`);
    touch(p.container).set(p.containerProperty ?? name, propertyValue(p, value, where));
  }
}

export const describeSource = (s: SourceReference): string =>
  s.type === 'view' ? `view ${s.space}:${s.externalId}/${s.version}` : `container ${s.space}:${s.externalId}`;

export const unknownSource = (s: SourceReference) => badRequest(`The ${describeSource(s)} does not exist`);

/** A node's values through a view, as reads return them (unset properties left out). */
export function viewValues(node: NodeRecord, viewExternalId: string): Record<string, PropertyValue> {
  const view = coreView(CDM_SPACE, viewExternalId);
  const out: Record<string, PropertyValue> = {};
  if (!view) return out;
  for (const [name, p] of Object.entries(view.properties)) {
    const value = node.data[containerKey(CDM_SPACE, p.container)]?.[p.containerProperty ?? name];
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/** Has the node data in every container the view maps (the API's `hasData` on a view)? */
export function hasViewData(node: NodeRecord, viewExternalId: string): boolean {
  const view = coreView(CDM_SPACE, viewExternalId);
  return view !== undefined && view.mappedContainers.every((c) => node.data[containerKey(CDM_SPACE, c)] !== undefined);
}
