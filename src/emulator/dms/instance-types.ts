/** Data modeling records as the emulator keeps them: nodes with their data per container, and spaces. */

export interface DirectRelation {
  space: string;
  externalId: string;
}

/** A stored property value (nulls are never stored: a null write removes the property). */
export type PropertyValue = string | number | boolean | DirectRelation | PropertyValue[];

/** Property values of one container, keyed by container property identifier. */
export type ContainerData = Record<string, PropertyValue>;

export interface NodeRecord {
  space: string;
  externalId: string;
  version: number;
  createdTime: number;
  lastUpdatedTime: number;
  type?: DirectRelation;
  /**
   * Keyed by `space/containerExternalId`. A key present (even with no values) means the node has
   * data in that container, which is what `hasData` filters look at.
   */
  data: Record<string, ContainerData>;
}

export interface SpaceRecord {
  space: string;
  name?: string;
  description?: string;
  createdTime: number;
  lastUpdatedTime: number;
  isGlobal: boolean;
  /** Spaces have no externalId; declared so the store's keyed table (which indexes one) accepts them. */
  externalId?: never;
}

/** The instance table's key: spaces cannot contain ':', so this is unambiguous. */
export const nodeKey = (n: { space: string; externalId: string }): string => `${n.space}:${n.externalId}`;

export const containerKey = (space: string, externalId: string): string => `${space}/${externalId}`;

/** The identifiers named twice in one request, once each, as the API's `duplicated` lists them. */
export function duplicatesOf<T extends { instanceType?: string; space: string; externalId: string }>(
  items: readonly T[],
): { instanceType: string; space: string; externalId: string }[] {
  const seen = new Set<string>();
  const dupes = new Map<string, { instanceType: string; space: string; externalId: string }>();
  for (const i of items) {
    const key = `${i.instanceType ?? 'node'}|${nodeKey(i)}`;
    if (seen.has(key))
      dupes.set(key, { instanceType: i.instanceType ?? 'node', space: i.space, externalId: i.externalId });
    seen.add(key);
  }
  return [...dupes.values()];
}
