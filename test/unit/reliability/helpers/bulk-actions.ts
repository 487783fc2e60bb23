/**
 * Random bulk actions and targets, as a person builds them in the wizard. Every action writes a
 * metadata value unique to its run, so every record it reaches changes and can be recognised.
 */
import fc from 'fast-check';
import type { FileIdentifier, FileRecord } from '../../../../src/cdf/model';
import type { BulkTarget } from '../../../../src/core/bulk';
import type { BulkOperation } from '../../../../src/core/bulk';
import type { RunningEmulator } from '../../../../src/emulator';

type OperationMaker = (run: number, emulator: RunningEmulator) => BulkOperation;

const OPERATIONS: Record<string, OperationMaker> = {
  moveDirectory: (run) => ({ op: 'directoryMove', from: '/plant-b', to: `/moved-${run}/plant-b` }),
  setDirectory: (run) => ({ op: 'set', field: 'directory', value: `/jobs/run-${run}` }),
  addLabel: (run, emu) => {
    const labels = emu.store.labels.sorted();
    return { op: 'add', field: 'labels', values: [{ externalId: labels[run % labels.length]!.externalId }] };
  },
  removeLabel: () => ({ op: 'remove', field: 'labels', values: [{ externalId: 'DATASHEET' }] }),
  renameKey: () => ({ op: 'metadataRenameKey', from: 'plant', to: 'site' }),
  replaceInValues: (run) => ({ op: 'metadataReplace', find: 'plant-', replacement: `site${run}-` }),
  clearSource: () => ({ op: 'clear', field: 'source' }),
  addAsset: (run, emu) => {
    const assets = emu.store.assets.sorted();
    return { op: 'add', field: 'assetIds', values: [assets[run % assets.length]!.id] };
  },
};

export interface ActionShape {
  operations: string[];
  target: { kind: 'ids'; picks: number[]; missing: boolean } | { kind: 'filter'; which: number };
  chunkSize: number;
  concurrency: { initial: number; max: number };
}

export const actionShapeArb: fc.Arbitrary<ActionShape> = fc.record({
  operations: fc.uniqueArray(fc.constantFrom(...Object.keys(OPERATIONS)), { maxLength: 2 }),
  target: fc.oneof(
    fc.record({
      kind: fc.constant('ids' as const),
      picks: fc.uniqueArray(fc.nat(), { minLength: 1, maxLength: 30 }),
      missing: fc.boolean(),
    }),
    fc.record({ kind: fc.constant('filter' as const), which: fc.nat() }),
  ),
  chunkSize: fc.integer({ min: 1, max: 10 }),
  concurrency: fc.record({ initial: fc.integer({ min: 1, max: 3 }), max: fc.integer({ min: 3, max: 6 }) }),
});

export function buildAction(shape: ActionShape, run: number, emulator: RunningEmulator): BulkOperation[] {
  return [
    { op: 'metadataAdd', key: 'jobRun', value: `run-${run}` },
    ...shape.operations.map((name) => OPERATIONS[name]!(run, emulator)),
  ];
}

export function buildTarget(shape: ActionShape, pool: readonly FileRecord[], emulator: RunningEmulator): BulkTarget {
  if (shape.target.kind === 'ids') {
    const refs: FileIdentifier[] = [...new Set(shape.target.picks.map((p) => pool[p % pool.length]!.id))].map((id) => ({
      id,
    }));
    if (shape.target.missing) refs.push({ id: 8_000_000_000_000_000 + pool.length });
    return { kind: 'ids', label: `${refs.length} files`, refs };
  }
  const dataSets = emulator.store.dataSets.sorted();
  const filters = [
    { source: 'SAP' },
    { directoryPrefix: '/plant-c/area-10' },
    { dataSetIds: [{ id: dataSets[shape.target.which % dataSets.length]!.id }] },
    { labels: { containsAny: [{ externalId: 'PID' }] } },
  ];
  const filter = filters[shape.target.which % filters.length]!;
  return { kind: 'filter', label: JSON.stringify(filter), filter };
}
