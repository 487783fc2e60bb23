/**
 * Which incarnation (`createdTime`) each CogniteFile node was at when a records port last read or
 * checked it: the read right before an upsert is the one its items were decided on. WHY: a node can
 * be deleted and made again under its key, counting its versions from 1 again, so after a refused
 * upsert (409) only its createdTime tells the node that was made again from an untouched neighbour
 * read back at the version it was sent with (see staleNodesOf in the client).
 */
import { nodeKeyOf, type DirectRelation } from '../cdf/model';

/** How many nodes are kept at most, the oldest dropped first (as many as recent-node-reads.ts keeps). */
const NODE_LIVES_MAX = 50_000;

export class NodeLives {
  private readonly byKey = new Map<string, number>();

  constructor(private readonly max = NODE_LIVES_MAX) {}

  /** Notes the nodes a read or check just saw. */
  see(nodes: readonly (DirectRelation & { readonly createdTime: number })[]): void {
    for (const node of nodes) {
      const key = nodeKeyOf(node);
      this.byKey.delete(key);
      this.byKey.set(key, node.createdTime);
    }
    for (const key of this.byKey.keys()) {
      if (this.byKey.size <= this.max) break;
      this.byKey.delete(key);
    }
  }

  /** `read`'s nodes, noted when it answers. */
  async seen<T extends DirectRelation & { readonly createdTime: number }>(read: Promise<T[]>): Promise<T[]> {
    const nodes = await read;
    this.see(nodes);
    return nodes;
  }

  /** The createdTime last seen of each of `nodes` that was seen, by node key. */
  of(nodes: readonly DirectRelation[]): Map<string, number> {
    const lives = new Map<string, number>();
    for (const node of nodes) {
      const key = nodeKeyOf(node);
      const life = this.byKey.get(key);
      if (life !== undefined) lives.set(key, life);
    }
    return lives;
  }
}

/**
 * The items whose node, as read right before the upsert, is not the one they were decided on: another
 * createdTime than `decidedOn` names for it, or a version below the one they carry (one node's versions
 * only grow). CDF accepts an upsert whose `existingVersion` is not below the node's, so without this
 * the item would be written over someone else's new node made under the same key.
 */
export function madeAgainSince<T extends DirectRelation & { readonly existingVersion?: number }>(
  present: readonly { readonly item: T; readonly before: { readonly createdTime: number; readonly version: number } }[],
  decidedOn: ReadonlyMap<string, number>,
): T[] {
  return present.flatMap(({ item, before }) => {
    const life = decidedOn.get(nodeKeyOf(item));
    const below = item.existingVersion !== undefined && before.version < item.existingVersion;
    return (life !== undefined && life !== before.createdTime) || below ? [item] : [];
  });
}
