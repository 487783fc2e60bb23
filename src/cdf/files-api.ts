import type {
  FileAggregateRequest,
  FileFilter,
  FileListRequest,
  FileRecord,
  FileSearchRequest,
  FileUpdateItem,
} from './model';

/**
 * What the editor layer needs from a CDF project: one narrow port, so the tree, the file system
 * provider and the completion providers neither know nor care how requests are sent, retried or
 * authenticated. The CDF client implements it.
 */
export interface FilesApi {
  listFiles(request: FileListRequest, signal?: AbortSignal): Promise<{ items: FileRecord[]; nextCursor?: string }>;
  searchFiles(request: FileSearchRequest, signal?: AbortSignal): Promise<FileRecord[]>;
  countFiles(request: FileAggregateRequest, signal?: AbortSignal): Promise<number>;
  /** In request order; throws the API's error (status 400 with `missing`) for an unknown id. */
  retrieveFiles(ids: number[], signal?: AbortSignal): Promise<FileRecord[]>;
  /** One `POST /files/update` request of at most 1000 items, all or nothing, as the API does it. */
  updateFiles(items: FileUpdateItem[], signal?: AbortSignal): Promise<FileRecord[]>;
  listDataSets(signal?: AbortSignal): Promise<DataSetSummary[]>;
  listLabels(signal?: AbortSignal): Promise<LabelSummary[]>;
  searchAssets(query: string, limit: number, signal?: AbortSignal): Promise<AssetSummary[]>;
  /** The assets that exist among `ids` (unknown ids are left out, not an error). */
  retrieveAssets(ids: number[], signal?: AbortSignal): Promise<AssetSummary[]>;
}

export interface DataSetSummary {
  id: number;
  externalId?: string;
  name?: string;
  description?: string;
}
export interface LabelSummary {
  externalId: string;
  name: string;
  description?: string;
}
export interface AssetSummary {
  id: number;
  externalId?: string;
  name: string;
  description?: string;
}

export type { FileFilter };
