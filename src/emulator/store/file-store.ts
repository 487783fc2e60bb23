import type { FileRecord } from '../../cdf/model';
import { seededRandom, type Random } from '../util/random';
import { FileTable } from './file-table';
import { LookupTable, type AssetTable, type DataSetTable, type LabelTable } from './lookup-table';
import type { Asset, DataSet, LabelDefinition } from './lookup-types';

/** Where the ids of created files start at the least: above every generated demo id. */
export const CREATED_ID_FLOOR = 6_000_000_000_000_000;

export interface StoreContents {
  files: FileRecord[];
  /** `files` ids in ascending order, when the caller already has them (saves a sort at 1M). */
  sortedFileIds?: number[];
  dataSets: DataSet[];
  labels: LabelDefinition[];
  assets: Asset[];
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
  /** Uploaded contents by file id (demo files without an entry get generated placeholder content). */
  readonly contents = new Map<number, Buffer>();
  private readonly idRandom: Random;
  private writeListener: (() => void) | undefined;

  constructor(contents: StoreContents, seed = 1) {
    this.files = new FileTable(contents.files, contents.sortedFileIds);
    this.dataSets = new LookupTable<DataSet, number>((d) => d.id, contents.dataSets);
    this.labels = new LookupTable<LabelDefinition, string>((l) => l.externalId, contents.labels);
    this.assets = new LookupTable<Asset, number>((a) => a.id, contents.assets);
    this.idRandom = seededRandom(seed ^ 0x5eed1d5);
    const notify = () => this.writeListener?.();
    this.files.onWrite(notify);
    this.dataSets.onWrite(notify);
    this.labels.onWrite(notify);
    this.assets.onWrite(notify);
  }

  static empty(): FileStore {
    return new FileStore({ files: [], dataSets: [], labels: [], assets: [] });
  }

  /** Called after every write to any table (the state file saver). */
  onWrite(listener: (() => void) | undefined): void {
    this.writeListener = listener;
  }

  /** Marks a change that is not a table write (an upload's content). */
  notifyWrite(): void {
    this.writeListener?.();
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
