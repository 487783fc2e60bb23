/**
 * Random bulk update jobs over the emulator's records: mostly good items (each leaves a tag unique to
 * its run, so "changed" and "unchanged" can never be confused), plus the bad ones a real job meets:
 * unknown ids, an undefined label, the same file twice, and changes a linked file may not take.
 */
import fc from 'fast-check';
import type { FileRecord, FileUpdateItem } from '../../../../src/cdf/model';
import type { RunningEmulator } from '../../../../src/emulator';

export type Extra = 'directory' | 'label' | 'asset' | 'removeKey' | 'externalId' | 'clearSource' | 'unknownLabel';

export interface JobShape {
  /** Positions in the pool of records (taken modulo its size). */
  picks: number[];
  extras: Extra[][];
  /** Items naming ids no file has. */
  missing: number;
  /** Repeat one file's item (the client must refuse both). */
  duplicate: boolean;
  chunkSize: number;
  concurrency: { initial: number; max: number };
  /** Cancel once this many items have settled; undefined: run to the end. */
  cancelAfter: number | undefined;
  cancelGraceMs: number;
}

const extra: fc.Arbitrary<Extra> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom<Extra>('directory', 'label', 'asset', 'removeKey', 'externalId', 'clearSource'),
  },
  { weight: 1, arbitrary: fc.constant<Extra>('unknownLabel') },
);

export const jobShapeArb = (maxItems: number): fc.Arbitrary<JobShape> =>
  fc
    .record({
      picks: fc.uniqueArray(fc.nat(), { minLength: 1, maxLength: maxItems }),
      extraSeed: fc.array(fc.array(extra, { maxLength: 2 }), { minLength: maxItems, maxLength: maxItems }),
      missing: fc.oneof(
        { weight: 4, arbitrary: fc.constant(0) },
        { weight: 1, arbitrary: fc.integer({ min: 1, max: 2 }) },
      ),
      // One job in ten names a file twice.
      rareDuplicate: fc.integer({ min: 0, max: 9 }),
      chunkSize: fc.integer({ min: 1, max: 8 }),
      initial: fc.integer({ min: 1, max: 4 }),
      max: fc.integer({ min: 1, max: 6 }),
      cancel: fc.oneof(
        { weight: 5, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.nat({ max: maxItems }) },
      ),
      cancelGraceMs: fc.constantFrom(0, 40),
    })
    .map((r) => ({
      picks: r.picks,
      extras: r.extraSeed,
      missing: r.missing,
      duplicate: r.rareDuplicate === 0,
      chunkSize: r.chunkSize,
      concurrency: { initial: Math.min(r.initial, r.max), max: r.max },
      cancelAfter: r.cancel,
      cancelGraceMs: r.cancelGraceMs,
    }));

/** Ids no demo file has (the emulator's ids are far below). */
export const MISSING_ID_BASE = 9_000_000_000_000_000;

export function buildItems(
  shape: JobShape,
  pool: readonly FileRecord[],
  emulator: RunningEmulator,
  run: number,
): FileUpdateItem[] {
  const labels = emulator.store.labels.sorted().map((l) => l.externalId);
  const assets = emulator.store.assets.sorted().map((a) => a.id);
  const chosen = [...new Set(shape.picks.map((p) => pool[p % pool.length]!))];
  const items: FileUpdateItem[] = chosen.map((record, i) => {
    const update: Record<string, unknown> = { metadata: { add: { reliabilityRun: `run-${run}-item-${i}` } } };
    for (const e of shape.extras[i] ?? []) {
      switch (e) {
        case 'directory':
          update.directory = { set: `/reliability/run-${run}` };
          break;
        case 'label':
          update.labels = { add: [{ externalId: labels[(run + i) % labels.length]! }] };
          break;
        case 'unknownLabel':
          update.labels = { add: [{ externalId: `NO_SUCH_LABEL_${run}` }] };
          break;
        case 'asset':
          update.assetIds = { add: [assets[(run * 7 + i) % assets.length]!] };
          break;
        case 'removeKey': {
          const key = Object.keys(record.metadata ?? {}).find((k) => k !== 'reliabilityRun');
          if (key !== undefined) update.metadata = { add: { reliabilityRun: `run-${run}-item-${i}` }, remove: [key] };
          break;
        }
        case 'externalId':
          update.externalId = { set: `reliability-${run}-${i}` };
          break;
        case 'clearSource':
          update.source = { setNull: true };
          break;
      }
    }
    return { id: record.id, update };
  });
  for (let k = 0; k < shape.missing; k++)
    items.push({ id: MISSING_ID_BASE + run * 10 + k, update: { metadata: { add: { reliabilityRun: 'missing' } } } });
  if (shape.duplicate && items.length > 0) items.push({ ...items[0]!, update: { source: { set: `dup-${run}` } } });
  return items;
}
