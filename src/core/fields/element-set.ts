import { withName } from './describe-text';
import { defineKind, type AnyFieldKindName, type ElementKey, type FieldKind, type Members, type Parsed } from './kind';
import { addRemove } from './patch';

/** How a kind of set names and copies its members; everything else sets share. */
export interface SetSpec {
  readonly name: AnyFieldKindName;
  readonly members: Members;
  /** The member as the API writes it (a copy). */
  readonly element: (element: unknown) => unknown;
  /** The members of typed text: a JSON array or a list. */
  readonly parseInput: (text: string, field: string) => Parsed<unknown[]>;
}

type SetPatch = { set: unknown[] } | { add?: unknown[]; remove?: unknown[] };

/**
 * A set of members (asset ids, labels). Order does not matter and each member counts once. Always
 * diffed to `{add, remove}` of the members that differ, never `{set}`, even when `set` is shorter or
 * the edit empties it: CDF file records have no version, so a colleague may add a member between our
 * read and the update; `add`/`remove` name only what we changed and so commute with that.
 */
export function setKind(spec: SetSpec): FieldKind {
  const members = (value: unknown) =>
    new Map((Array.isArray(value) ? value : []).map((e) => [spec.members.key(e), spec.element(e)]));
  const withChanges = (value: unknown, changes: ReadonlyMap<ElementKey, unknown>) => {
    const current = [...members(value)];
    const kept = current.filter(([k]) => !changes.has(k) || changes.get(k) !== undefined);
    const have = new Set(kept.map(([k]) => k));
    const added = [...changes].filter(([k, e]) => e !== undefined && !have.has(k));
    return [...kept.map(([k, e]) => (changes.has(k) ? changes.get(k) : e)), ...added.map(([, e]) => e)];
  };
  const changesOf = (elements: unknown[] | undefined, present: boolean) =>
    new Map((elements ?? []).map((e) => [spec.members.key(e), present ? spec.element(e) : undefined]));
  return defineKind({
    name: spec.name,
    collection: true,
    members: spec.members,
    elements: members,
    withChanges,
    elementName: (key) => String(key),
    diff(before, after) {
      const [was, is] = [members(before), members(after)];
      const add = [...is].filter(([k]) => !was.has(k)).map(([, e]) => e);
      const remove = [...was].filter(([k]) => !is.has(k)).map(([, e]) => e);
      return add.length || remove.length ? addRemove(add, add.length > 0, remove) : undefined;
    },
    apply(value, patch) {
      const p = patch as SetPatch;
      if ('set' in p) return withChanges([], changesOf(p.set, true));
      // remove first, then add: a member both removed and added ends up in, last
      return withChanges(withChanges(value, changesOf(p.remove, false)), changesOf(p.add, true));
    },
    describe(field, before, after, nameOf) {
      const [was, is] = [members(before), members(after)];
      const added = [...is.keys()].filter((k) => !was.has(k)).map((k) => `+ ${withName(k, nameOf)}`);
      const removed = [...was.keys()].filter((k) => !is.has(k)).map((k) => `- ${withName(k, nameOf)}`);
      return [`${field}: ${[...added, ...removed].join(', ')}`];
    },
    parseInput: spec.parseInput,
  });
}
