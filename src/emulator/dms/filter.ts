import { badRequest } from '../http/api-error';
import { coreContainer, coreView } from './core-views';
import { containerKey, type NodeRecord } from './instance-types';
import { hasViewData } from './property-values';
import {
  comparable,
  compare,
  resolveProperty,
  same,
  storedComparable,
  type Comparable,
  type ResolvedProperty,
} from './property-ref';

/**
 * The instances filter language (public CDF API docs, "Filters"): `and`, `or`, `not`, `equals`, `in`,
 * `range`, `prefix`, `exists`, `containsAny`, `containsAll`, `matchAll`, `hasData` and
 * `instanceReferences`, compiled once into a predicate. `nested`, `overlaps` and parameterised
 * values are refused by name rather than ignored, so a test never passes on a filter that did nothing.
 */
export type NodePredicate = (node: NodeRecord) => boolean;

const MAX_DEPTH = 10;
const UNSUPPORTED = new Set(['nested', 'overlaps']);

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function leafArgs(body: unknown, at: string): { prop: ResolvedProperty; args: Obj } {
  if (!isObject(body) || !Array.isArray(body.property))
    throw badRequest(`Invalid request: ${at}: expected an object with "property"`);
  return { prop: resolveProperty(body.property as string[], `${at}.property`), args: body };
}

function valueOf(prop: ResolvedProperty, value: unknown, at: string): Comparable {
  if (isObject(value) && ('parameter' in value || 'property' in value))
    throw badRequest(`Invalid request: ${at}: parameters and property references are not supported by the emulator`);
  return comparable(prop.type, value, at);
}

/** The node's value as comparables: one for a scalar, each item for a list, none when unset. */
function valuesOf(prop: ResolvedProperty, node: NodeRecord): Comparable[] {
  const raw = prop.get(node);
  if (raw === undefined) return [];
  return (Array.isArray(raw) ? raw : [raw]).map((v) => storedComparable(prop.type, v));
}

function listOf(prop: ResolvedProperty, values: unknown, at: string): Comparable[] {
  if (!Array.isArray(values)) throw badRequest(`Invalid request: ${at}: expected a list of values`);
  return values.map((v, i) => valueOf(prop, v, `${at}[${i}]`));
}

function equalsFilter(body: unknown, at: string): NodePredicate {
  const { prop, args } = leafArgs(body, at);
  if (prop.list) {
    const want = listOf(prop, args.value, `${at}.value`);
    return (n) => {
      const have = valuesOf(prop, n);
      return have.length === want.length && have.every((v, i) => same(v, want[i] as Comparable));
    };
  }
  const want = valueOf(prop, args.value, `${at}.value`);
  return (n) => valuesOf(prop, n).some((v) => same(v, want));
}

function rangeFilter(body: unknown, at: string): NodePredicate {
  const { prop, args } = leafArgs(body, at);
  const bounds = (['gt', 'gte', 'lt', 'lte'] as const).flatMap((op) =>
    args[op] === undefined ? [] : [{ op, v: valueOf(prop, args[op], `${at}.${op}`) }],
  );
  if (bounds.length === 0) throw badRequest(`Invalid request: ${at}: a range needs gt, gte, lt or lte`);
  const inside = (v: Comparable) =>
    bounds.every(({ op, v: b }) => {
      const c = compare(v, b);
      return op === 'gt' ? c > 0 : op === 'gte' ? c >= 0 : op === 'lt' ? c < 0 : c <= 0;
    });
  return (n) => !prop.list && valuesOf(prop, n).some(inside);
}

function prefixFilter(body: unknown, at: string): NodePredicate {
  const { prop, args } = leafArgs(body, at);
  if (prop.type !== 'text' || prop.list)
    throw badRequest(`Invalid request: ${at}: prefix applies to text properties in the emulator`);
  const want = valueOf(prop, args.value, `${at}.value`) as string;
  return (n) => valuesOf(prop, n).some((v) => (v as string).startsWith(want));
}

