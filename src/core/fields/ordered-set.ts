import * as l10n from '@vscode/l10n';
import { setKind, type SetSpec } from './element-set';
import { deepEqual } from './equality';
import type { FieldKind, RestoreOutcome } from './kind';

/** An ordered set's patch: the set's own, plus the order the members should stand in. */
type OrderedPatch = { set: unknown[] } | { add?: unknown[]; remove?: unknown[]; order?: unknown[] };

/**
 * A set whose order is part of the value: a data modeling list whose order means something (a
 * CogniteFile's `aliases`, `assets`). The API stores such a list as the ordered array it was given
 * and writes it whole, so a document that only reorders it changes it. Membership still merges
 * member by member (someone else's additions stay); the order comes from the side that changed it.
 *
 * A reorder (or an insertion in the middle) is patched as `{add, remove, order}`: applied to a newer
 * copy, the add/remove keep what someone else added or removed, and `order` only moves the members
 * it names that are still there (any others follow, in their order).
 */
export function orderedSetKind(spec: SetSpec): FieldKind {
  const set = setKind(spec);
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value.map(spec.element) : []);
  const sameOrder = (a: unknown, b: unknown) => deepEqual(list(a), list(b));
  const apply = (value: unknown, patch: object): unknown => {
    const { order, ...members } = patch as OrderedPatch & { order?: unknown[] };
    const made = list(set.apply(value, members));
    if (!order) return made;
    const rank = new Map(order.map((e, i) => [spec.members.key(e), i]));
    const at = (e: unknown) => rank.get(spec.members.key(e)) ?? order.length;
    return made
      .map((e, i) => ({ e, i }))
      .sort((a, b) => at(a.e) - at(b.e) || a.i - b.i)
      .map(({ e }) => e);
  };
  const diff = (before: unknown, after: unknown): object | undefined => {
    const patch = set.diff(before, after);
    if (sameOrder(patch ? apply(before, patch) : before, after)) return patch;
    return { ...(patch ?? {}), order: list(after) };
  };
  return {
    ...set,
    same: sameOrder,
    diff,
    apply,
    rebase: (before, after) => {
      const patch = diff(before, after);
      return patch ? apply(before, patch) : before;
    },
    merge(base, mine, theirs, prefer) {
      // Only one side touched the list: that side's list, in its order.
      if (sameOrder(base, theirs)) return { value: list(mine), conflicts: [] };
      if (sameOrder(base, mine) || sameOrder(mine, theirs)) return { value: list(theirs), conflicts: [] };
      const merged = set.merge(base, mine, theirs, prefer);
      const mineOrder = diff(base, mine);
      return mineOrder && 'order' in mineOrder
        ? { ...merged, value: apply(merged.value, { order: mineOrder.order }) }
        : merged;
    },
    restore: (field, pre, post, now) =>
      restoreInOrder({ set, list, apply, key: spec.members.key }, field, pre, post, now),
    describe(field, before, after, nameOf) {
      return set.same(before, after) ? [l10n.t('{0}: reordered', field)] : set.describe(field, before, after, nameOf);
    },
  };
}

/** What the undo of an ordered list needs of its kind. */
interface OrderedOps {
  set: FieldKind;
  list: (value: unknown) => unknown[];
  apply: (value: unknown, patch: object) => unknown;
  key: (element: unknown) => unknown;
}

/**
 * Undo puts the list back as it was, order included, when nobody wrote it since the action. When
 * someone did, their members stay (the set's restore, member by member); the order before the action
 * comes back if they did not reorder, and if they did, theirs is kept and reported as a conflict.
 */
function restoreInOrder(ops: OrderedOps, field: string, pre: unknown, post: unknown, now: unknown): RestoreOutcome {
  const { set, list, apply } = ops;
  const sameOrder = (a: unknown, b: unknown) => deepEqual(list(a), list(b));
  if (sameOrder(now, post)) return { value: list(pre), conflicts: [], found: true };
  const members = set.restore(field, pre, post, now);
  // The members both lists hold, in the first one's order: unequal when someone reordered them.
  const common = (a: unknown, b: unknown): unknown[] => {
    const inB = new Set(list(b).map(ops.key));
    return list(a).filter((e) => inB.has(ops.key(e)));
  };
  if (!deepEqual(common(now, post), common(post, now))) {
    const where = l10n.t('{0} (order)', field);
    const reordered = { where, before: list(pre), afterAction: list(post), now: list(now) };
    return { ...members, conflicts: [...members.conflicts, reordered] };
  }
  const value = apply(members.value, { order: list(pre) });
  return { value, conflicts: members.conflicts, found: members.found || !sameOrder(value, now) };
}
