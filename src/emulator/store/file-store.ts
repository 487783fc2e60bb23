import type { FileRecord } from '../../cdf/model';
import { seededRandom, type Random } from '../util/random';
import { FileTable, type FileTableWrite } from './file-table';
import { LookupTable, type AssetTable, type DataSetTable, type LabelTable, type LookupWrite } from './lookup-table';
import type { Asset, DataSet, LabelDefinition } from './lookup-types';
import { nodeKey, type NodeRecord, type SpaceRecord } from '../dms/instance-types';
import { DEFAULT_MODEL_LIMITS, type ModelLimits } from '../dms/statistics';

/** Where the ids of created files start at the least: above every generated demo id. */
export const CREATED_ID_FLOOR = 6_000_000_000_000_000;

/** One write to the store, as the write listener (the state journal) receives it. */
export type StoreWrite =
  | ({ table: 'files' } & FileTableWrite)
  | ({ table: 'dataSets' } & LookupWrite<DataSet, number>)
  | ({ table: 'labels' } & LookupWrite<LabelDefinition, string>)
  | ({ table: 'assets' } & LookupWrite<Asset, number>)
  | ({ table: 'nodes' } & LookupWrite<NodeRecord, string>)
  | ({ table: 'spaces' } & LookupWrite<SpaceRecord, string>)
  | { table: 'contents'; id: number; bytes: Buffer };

export interface StoreContents {
  files: FileRecord[];
  /** `files` ids in ascending order, when the caller already has them (saves a sort at 1M). */
  sortedFileIds?: number[];
  dataSets: DataSet[];
  labels: LabelDefinition[];
  assets: Asset[];
  /** Data modeling nodes and spaces (none when omitted). */
  nodes?: NodeRecord[];
  spaces?: SpaceRecord[];
}

/**
 * The whole state of the emulated project: files and the look-ups (data sets, labels, assets),
 * plus uploaded file contents. Tests reach it through `RunningEmulator.store` to arrange data or
 * to play "another client changed this record".
 */
export class FileStore {
  readonly files: FileTable;
  readonly dataSets: DataSetTable;
  readonly labels: LabelTable;
  readonly assets: AssetTable;
  /** Data modeling nodes keyed by `space:externalId`, and the project's spaces. */
  readonly nodes: LookupTable<NodeRecord, string>;
  readonly spaces: LookupTable<SpaceRecord, string>;
  /** What `GET /models/statistics` reports as the project's limits (tests may lower them). */
  modelLimits: ModelLimits = { ...DEFAULT_MODEL_LIMITS };
  /** Uploaded contents by file id (demo files without an entry get generated placeholder content). */
  readonly contents = new Map<number, Buffer>();
  private readonly idRandom: Random;
  private writeListener: ((write: StoreWrite) => void) | undefined;

  constructor(contents: StoreContents, seed = 1) {
    this.files = new FileTable(contents.files, contents.sortedFileIds);
    this.dataSets = new LookupTable<DataSet, number>((d) => d.id, contents.dataSets);
    this.labels = new LookupTable<LabelDefinition, string>((l) => l.externalId, contents.labels);
    this.assets = new LookupTable<Asset, number>((a) => a.id, contents.assets);
    this.nodes = new LookupTable<NodeRecord, string>(nodeKey, contents.nodes);
    this.spaces = new LookupTable<SpaceRecord, string>((s) => s.space, contents.spaces);
    this.idRandom = seededRandom(seed ^ 0x5eed1d5);
    this.files.onWrite((w) => this.writeListener?.({ table: 'files', ...w }));
    this.dataSets.onWrite((w) => this.writeListener?.({ table: 'dataSets', ...w }));
    this.labels.onWrite((w) => this.writeListener?.({ table: 'labels', ...w }));
    this.assets.onWrite((w) => this.writeListener?.({ table: 'assets', ...w }));
    this.nodes.onWrite((w) => this.writeListener?.({ table: 'nodes', ...w }));
    this.spaces.onWrite((w) => this.writeListener?.({ table: 'spaces', ...w }));
  }

  static empty(): FileStore {
    return new FileStore({ files: [], dataSets: [], labels: [], assets: [] });
  }

  /**
   * Called synchronously after every write to any table or content, with what was written: the
   * state journal appends it to disk there, before the request that made it is answered.
   */
  onWrite(listener: ((write: StoreWrite) => void) | undefined): void {
    this.writeListener = listener;
  }

  /** Stores an upload's content (a write the listener hears of, like a table write). */
  setContent(id: number, bytes: Buffer): void {
    this.contents.set(id, bytes);
    this.writeListener?.({ table: 'contents', id, bytes });
  }

  /**
   * A new file id: above every id in use, by a seeded random step, so ids look like CDF's (large,
   * not consecutive) and inserts stay appends in the sorted id array.
   */
  allocateFileId(): number {
    const last = Math.max(this.files.lastId() ?? 0, CREATED_ID_FLOOR);
    const id = last + 1 + Math.floor(this.idRandom() * 9973);
    if (!Number.isSafeInteger(id)) throw new Error('The emulator ran out of file ids');
    return id;
  }
}
