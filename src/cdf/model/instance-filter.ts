import * as z from 'zod/mini';
import { COGNITE_FILE_VIEW, COGNITE_FILE_VIEW_KEY, type CogniteFilePropertyName } from './cognite-file-fields';
import { CDM_SPACE, directRelation, viewReference, type DirectRelation, type ViewReference } from './dms-primitives';

/**
 * The part of the instances filter language (public API reference, "Filters") the extension sends:
 * `and`, `or`, `not`, `equals`, `in`, `prefix`, `range`, `exists`, `containsAny`, `containsAll`,
 * `hasData` and `matchAll`. A property is named `["node", field]` for the node's own fields or
 * `[space, "View/version", property]` for a view's.
 */
export type PropertyPath = readonly string[];
export type FilterValue = string | number | boolean | DirectRelation;
type Property = { property: PropertyPath };

export type InstanceFilter =
  | { and: InstanceFilter[] }
  | { or: InstanceFilter[] }
  | { not: InstanceFilter }
  | { equals: Property & { value: FilterValue | FilterValue[] } }
  | { in: Property & { values: FilterValue[] } }
  | { prefix: Property & { value: string } }
  | { range: Property & { gt?: string | number; gte?: string | number; lt?: string | number; lte?: string | number } }
  | { exists: Property }
  | { containsAny: Property & { values: FilterValue[] } }
  | { containsAll: Property & { values: FilterValue[] } }
  | { hasData: ViewReference[] }
  | { matchAll: Record<string, never> };

const propertyPath = z.array(z.string().check(z.minLength(1))).check(z.minLength(2), z.maxLength(3));
const filterValue = z.union([z.string(), z.number(), z.boolean(), directRelation]);
const values = z.array(filterValue).check(z.minLength(1));
const bound = z.optional(z.union([z.string(), z.number()]));

export const instanceFilter: z.ZodMiniType<InstanceFilter> = z.lazy(() =>
  z.union([
    z.strictObject({ and: z.array(instanceFilter).check(z.minLength(1)) }),
    z.strictObject({ or: z.array(instanceFilter).check(z.minLength(1)) }),
    z.strictObject({ not: instanceFilter }),
    z.strictObject({
      equals: z.strictObject({ property: propertyPath, value: z.union([filterValue, z.array(filterValue)]) }),
    }),
    z.strictObject({ in: z.strictObject({ property: propertyPath, values }) }),
    z.strictObject({ prefix: z.strictObject({ property: propertyPath, value: z.string() }) }),
    z.strictObject({
      range: z.strictObject({ property: propertyPath, gt: bound, gte: bound, lt: bound, lte: bound }),
    }),
    z.strictObject({ exists: z.strictObject({ property: propertyPath }) }),
    z.strictObject({ containsAny: z.strictObject({ property: propertyPath, values }) }),
    z.strictObject({ containsAll: z.strictObject({ property: propertyPath, values }) }),
    z.strictObject({ hasData: z.array(viewReference).check(z.minLength(1)) }),
    z.strictObject({ matchAll: z.strictObject({}) }),
  ]),
);

/** A CogniteFile property as filters and sorts name it. */
export const fileProperty = (name: CogniteFilePropertyName): PropertyPath => [CDM_SPACE, COGNITE_FILE_VIEW_KEY, name];
/** A node's own field (`space`, `externalId`, `version`, `createdTime`, `lastUpdatedTime`). */
export const nodeField = (
  name: 'space' | 'externalId' | 'version' | 'createdTime' | 'lastUpdatedTime',
): PropertyPath => ['node', name];

/** Nodes with CogniteFile data: what every listing of files starts from. */
export const HAS_FILE_DATA: InstanceFilter = { hasData: [{ ...COGNITE_FILE_VIEW }] };

/** Every part must hold (an empty list holds always: no filter at all). */
export function allOf(parts: readonly (InstanceFilter | undefined)[]): InstanceFilter | undefined {
  const given = parts.filter((p): p is InstanceFilter => p !== undefined);
  if (given.length === 0) return undefined;
  return given.length === 1 ? given[0] : { and: given };
}
