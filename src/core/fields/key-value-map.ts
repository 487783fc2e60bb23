import * as l10n from '@vscode/l10n';
import { displayPath } from '../json-path';
import { quote } from './describe-text';
import { parseJson } from './input';
import { defineKind, type ElementKey } from './kind';
import { putOwn } from './own-keys';
import { addRemove } from './patch';

type Map_ = Record<string, string>;
type MapPatch = { set: Map_ } | { add?: Map_; remove?: string[] };

/** Own entries only: a key named "toString" or "__proto__" is data, never the prototype's member. */
const entriesOf = (value: unknown): Map<ElementKey, unknown> =>
  new Map(typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.entries(value) : []);

function withChanges(value: unknown, changes: ReadonlyMap<ElementKey, unknown>): Map_ {
  const out: Map_ = {};
  for (const [key, v] of entriesOf(value)) putOwn(out, String(key), v as string);
  for (const [key, v] of changes) {
    if (v === undefined) delete out[key];
    else putOwn(out, String(key), v as string);
  }
  return out;
}

const keyChanges = (keys: readonly string[] | undefined): Map<ElementKey, unknown> =>
  new Map((keys ?? []).map((k) => [k, undefined]));

/**
 * String keys to string values (metadata). Merged, diffed and restored per key; always diffed to
 * `{add, remove}` of the keys that differ, never `{set}` (see `setKind` for why).
 */
export const keyValueMapKind = defineKind({
  name: 'keyValueMap',
  collection: true,
  elements: entriesOf,
  withChanges,
  elementName: (key) => String(key),
  diff(before, after) {
    const [was, is] = [entriesOf(before), entriesOf(after)];
    // Object.fromEntries defines every key as data, "__proto__" included.
    const add = Object.fromEntries([...is].filter(([k, v]) => was.get(k) !== v));
    const remove = [...was.keys()].filter((k) => !is.has(k)).map(String);
    const hasAdd = Object.keys(add).length > 0;
    return hasAdd || remove.length ? addRemove(add, hasAdd, remove) : undefined;
  },
  apply(value, patch) {
    const p = patch as MapPatch;
    if ('set' in p) return withChanges({}, entriesOf(p.set));
    // remove first, then add: an added key wins
    return withChanges(withChanges(value, keyChanges(p.remove)), entriesOf(p.add));
  },
  describe(field, before, after) {
    const [was, is] = [entriesOf(before), entriesOf(after)];
    const keys = [...new Set([...was.keys(), ...is.keys()])].map(String).sort();
    return keys.flatMap((key) => {
      const [a, b] = [was.get(key), is.get(key)];
      const path = displayPath([field, key]);
      if (a === b) return [];
      if (a === undefined) return [`${path}: + ${quote(b)}`];
      return [b === undefined ? `${path}: - ${quote(a)}` : `${path}: ${quote(a)} → ${quote(b)}`];
    });
  },
  parseInput: (text) => parseJson(text, l10n.t('a JSON object of strings')),
});
