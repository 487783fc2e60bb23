/**
 * The answers a CogniteFile bulk update reads most (nodes with the CogniteFile view, node stamps,
 * upsert answers), checked by hand: WHY: the zod models (cognite-file.ts) copy every object and
 * array they check, about half of the client's work per node in a 20,000-node update. Each check
 * here answers the value only when the zod model accepts it and would answer an equal value
 * (test/unit/cdf/cognite-file-fast.property.test.ts proves it on generated answers); otherwise
 * undefined, and the zod model parses the answer and says what is wrong with it.
 */
import {
  COGNITE_FILE_PROPERTIES,
  COGNITE_FILE_PROPERTY_NAMES,
  COGNITE_FILE_VIEW,
  COGNITE_FILE_VIEW_KEY,
  COGNITE_FILE_WRITABLE_NAMES,
} from './cognite-file-fields';
import type * as z from 'zod/mini';
import type { CogniteFileNode, nodeUpsertRequest, NodeStamp, SlimNode } from './cognite-file';
import { CDM_SPACE, DMS_LIMITS, SPACE_ID_PATTERN } from './dms-primitives';
import { isoTimestampMs } from './iso-timestamp';

type Obj = Record<string, unknown>;
// An own `__proto__` key (JSON.parse makes one) is left to zod: its copy does not keep it as a key.
const isObj = (v: unknown): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !Object.hasOwn(v, '__proto__');
const isSpace = (v: unknown) => typeof v === 'string' && v.length <= DMS_LIMITS.spaceLength && SPACE_ID_PATTERN.test(v);
const isExternalId = (v: unknown) =>
  typeof v === 'string' && v.length >= 1 && v.length <= DMS_LIMITS.nodeExternalIdLength && !v.includes('\u0000');
const isInt = (v: unknown, min: number) => Number.isSafeInteger(v) && (v as number) >= min;
const isText = (v: unknown) => typeof v === 'string' && v.length <= DMS_LIMITS.textLength && !v.includes('\u0000');

/** Exactly `{space, externalId}` (a strict object). */
function isRelation(v: unknown): boolean {
  if (!isObj(v) || !isSpace(v['space']) || !isExternalId(v['externalId'])) return false;
  for (const key in v) if (key !== 'space' && key !== 'externalId') return false;
  return true;
}

function isTextList(v: unknown, max: number): boolean {
  if (!Array.isArray(v) || v.length > max) return false;
  let sum = 0;
  for (const t of v) {
    if (!isText(t)) return false;
    sum += (t as string).length;
  }
  return sum <= DMS_LIMITS.textLength;
}

const isRelationList = (v: unknown, max: number) => Array.isArray(v) && v.length <= max && v.every(isRelation);

type Check = (v: unknown) => boolean;
const KIND_CHECKS: Record<string, (max: number) => Check> = {
  text: () => isText,
  textList: (max) => (v) => isTextList(v, max),
  timestamp: () => (v) => typeof v === 'string' && isoTimestampMs(v) !== undefined,
  boolean: () => (v) => typeof v === 'boolean',
  directRelation: () => isRelation,
  directRelationList: (max) => (v) => isRelationList(v, max),
};

/** Each CogniteFile property's check of a value read (null and absent pass: unset). */
const PROPERTY_CHECKS: [string, Check][] = COGNITE_FILE_PROPERTY_NAMES.map((name) => {
  const field: { kind: string; maxListSize?: number } = COGNITE_FILE_PROPERTIES[name];
  return [name, KIND_CHECKS[field.kind]!(field.maxListSize ?? 0)];
});

const absent = (v: unknown) => v === undefined;

function isValues(v: unknown): boolean {
  if (!isObj(v)) return false;
  for (const [name, check] of PROPERTY_CHECKS) {
    const value = v[name];
    if (value !== undefined && value !== null && !check(value)) return false;
  }
  return true;
}

/** A node's identity and stamp: instanceType, space, externalId, version, createdTime, lastUpdatedTime. */
const isStamped = (v: unknown): v is Obj =>
  isObj(v) &&
  v['instanceType'] === 'node' &&
  isSpace(v['space']) &&
  isExternalId(v['externalId']) &&
  isInt(v['version'], 1) &&
  isInt(v['createdTime'], 0) &&
  isInt(v['lastUpdatedTime'], 0);

