/**
 * What a save costs the CPU for the largest record the limits allow: `diff` (the minimal update)
 * and `planSave` (parse + validate + diff, from the document text), against a naive client that
 * sends `set` for every field (building that update and its JSON) as the reference.
 */
import { EDITABLE_FIELD_NAMES, type FileRecord } from '../../../src/cdf/model';
import { diff, planSave } from '../../../src/core/records';
import { documentFromRecord, renderDocument } from '../../../src/core/records';
import type { FileDocument } from '../../../src/core/records';
import { writeResult, type BenchResult } from '../support/result-file';
import { microsPerCall, ratio, type MicrosPerCall } from '../support/stats';
import { largestRecord, POINTS_PER_POLYGON, POLYGONS } from './largest-record';

export interface DiffCostOptions {
  /** Timed rounds per measure, and roughly how long each round runs. */
  rounds: number;
  roundMs: number;
  outDir: string;
}

export interface DiffCostFigures {
  recordJsonBytes: number;
  documentTextBytes: number;
  micros: {
    diffTypicalEdit: MicrosPerCall;
    diffNoEdit: MicrosPerCall;
    diffEveryFieldChanged: MicrosPerCall;
    planSaveTypicalEdit: MicrosPerCall;
    renderDocument: MicrosPerCall;
    naiveFullSet: MicrosPerCall;
  };
  /** diff (typical edit) / naive full set: below 1 means the minimal diff costs less CPU. */
  diffVersusNaive: number | undefined;
  bytesSent: { minimalTypicalEdit: number; naiveFullSet: number };
}

/** What a person typically does to such a record: one metadata value, one asset more, one label less, the source. */
function typicalEdit(base: FileRecord): FileDocument {
  const document = documentFromRecord(base);
  document.metadata = { ...base.metadata, key007: 'corrected value' };
  document.assetIds = [...(base.assetIds ?? []).slice(0, -1), 9_000_000_000_001];
  document.labels = (base.labels ?? []).slice(1);
  document.source = 'corrected source';
  return document;
}

function everyFieldChanged(base: FileRecord): FileDocument {
  const document = documentFromRecord(base);
  document.externalId = `${base.externalId!.slice(0, -1)}y`;
  document.directory = `${base.directory!.slice(0, -1)}y`;
  document.source = 'other source';
  document.mimeType = 'application/pdf';
  document.dataSetId = 8_123_456_789_013;
  document.assetIds = (base.assetIds ?? []).map((id) => id + 1);
  document.labels = (base.labels ?? []).map((l) => ({ externalId: `${l.externalId.slice(0, -1)}y` }));
  document.metadata = Object.fromEntries(
    Object.entries(base.metadata ?? {}).map(([k, v]) => [k, `${v.slice(0, -1)}y`]),
  );
  document.securityCategories = (base.securityCategories ?? []).map((id) => id + 1000);
  document.sourceCreatedTime = (base.sourceCreatedTime ?? 0) + 1;
  document.sourceModifiedTime = (base.sourceModifiedTime ?? 0) + 1;
  const geometry = structuredClone(base.geoLocation!.geometry);
  if (geometry.type === 'MultiPolygon') geometry.coordinates[0]![0]![1]![0] += 0.000001;
  document.geoLocation = { type: 'Feature', geometry };
  return document;
}

/** A client with no diff: `set` for every editable field of the edited document, then the request JSON. */
function naiveFullSetJson(id: number, document: FileDocument): string {
  const update: Record<string, unknown> = {};
  for (const name of EDITABLE_FIELD_NAMES) {
    const value = document[name];
    update[name] = value === null || value === undefined ? { setNull: true } : { set: value };
  }
  return JSON.stringify({ items: [{ id, update }] });
}

export async function runDiffCostBench(options: DiffCostOptions): Promise<BenchResult<DiffCostFigures>> {
  const startedAt = performance.now();
  const base = largestRecord();
  const typical = typicalEdit(base);
  const unchanged = documentFromRecord(base);
  const everything = everyFieldChanged(base);
  const typicalText = JSON.stringify(typical, null, 2) + '\n';
  const timing = { rounds: options.rounds, roundMs: options.roundMs };

  const minimal = diff(base, typical);
  const plan = planSave(base, typicalText);
  if (!minimal || !plan.ok || !plan.update) throw new Error('the typical edit produced no update');
  if (diff(base, unchanged) !== undefined) throw new Error('an unchanged document produced an update');

  const micros: DiffCostFigures['micros'] = {
    diffTypicalEdit: microsPerCall(() => diff(base, typical), timing),
    diffNoEdit: microsPerCall(() => diff(base, unchanged), timing),
    diffEveryFieldChanged: microsPerCall(() => diff(base, everything), timing),
    planSaveTypicalEdit: microsPerCall(() => planSave(base, typicalText), timing),
    renderDocument: microsPerCall(() => renderDocument(base), timing),
    naiveFullSet: microsPerCall(() => naiveFullSetJson(base.id, typical), timing),
  };

  const { result } = await writeResult<DiffCostFigures>(options.outDir, {
    benchmark: 'diff-cost',
    description: 'diff / planSave per record at the largest record the limits allow, vs building a naive full set',
    settings: {
      rounds: options.rounds,
      roundMs: options.roundMs,
      record: `1000 assetIds, 100 securityCategories, 10 labels × 255 chars, 256 metadata pairs = 10240 bytes, MultiPolygon ${POLYGONS} × ${POINTS_PER_POLYGON} points, every string at its maximum length`,
    },
    durationMs: performance.now() - startedAt,
    figures: {
      recordJsonBytes: Buffer.byteLength(JSON.stringify(base)),
      documentTextBytes: Buffer.byteLength(typicalText),
      micros,
      diffVersusNaive: ratio(micros.diffTypicalEdit.medianUs, micros.naiveFullSet.medianUs),
      bytesSent: {
        minimalTypicalEdit: Buffer.byteLength(JSON.stringify({ items: [{ id: base.id, update: minimal }] })),
        naiveFullSet: Buffer.byteLength(naiveFullSetJson(base.id, typical)),
      },
    },
    notes: [
      'Microseconds per call, median of the timed rounds, one record per call, on one core.',
      'planSave parses the document text with positions (jsonc-parser), validates it with zod and diffs it: what a save runs before any request.',
      'The naive reference builds `set` for every editable field and stringifies the request: the CPU a diff-less client spends, and the bytes it sends.',
    ],
  });
  return result;
}
