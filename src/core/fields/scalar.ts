import type { ScalarPatch } from '../../cdf/model';
import { quote, unset } from './describe-text';
import { sameValue } from './equality';
import { defineKind, type AnyFieldKindName, type ElementKey, type FieldKind, type NameOf, type Parsed } from './kind';

/** A scalar's only element. */
const ONE: ElementKey = '';

/** How a kind of scalar reads and shows its values; everything else scalars share. */
export interface ScalarSpec {
  readonly name: AnyFieldKindName;
  /** A set value in the preview (`unset` is said for the kind). */
  readonly show: (value: unknown, nameOf: NameOf) => string;
  readonly parseInput: (text: string, field: string) => Parsed<unknown>;
}

/** A value sent whole: `{set}` replaces it, `{setNull: true}` clears it. Unset and `null` are the same. */
export function scalarKind(spec: ScalarSpec): FieldKind {
  const shown = (value: unknown, nameOf: NameOf) =>
    value === undefined || value === null ? unset() : spec.show(value, nameOf);
  return defineKind({
    name: spec.name,
    collection: false,
    elements: (value) => new Map(value === undefined || value === null ? [] : [[ONE, value]]),
    withChanges: (value, changes) => (changes.has(ONE) ? changes.get(ONE) : value),
    elementName: () => undefined,
    diff(before, after): ScalarPatch<unknown> | undefined {
      if (sameValue(before, after)) return undefined;
      return after === null || after === undefined ? { setNull: true } : { set: structuredClone(after) };
    },
    apply(value, patch) {
      if ('set' in patch) return patch.set;
      return (patch as { setNull?: boolean }).setNull === true ? undefined : value;
    },
    describe: (field, before, after, nameOf) => [`${field}: ${shown(before, nameOf)} → ${shown(after, nameOf)}`],
    parseInput: spec.parseInput,
  });
}

/** Shown as JSON. */
export const showJson = (value: unknown): string => quote(value);