function isFileNode(v: unknown): boolean {
  if (!isStamped(v) || !(absent(v['type']) || isRelation(v['type']))) return false;
  const properties = v['properties'];
  if (absent(properties)) return true;
  if (!isObj(properties)) return false;
  const group = properties[CDM_SPACE];
  if (absent(group)) return true;
  if (!isObj(group)) return false;
  const values = group[COGNITE_FILE_VIEW_KEY];
  return absent(values) || isValues(values);
}

const isSlim = (v: unknown) => isStamped(v) && typeof v['wasModified'] === 'boolean';

/** `{items}` when `json` is an object whose `items` all pass `check` (other keys are left out, as zod's object does). */
function itemsOf<T>(json: unknown, check: Check): { items: T[] } | undefined {
  if (!isObj(json)) return undefined;
  const items = json['items'];
  return Array.isArray(items) && items.every(check) ? { items: items as T[] } : undefined;
}

/** `cogniteFileNodeList`'s answer, or undefined (then parse it with the zod model). */
export const fastCogniteFileNodeList = (json: unknown) => itemsOf<CogniteFileNode>(json, isFileNode);
/** `nodeStampList`'s answer, or undefined. */
export const fastNodeStampList = (json: unknown) => itemsOf<NodeStamp>(json, isStamped);
/** `nodeUpsertResponse`'s answer, or undefined. */
export const fastNodeUpsertResponse = (json: unknown) => itemsOf<SlimNode>(json, isSlim);

/** Each writable property's check of a value sent (null and absent pass: null clears it). */
const WRITE_CHECKS = new Map(PROPERTY_CHECKS.filter(([name]) => COGNITE_FILE_WRITABLE_NAMES.includes(name as never)));

/** No keys but `allowed` (a strict object). */
function onlyKeys(v: Obj, allowed: readonly string[]): boolean {
  for (const key in v) if (!allowed.includes(key)) return false;
  return true;
}

const ITEM_KEYS = ['instanceType', 'space', 'externalId', 'existingVersion', 'sources'];
const VIEW_REF_KEYS = Object.keys(COGNITE_FILE_VIEW);

function isWrite(v: unknown): boolean {
  if (!isObj(v)) return false;
  for (const key in v) {
    const check = WRITE_CHECKS.get(key);
    const value = v[key];
    if (!check || (value !== undefined && value !== null && !check(value))) return false;
  }
  return true;
}

function isUpsertItem(v: unknown): boolean {
  if (!isObj(v) || !onlyKeys(v, ITEM_KEYS) || v['instanceType'] !== 'node') return false;
  if (!isSpace(v['space']) || !isExternalId(v['externalId'])) return false;
  if (!(absent(v['existingVersion']) || isInt(v['existingVersion'], 0))) return false;
  const sources = v['sources'];
  if (!Array.isArray(sources) || sources.length !== 1) return false;
  const [one] = sources as unknown[];
  if (!isObj(one) || !onlyKeys(one, ['source', 'properties'])) return false;
  const source = one['source'];
  const view = COGNITE_FILE_VIEW as Obj;
  const isView = isObj(source) && onlyKeys(source, VIEW_REF_KEYS) && VIEW_REF_KEYS.every((k) => source[k] === view[k]);
  return isView && isWrite(one['properties']);
}

const isFlag = (v: unknown) => absent(v) || typeof v === 'boolean';

/**
 * An upsert request as `nodeUpsertRequest` takes it (the value itself), or undefined (then the zod
 * model checks it and says what is wrong). What is sent is the same either way (its JSON).
 */
export function fastNodeUpsertRequest(value: unknown): z.infer<typeof nodeUpsertRequest> | undefined {
  if (!isObj(value) || !onlyKeys(value, ['items', 'autoCreateDirectRelations', 'skipOnVersionConflict', 'replace']))
    return undefined;
  const items = value['items'];
  const sized = Array.isArray(items) && items.length >= 1 && items.length <= DMS_LIMITS.itemsPerRequest;
  const flags = isFlag(value['autoCreateDirectRelations']) && isFlag(value['skipOnVersionConflict']);
  const ok = sized && flags && isFlag(value['replace']) && items.every(isUpsertItem);
  return ok ? (value as z.infer<typeof nodeUpsertRequest>) : undefined;
}
