import type { FileRecord } from '../../cdf/model';
import { hashInts, pick, pickWeighted, randomInt, seededRandom, type Random } from '../util/random';
import { assembleRecord, type SharedParts } from './files/assemble-record';
import type { Draft } from './files/draft';
import { datasheetDraft, drawingDraft, pidDraft } from './files/engineering-documents';
import { inspectionDraft, photoDraft, procedureDraft } from './files/operations-documents';
import { Shared } from './files/shared-values';
import type { Area } from './asset-hierarchy';
import type { DemoLookups } from './generate-lookups';

const CREATED_FROM = Date.UTC(2019, 0, 1);
const CREATED_TO = Date.UTC(2025, 5, 1);

type Kind = 'pid' | 'datasheet' | 'inspection' | 'photo' | 'drawing' | 'procedure';
const KIND_WEIGHTS: readonly (readonly [Kind, number])[] = [
  ['pid', 16],
  ['datasheet', 14],
  ['inspection', 16],
  ['photo', 30],
  ['drawing', 12],
  ['procedure', 12],
];

/** Deterministic sequence numbers per (site, area, kind): document numbers stay unique and readable. */
class Counters {
  private readonly counts = new Map<string, number>();
  next(key: string): number {
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    return n;
  }
}

/** The kind-specific part of a record, numbered in its own sequence (inspections per year, photos per work order). */
function draftOf(kind: Kind, rnd: Random, area: Area, year: number, counters: Counters): Draft {
  const key = `${area.site.key}/${area.code}/${kind}`;
  switch (kind) {
    case 'pid':
      return pidDraft(rnd, area, counters.next(key));
    case 'datasheet':
      return datasheetDraft(rnd, area, counters.next(key));
    case 'inspection':
      return inspectionDraft(rnd, area, counters.next(`${key}/${year}`), year);
    case 'photo':
      return photoDraft(rnd, area, 40_000_000 + counters.next('work-orders') * 3, year);
    case 'drawing':
      return drawingDraft(rnd, area, counters.next(key));
    case 'procedure':
      return procedureDraft(rnd, area, counters.next(key));
  }
}

/**
 * Generates `count` file records, deterministic in `seed`. Record `i` does not depend on `count`
 * (a 100-file demo is the start of the 1M one). Returns them sorted by id, with the sorted ids.
 */
export function generateFiles(
  seed: number,
  count: number,
  lookups: DemoLookups,
): { records: FileRecord[]; sortedIds: number[] } {
  const counters = new Counters();
  const shared: SharedParts = { directories: new Shared<string>(), labels: new Shared<{ externalId: string }[]>() };
  const records: FileRecord[] = new Array<FileRecord>(count);
  const { areas, dataSetIds } = lookups;
  for (let i = 0; i < count; i++) {
    const rnd = seededRandom(hashInts(seed, i, 0xf11e5));
    const area = pick(rnd, areas);
    const kind = pickWeighted(rnd, KIND_WEIGHTS);
    const createdTime = CREATED_FROM + Math.floor(rnd() * (CREATED_TO - CREATED_FROM));
    const year = Math.max(2015, new Date(createdTime).getUTCFullYear() - randomInt(rnd, 0, 2));
    const draft = draftOf(kind, rnd, area, year, counters);
    records[i] = assembleRecord(rnd, i, seed, area, draft, createdTime, dataSetIds, shared);
  }
  records.sort((a, b) => a.id - b.id);
  return { records, sortedIds: records.map((r) => r.id) };
}
