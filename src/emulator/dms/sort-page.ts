import { badRequest } from '../http/api-error';
import type { NodeRecord } from './instance-types';
import { compare, resolveProperty, storedComparable, type Comparable } from './property-ref';
import type { SortItem } from './requests';

/**
 * Sorting and keyset paging of nodes. The cursor holds the last item's sort key (its sort values,
 * then space and externalId, which make every key unique), so a page starts right after it even
 * when nodes were written or deleted in between: nothing is skipped or returned twice.
 */

type Key = (Comparable | null)[];

export interface NodeOrder {
  keyOf(node: NodeRecord): Key;
  compareKeys(a: Key, b: Key): number;
}

export function nodeOrder(sort: readonly SortItem[] = [], at = 'sort'): NodeOrder {
  const props = sort.map((s, i) => {
    const prop = resolveProperty(s.property, `${at}[${i}].property`);
    if (prop.list) throw badRequest(`Invalid request: ${at}[${i}]: list properties cannot be sorted on`);
    return { prop, descending: s.direction === 'descending', nullsFirst: s.nullsFirst ?? false };
  });
  const keyOf = (n: NodeRecord): Key => [
    ...props.map(({ prop }) => {
      const v = prop.get(n);
      return v === undefined ? null : storedComparable(prop.type, v);
    }),
    n.space,
    n.externalId,
  ];
  const compareKeys = (a: Key, b: Key): number => {
    for (let i = 0; i < a.length; i++) {
      const x = a[i] ?? null;
      const y = b[i] ?? null;
      const spec = props[i];
      if (x === null || y === null) {
        if (x === y) continue;
        // Nulls last unless asked otherwise, whatever the direction.
        return (x === null) === (spec?.nullsFirst ?? false) ? -1 : 1;
      }
      const c = compare(x, y);
      if (c !== 0) return spec?.descending ? -c : c;
    }
    return 0;
  };
  return { keyOf, compareKeys };
}

const encode = (key: Key): string => Buffer.from(JSON.stringify(key)).toString('base64url');

function decode(cursor: string): Key {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key)) return key as Key;
  } catch {
    // reported below
  }
  throw badRequest(`Invalid cursor: ${JSON.stringify(cursor)}`);
}

/** One page of the matching nodes in order, with `nextCursor` when there are more. */
export function pageNodes(nodes: NodeRecord[], order: NodeOrder, limit: number, cursor: string | undefined) {
  const keyed = nodes.map((node) => ({ node, key: order.keyOf(node) }));
  keyed.sort((a, b) => order.compareKeys(a.key, b.key));
  let start = 0;
  if (cursor !== undefined) {
    const after = decode(cursor);
    if (after.length !== keyed[0]?.key.length && keyed.length > 0) throw badRequest(`Invalid cursor: ${cursor}`);
    start = keyed.findIndex((k) => order.compareKeys(k.key, after) > 0);
    if (start < 0) start = keyed.length;
  }
  const page = keyed.slice(start, start + limit);
  const last = page[page.length - 1];
  const more = start + limit < keyed.length && last !== undefined;
  return { items: page.map((k) => k.node), nextCursor: more ? encode(last.key) : undefined };
}
