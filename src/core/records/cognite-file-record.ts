import {
  copyJson,
  cogniteFileValues,
  COGNITE_FILE_PROPERTY_NAMES,
  type CogniteFileNode,
  type CogniteFileProperties,
} from '../../cdf/model';

/**
 * A CogniteFile node as the record pipelines see it: the node's own fields (identity, version,
 * times) and its CogniteFile view values side by side at the top level, unset values left out, as a
 * classic file record holds its fields. The pipelines (diff, merge, validation of read-only fields)
 * read a field by its name on the record, so a node's values cannot stay nested in
 * `properties.cdf_cdm["CogniteFile/v1"]`; no CogniteFile property shares a name with a node field.
 */
export type CogniteFileRecord = {
  readonly space: string;
  readonly externalId: string;
  readonly version: number;
  readonly createdTime: number;
  readonly lastUpdatedTime: number;
} & { readonly [K in keyof CogniteFileProperties]?: Exclude<CogniteFileProperties[K], null> };

/** The record of a node as `instances/byids`, `list` or `search` return it with the CogniteFile view. */
export function cogniteFileRecord(node: CogniteFileNode): CogniteFileRecord {
  const values = cogniteFileValues(node) as Record<string, unknown>;
  const record: Record<string, unknown> = {
    space: node.space,
    externalId: node.externalId,
    version: node.version,
    createdTime: node.createdTime,
    lastUpdatedTime: node.lastUpdatedTime,
  };
  for (const name of COGNITE_FILE_PROPERTY_NAMES) {
    const value = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
    // A copy: the record shares nothing with the answer it was read from.
    if (value !== undefined && value !== null) record[name] = copyJson(value);
  }
  return record as CogniteFileRecord;
}
