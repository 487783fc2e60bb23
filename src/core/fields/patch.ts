/** `{add, remove}` without empty parts (the caller knows at least one part is non-empty). */
export function addRemove<A, R extends unknown[]>(add: A, hasAdd: boolean, remove: R): { add?: A; remove?: R } {
  const patch: { add?: A; remove?: R } = {};
  if (hasAdd) patch.add = add;
  if (remove.length > 0) patch.remove = remove;
  return patch;
}
