/**
 * Documented limits of the CDF Files API (OpenAPI `FilesMetadata`, `FileChange`, `FileFilter`).
 * One place, so the zod models, the emulator, the client and the user-facing messages agree.
 */
export const LIMITS = {
  /** int64 ids as JSON numbers: 1 .. 2^53-1 so they survive a JavaScript number. */
  maxId: Number.MAX_SAFE_INTEGER,
  externalIdLength: 255,
  nameLength: 256,
  directoryLength: 512,
  sourceLength: 128,
  mimeTypeLength: 256,
  metadataKeyBytes: 128,
  metadataValueBytes: 10240,
  metadataPairs: 256,
  /** Sum of the UTF-8 bytes of every key and value. The spec does not say whether keys count; we count them (the stricter reading). */
  metadataTotalBytes: 10240,
  assetIds: 1000,
  securityCategories: 100,
  labels: 10,
  labelExternalIdLength: 255,
  instanceSpaceLength: 43,
  /** A data modeling node's externalId (the Files API names nodes by them). */
  instanceExternalIdLength: 256,
  /** Items per request for update, byids, delete, list pages. */
  itemsPerRequest: 1000,
  downloadLinksPerRequest: 100,
  listLimitDefault: 100,
  searchLimitMax: 1000,
  partitionsMax: 10,
  /**
   * Parallel requests per identity CDF documents for CRUD requests (the Assets table of the API's rate
   * limits; the Files figure is not published in text). 120 requests/s of 1000 items at about 0.2 s
   * each also gives about 23 in flight.
   */
  concurrentRequests: 23,
  filterAssetIds: 100,
  filterDataSetIds: 100,
  filterLabels: 10,
} as const;

export const utf8Bytes = (s: string): number => Buffer.byteLength(s, 'utf8');
