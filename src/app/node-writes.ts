/** What a node bulk update's run (node-run.ts) asks of CDF, served by the records port over the client. */
import type { AttemptEvent } from '../cdf/client';
import type { CogniteFileUpsertItem, DirectRelation, NodeStamp, SlimNode } from '../cdf/model';
import type { CogniteFileRecord } from '../core/records';

type U = CogniteFileUpsertItem;
type R = CogniteFileRecord;
type OnAttempt = (event: AttemptEvent) => void;

export interface NodeWrites {
  /**
   * One request, all or nothing, answered in item order; throws core's typed refusals (see
   * upsertOnce), a 429 as it came. `onAttempt` hears when it is sent and when its status is known.
   */
  readonly upsert: (items: readonly U[], signal?: AbortSignal, onAttempt?: OnAttempt) => Promise<SlimNode[]>;
  /**
   * The nodes that exist now, read right before an upsert (which would create a deleted one again):
   * version and createdTime only, no properties.
   */
  readonly existing: (keys: readonly string[], signal?: AbortSignal) => Promise<NodeStamp[]>;
  /** The node with all its properties when it was read earlier at exactly this stamp. */
  readonly known: (now: NodeStamp) => R | undefined;
  /** The node as read earlier at `version`: the incarnation an item naming that version was planned on. */
  readonly readAt: (key: string, version: number) => R | undefined;
  /** The written nodes as CDF holds them now (for the report's records). */
  readonly readBack: (keys: readonly string[], signal?: AbortSignal) => Promise<R[]>;
  /**
   * Deletes nodes an upsert made (deleted since their read), each only while still at the version
   * named: resolves when CDF answered 2xx, throws otherwise (a node written since: 409).
   */
  readonly deleteMade: (
    nodes: readonly (DirectRelation & { readonly existingVersion: number })[],
    signal?: AbortSignal,
  ) => Promise<void>;
  /** The project's concurrent write limit. */
  readonly writeLimit: (signal?: AbortSignal) => Promise<number>;
}
