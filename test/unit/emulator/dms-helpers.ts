import type { RunningEmulator } from '../../../src/emulator';
import { client, type Json } from './helpers';

/** The CogniteFile view as every request names it. */
export const FILE_VIEW = { type: 'view', space: 'cdf_cdm', externalId: 'CogniteFile', version: 'v1' } as const;
export const ASSET_VIEW = { type: 'view', space: 'cdf_cdm', externalId: 'CogniteAsset', version: 'v1' } as const;

/** One node write through the CogniteFile view. */
export const fileItem = (
  space: string,
  externalId: string,
  properties: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) => ({
  instanceType: 'node',
  space,
  externalId,
  ...extra,
  sources: [{ source: FILE_VIEW, properties }],
});

export function dms(emulator: RunningEmulator) {
  const c = client(emulator);
  return {
    ...c,
    upsert: (items: unknown[], options: Json = {}) => c.post('/models/instances', { items, ...options }),
    byIds: (ids: { space: string; externalId: string }[], views: readonly Json[] = [FILE_VIEW]) =>
      c.post('/models/instances/byids', {
        items: ids.map((i) => ({ instanceType: 'node', ...i })),
        sources: views.map((source) => ({ source })),
      }),
    list: (body: Json) => c.post('/models/instances/list', body),
  };
}

/** A node's CogniteFile values from a read answer's item. */
export const fileProps = (item: Json): Json => item?.properties?.cdf_cdm?.['CogniteFile/v1'] ?? {};
