/**
 * Which records a bulk action is about. Refs and the filter are the record kind's own wire shapes
 * (a classic file's `{id}` / `{externalId}`, its `files/list` filter), plain JSON, so a kept action
 * holds them as they are.
 */
export type BulkTarget<Ref = unknown, Filter = unknown> =
  /** The tree's selection: read again before planning, the tree may be stale. */
  | { kind: 'ids'; label: string; refs: Ref[] }
  /** Every record matching a filter, streamed page by page. */
  | { kind: 'filter'; label: string; filter: Filter };
