import type { FieldKindName, NodeFieldKindName } from '../../cdf/model';
import { displayPath } from '../json-path';
import { sameValue } from './equality';

/**
 * A field kind (text, time, id, geometry, id set, labels, key-value map) owns everything that depends on
 * the shape of a field's value: equality, the minimal patch of `files/update`, applying a patch, the
 * three-way merge, undo's restore, the action's after-image and the preview's words. A record kind is
 * a table of fields, each naming its kind (see `FIELD_KINDS`).
 *
 * Every kind sees its value as ELEMENTS by key: a scalar is one element (or none when unset), a
 * key-value map one per key, a set one per member. Merge, restore and the after-image work element by
 * element, so a kind only says how its value splits into elements and how changed elements go back in.
 */
export type ElementKey = string | number;
/** The name of a field kind: a classic file's (`files/update`) or a data modeling node's. */
export type AnyFieldKindName = FieldKindName | Exclude<NodeFieldKindName, 'boolean'>;
export type Elements = ReadonlyMap<ElementKey, unknown>;
/** Per key, the element to hold, or `undefined` to drop it. */
export type ElementChanges = Map<ElementKey, unknown>;

/** The names a value's elements have, as far as they are known (data set, asset and label names). */
export type NameOf = (key: ElementKey) => string | undefined;

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** What a set kind knows of one member, for checks of a document or an operation. */
export interface Members {
  /** A member's identity: two members with one key are the same member (a repeat). */
  readonly key: (element: unknown) => ElementKey;
  /** The problem code of a member listed twice. */
  readonly duplicateCode: 'duplicate-id' | 'duplicate-label';
  /** Why a value is not a member, or `undefined` when it is one. */
  readonly check: (element: unknown) => string | undefined;
}

/** What a kind defines; {@link defineKind} derives the element-wise operations from it. */
export interface KindSpec {
  readonly name: AnyFieldKindName;
  /** The value holds many elements (a map, a set): `set` and `clear` of it replace all of them. */
  readonly collection: boolean;
  /** For a set of members (ids, labels): what a member is. */
  readonly members?: Members;
  /** The value's elements by key (own keys only); unset, `null` and empty values have none. */
  readonly elements: (value: unknown) => Elements;
  /** `value` with `changes` made: kept elements keep their order, new ones follow in `changes`' order. */
  readonly withChanges: (value: unknown, changes: ReadonlyMap<ElementKey, unknown>) => unknown;
  /** How an element is named in a report (a metadata key); `undefined` for a scalar's only element. */
  readonly elementName: (key: ElementKey) => string | undefined;
  /** The minimal `files/update` patch from `before` to `after`; `undefined` when they are the same. */
  readonly diff: (before: unknown, after: unknown) => object | undefined;
  /** What `files/update` does with `patch` to `value` (the server's side; tests of the diff use it too). */
  readonly apply: (value: unknown, patch: object) => unknown;
  /** One line per change, as the preview shows it: `source: "A" → "B"`, `labels: + pump, - old`. */
  readonly describe: (field: string, before: unknown, after: unknown, nameOf: NameOf) => string[];
  /** Text a person typed (a wizard box, a CSV cell) to a value of this kind, or why it is not one. */
  readonly parseInput: (text: string, field: string) => Parsed<unknown>;
}

export interface ElementConflict {
  /** The element (a metadata key); absent for a scalar. */
  key?: string;
  base: unknown;
  mine: unknown;
  theirs: unknown;
}

export interface RestoreConflict {
  where: string;
  before: unknown;
  afterAction: unknown;
  now: unknown;
}

export interface FieldKind extends KindSpec {
  /** Same to the API: `null`, missing and empty mean "none"; sets ignore order; objects key order. */
  readonly same: (a: unknown, b: unknown) => boolean;
  /**
   * Mine and theirs both descend from base: theirs plus my changed elements. The same element
   * changed to different values on both sides is a conflict, resolved by `prefer`. A set's member is
   * in or out, so two sides that both changed it agree: sets never conflict.
   */
  readonly merge: (base: unknown, mine: unknown, theirs: unknown, prefer: 'mine' | 'theirs') => MergeOutcome;
  /**
   * Undo of an action that turned `pre` into `post`, on the value as it is `now`: each element the
   * action changed and that still holds the action's value goes back; one that holds neither is a
   * conflict, left alone. `found`: some element still held the action's value.
   */
  readonly restore: (field: string, pre: unknown, post: unknown, now: unknown) => RestoreOutcome;
  /** `before` with only the elements that differ in `planned` changed, to their value in `returned`. */
  readonly written: (before: unknown, planned: unknown, returned: unknown) => unknown;
  /** `after` as `apply(before, diff(before, after))` makes it: `before`'s order, new elements last. */
  readonly rebase: (before: unknown, after: unknown) => unknown;
  readonly isEmpty: (value: unknown) => boolean;
}