function containsFilter(body: unknown, at: string, all: boolean): NodePredicate {
  const { prop, args } = leafArgs(body, at);
  const want = listOf(prop, args.values, `${at}.values`);
  return (n) => {
    const have = valuesOf(prop, n);
    const has = (w: Comparable) => have.some((v) => same(v, w));
    return all ? want.every(has) : want.some(has);
  };
}

function hasDataFilter(body: unknown, at: string): NodePredicate {
  if (!Array.isArray(body)) throw badRequest(`Invalid request: ${at}: expected a list of views or containers`);
  const checks = body.map((s: unknown, i): NodePredicate => {
    const r = (isObject(s) ? s : {}) as { type?: unknown; space?: unknown; externalId?: unknown; version?: unknown };
    const where = `${at}[${i}]`;
    if (r.type === 'view' && coreView(String(r.space), String(r.externalId), String(r.version)))
      return (n) => hasViewData(n, String(r.externalId));
    if (r.type === 'container' && coreContainer(String(r.space), String(r.externalId))) {
      const key = containerKey(String(r.space), String(r.externalId));
      return (n) => n.data[key] !== undefined;
    }
    throw badRequest(`Invalid request: ${where}: unknown view or container ${JSON.stringify(s)}`);
  });
  return (n) => checks.every((c) => c(n));
}

function referencesFilter(body: unknown, at: string): NodePredicate {
  if (!Array.isArray(body)) throw badRequest(`Invalid request: ${at}: expected a list of {space, externalId}`);
  const keys = new Set(
    body.map((r: unknown, i) => {
      const v = comparable('direct', r, `${at}[${i}]`) as { space: string; externalId: string };
      return `${v.space}:${v.externalId}`;
    }),
  );
  return (n) => keys.has(`${n.space}:${n.externalId}`);
}

function boolFilter(kind: string, body: unknown, at: string, depth: number): NodePredicate {
  if (kind === 'not') {
    const inner = compileFilter(body, `${at}`, depth + 1);
    return (n) => !inner(n);
  }
  if (!Array.isArray(body) || body.length === 0)
    throw badRequest(`Invalid request: ${at}: expected a non-empty list of filters`);
  const parts = body.map((f: unknown, i) => compileFilter(f, `${at}[${i}]`, depth + 1));
  return kind === 'and' ? (n) => parts.every((p) => p(n)) : (n) => parts.some((p) => p(n));
}

export function compileFilter(filter: unknown, at = 'filter', depth = 0): NodePredicate {
  if (depth > MAX_DEPTH) throw badRequest(`Invalid request: ${at}: filters nest at most ${MAX_DEPTH} deep`);
  if (!isObject(filter) || Object.keys(filter).length !== 1)
    throw badRequest(`Invalid request: ${at}: a filter is an object with exactly one key`);
  const [kind, body] = Object.entries(filter)[0] as [string, unknown];
  const here = `${at}.${kind}`;
  if (UNSUPPORTED.has(kind)) throw badRequest(`Invalid request: ${here}: not supported by the emulator`);
  switch (kind) {
    case 'and':
    case 'or':
    case 'not':
      return boolFilter(kind, body, here, depth);
    case 'equals':
      return equalsFilter(body, here);
    case 'in': {
      const { prop, args } = leafArgs(body, here);
      const want = listOf(prop, args.values, `${here}.values`);
      return (n) => !prop.list && valuesOf(prop, n).some((v) => want.some((w) => same(v, w)));
    }
    case 'range':
      return rangeFilter(body, here);
    case 'prefix':
      return prefixFilter(body, here);
    case 'exists': {
      const { prop } = leafArgs(body, here);
      return (n) => prop.get(n) !== undefined;
    }
    case 'containsAny':
    case 'containsAll':
      return containsFilter(body, here, kind === 'containsAll');
    case 'matchAll':
      return () => true;
    case 'hasData':
      return hasDataFilter(body, here);
    case 'instanceReferences':
      return referencesFilter(body, here);
  }
  throw badRequest(`Invalid request: ${at}: unknown filter "${kind}"`);
}
