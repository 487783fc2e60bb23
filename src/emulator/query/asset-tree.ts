import { badRequest } from '../http/api-error';
import type { FileStore } from '../store/file-store';

/** The spec: "If the total size of the given subtrees exceeds 100,000 assets, an error will be returned." */
const MAX_SUBTREE_ASSETS = 100_000;

/** Children by parent id (asset tables are small; built per request). */
export function assetChildren(store: FileStore): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const a of store.assets.sorted()) {
    if (a.parentId === undefined) continue;
    const list = children.get(a.parentId);
    if (list) list.push(a.id);
    else children.set(a.parentId, [a.id]);
  }
  return children;
}

/** The ids of the given assets and everything below them. */
export function assetSubtree(store: FileStore, roots: Iterable<number>): Set<number> {
  const children = assetChildren(store);
  const out = new Set<number>();
  const stack = [...roots];
  while (stack.length > 0) {
    const id = stack.pop() as number;
    if (out.has(id)) continue;
    out.add(id);
    if (out.size > MAX_SUBTREE_ASSETS)
      throw badRequest(`The given asset subtrees hold more than ${MAX_SUBTREE_ASSETS} assets`);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}