export interface MergeOutcome {
  value: unknown;
  conflicts: ElementConflict[];
}

export interface RestoreOutcome {
  value: unknown;
  conflicts: RestoreConflict[];
  found: boolean;
}

/** The keys of either side, each once, in first-seen order. */
const keysOf = (...sides: Elements[]): ElementKey[] => [...new Set(sides.flatMap((s) => [...s.keys()]))];

/** The elements whose value differs, with their value in `after`: `before`'s keys first, then the new ones. */
function changes(before: Elements, after: Elements): ElementChanges {
  // Loops, not keysOf: this runs for every field of every record an action plans or keeps.
  const out: ElementChanges = new Map();
  for (const [key, value] of before) if (!sameValue(value, after.get(key))) out.set(key, after.get(key));
  for (const [key, value] of after) if (!before.has(key) && !sameValue(undefined, value)) out.set(key, value);
  return out;
}

export function defineKind(spec: KindSpec): FieldKind {
  return {
    ...spec,
    same: (a, b) => changes(spec.elements(a), spec.elements(b)).size === 0,
    isEmpty: (value) => spec.elements(value).size === 0,
    rebase: (before, after) => spec.withChanges(before, changes(spec.elements(before), spec.elements(after))),
    written(before, planned, returned) {
      const got = spec.elements(returned);
      const changed = [...changes(spec.elements(before), spec.elements(planned)).keys()];
      return spec.withChanges(before, new Map(changed.map((k) => [k, got.get(k)])));
    },
    merge: (base, mine, theirs, prefer) => mergeElements(spec, base, mine, theirs, prefer),
    restore: (field, pre, post, now) => restoreElements(spec, field, pre, post, now),
  };
}

function mergeElements(spec: KindSpec, b: unknown, m: unknown, t: unknown, prefer: 'mine' | 'theirs'): MergeOutcome {
  const [base, mine, theirs] = [spec.elements(b), spec.elements(m), spec.elements(t)];
  const out: ElementChanges = new Map();
  const conflicts: ElementConflict[] = [];
  for (const key of keysOf(base, mine, theirs)) {
    const [bv, mv, tv] = [base.get(key), mine.get(key), theirs.get(key)];
    if (sameValue(bv, mv) || sameValue(mv, tv)) continue; // I did not touch it, or we agree: theirs stands
    if (!sameValue(bv, tv)) {
      const name = spec.elementName(key);
      conflicts.push({
        ...(name === undefined ? {} : { key: name }),
        base: bv ?? null,
        mine: mv ?? null,
        theirs: tv ?? null,
      });
      if (prefer === 'theirs') continue;
    }
    out.set(key, mv);
  }
  return { value: spec.withChanges(t, out), conflicts };
}

function restoreElements(spec: KindSpec, field: string, pre: unknown, post: unknown, now: unknown): RestoreOutcome {
  const [was, became, is] = [spec.elements(pre), spec.elements(post), spec.elements(now)];
  const out: ElementChanges = new Map();
  const conflicts: RestoreConflict[] = [];
  for (const key of keysOf(was, became)) {
    const [w, b, i] = [was.get(key), became.get(key), is.get(key)];
    if (sameValue(w, b) || sameValue(i, w)) continue; // the action did not change it, or it is back
    if (sameValue(i, b)) out.set(key, w);
    else {
      const name = spec.elementName(key);
      conflicts.push({
        where: name === undefined ? field : displayPath([field, name]),
        before: w,
        afterAction: b,
        now: i,
      });
    }
  }
  return { value: spec.withChanges(now, out), conflicts, found: out.size > 0 };
}
