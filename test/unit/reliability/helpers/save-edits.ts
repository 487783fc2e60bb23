/**
 * What a person does to an open record before saving: a few edits to the document text, and,
 * sometimes, someone else changing the same record on the server meanwhile (a different metadata
 * key, or the very key the person changed). Values are unique to the run, so a record that shows
 * them was written by this run.
 */
import fc from 'fast-check';
import type { FileRecord } from '../../../../src/cdf/model';
import type { ConflictChoice } from '../../../../src/core/save';
import { documentFromRecord } from '../../../../src/core/records';
import type { RunningEmulator } from '../../../../src/emulator';

export type Edit =
  | 'addKey'
  | 'changeKey'
  | 'removeKey'
  | 'directory'
  | 'clearDirectory'
  | 'externalId'
  | 'addLabel'
  | 'removeLabels'
  | 'addAsset'
  | 'dataSet'
  | 'clearDataSet'
  | 'sourceModifiedTime'
  | 'mimeType';

/** What a file linked to a data modelling instance may change (`DMSFileChange`). */
const LINKED_OK: ReadonlySet<Edit> = new Set([
  'addKey',
  'changeKey',
  'removeKey',
  'externalId',
  'addLabel',
  'removeLabels',
  'addAsset',
  'dataSet',
  'clearDataSet',
]);

export type Concurrent = 'none' | 'disjoint' | 'conflict';

export interface SaveShape {
  /** Which record (a position in the pool, modulo its size). */
  pick: number;
  edits: Edit[];
  concurrent: Concurrent;
  choice: ConflictChoice;
  /** How the person's editor writes the JSON. */
  indent: 0 | 2 | '\t';
  /** Metadata values with multi-byte characters: accents, CJK, emoji (surrogate pairs), combining marks. */
  value: string;
}

const ALL_EDITS: Edit[] = [
  'addKey',
  'changeKey',
  'removeKey',
  'directory',
  'clearDirectory',
  'externalId',
  'addLabel',
  'removeLabels',
  'addAsset',
  'dataSet',
  'clearDataSet',
  'sourceModifiedTime',
  'mimeType',
];

const valueChar = fc.constantFrom('a', 'Z', ' ', '"', '\\', 'é', 'ß', '€', '中', '😀', '𝄞', 'e\u0301', '\u200d', '\n');

export const saveShapeArb: fc.Arbitrary<SaveShape> = fc.record({
  pick: fc.nat(),
  edits: fc.uniqueArray(fc.constantFrom(...ALL_EDITS), { minLength: 1, maxLength: 4 }),
  concurrent: fc.constantFrom<Concurrent>('none', 'none', 'disjoint', 'conflict'),
  choice: fc.constantFrom<ConflictChoice>('overwrite', 'theirs', 'cancel'),
  indent: fc.constantFrom<SaveShape['indent']>(0, 2, '\t'),
  value: fc.array(valueChar, { maxLength: 12 }).map((cs) => cs.join('')),
});

export interface PlannedSave {
  base: FileRecord;
  text: string;
  /** The document the person wrote (what they asked for). */
  document: Record<string, unknown>;
  /** Someone else's change, applied to the server's record before the save. */
  theirs: ((record: FileRecord) => FileRecord) | undefined;
}

const CONTESTED = 'contestedKey';

/** The person's edits to `opened` (the record as the server held it when they opened it). */
export function planSaveRun(shape: SaveShape, opened: FileRecord, emulator: RunningEmulator, run: number): PlannedSave {
  const base = structuredClone(opened);
  const doc = documentFromRecord(base) as Record<string, unknown>;
  const meta = { ...((doc.metadata as Record<string, string> | null) ?? {}) };
  const labels = emulator.store.labels.sorted().map((l) => l.externalId);
  const assets = emulator.store.assets.sorted().map((a) => a.id);
  const dataSets = emulator.store.dataSets.sorted().map((d) => d.id);
  const existingKeys = Object.keys(meta);
  const edits = base.instanceId ? shape.edits.filter((e) => LINKED_OK.has(e)) : shape.edits;

  for (const edit of edits) {
    switch (edit) {
      case 'addKey':
        meta[`saveRun${run}`] = shape.value;
        break;
      case 'changeKey':
        if (existingKeys[0] !== undefined) meta[existingKeys[0]] = `${shape.value}#${run}`;
        break;
      case 'removeKey':
        if (existingKeys[1] !== undefined) delete meta[existingKeys[1]];
        break;
      case 'directory':
        doc.directory = `/saves/run-${run}`;
        break;
      case 'clearDirectory':
        doc.directory = null;
        break;
      case 'externalId':
        doc.externalId = `save-${run}-${base.id}`;
        break;
      case 'addLabel': {
        const current = (doc.labels as { externalId: string }[] | null) ?? [];
        const label = labels[run % labels.length]!;
        if (current.length < 10 && !current.some((l) => l.externalId === label))
          doc.labels = [...current, { externalId: label }];
        break;
      }
      case 'removeLabels':
        doc.labels = [];
        break;
      case 'addAsset': {
        const current = (doc.assetIds as number[] | null) ?? [];
        const asset = assets[(run * 13) % assets.length]!;
        if (!current.includes(asset)) doc.assetIds = [...current, asset];
        break;
      }
      case 'dataSet':
        doc.dataSetId = dataSets[run % dataSets.length]!;
        break;
      case 'clearDataSet':
        doc.dataSetId = null;
        break;
      case 'sourceModifiedTime':
        doc.sourceModifiedTime = 1_700_000_000_000 + run;
        break;
      case 'mimeType':
        doc.mimeType = `application/x-run-${run}`;
        break;
    }
  }

  let theirs: PlannedSave['theirs'];
  if (shape.concurrent === 'disjoint') {
    theirs = (r) => ({ ...r, metadata: { ...r.metadata, [`theirs${run}`]: 'their change' } });
  } else if (shape.concurrent === 'conflict') {
    meta[CONTESTED] = `mine ${shape.value} ${run}`;
    theirs = (r) => ({ ...r, metadata: { ...r.metadata, [CONTESTED]: `theirs ${run}` } });
  }
  doc.metadata = Object.keys(meta).length > 0 ? meta : null;
  const text = JSON.stringify(doc, null, shape.indent) + '\n';
  return { base, text, document: doc, theirs };
}

/**
 * The editable state the person should end up with: their document, merged with someone else's
 * change as they chose. `undefined` when they cancelled (the server's record stays as it is).
 */
export function expectedAfterSave(
  planned: PlannedSave,
  shape: SaveShape,
  run: number,
): Record<string, unknown> | undefined {
  if (shape.concurrent === 'none') return planned.document;
  const meta = { ...((planned.document.metadata as Record<string, string> | null) ?? {}) };
  if (shape.concurrent === 'disjoint') meta[`theirs${run}`] = 'their change';
  else if (shape.choice === 'cancel') return undefined;
  else if (shape.choice === 'theirs') meta[CONTESTED] = `theirs ${run}`;
  return { ...planned.document, metadata: meta };
}
