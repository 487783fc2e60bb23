import type { FileRecord, GeoLocation } from '../../cdf/model';
import {
  hashInts,
  permute52,
  pick,
  pickDistinct,
  pickWeighted,
  randomInt,
  seededRandom,
  type Random,
} from '../util/random';
import {
  DOC_STATUSES,
  DRAWING_TYPES,
  INSPECTION_RESULTS,
  INSPECTION_TYPES,
  instanceSpaceOf,
  MIME,
  PEOPLE,
  PROCEDURE_TITLES,
  REVISIONS,
  SECURITY_CATEGORIES,
} from './catalog';
import type { Area, DemoLookups, Equipment } from './generate-lookups';

/** Demo file ids: `FILE_ID_BASE + permute52(index)`, i.e. in [1e15, 5.5e15): big and scattered like CDF's. */
export const FILE_ID_BASE = 1_000_000_000_000_000;

const CREATED_FROM = Date.UTC(2019, 0, 1);
const CREATED_TO = Date.UTC(2025, 5, 1);
const UPDATED_TO = Date.UTC(2025, 8, 30);
const SOURCE_FROM = Date.UTC(2005, 0, 1);
const DAY = 86_400_000;

type Kind = 'pid' | 'datasheet' | 'inspection' | 'photo' | 'drawing' | 'procedure';
const KIND_WEIGHTS: readonly (readonly [Kind, number])[] = [
  ['pid', 16],
  ['datasheet', 14],
  ['inspection', 16],
  ['photo', 30],
  ['drawing', 12],
  ['procedure', 12],
];

/** What a kind-specific generator decides; the shared fields are filled in by `generateFile`. */
interface Draft {
  docNo: string;
  name: string;
  folder: string;
  mimeType: string;
  source: string;
  dataSet: string;
  labels: string[];
  metadata: Record<string, string>;
  assets: number[];
  geoLocation?: GeoLocation;
  /** externalId prefix: the source system's key. */
  systemKey: string;
}

/** Deterministic sequence numbers per (site, area, kind): document numbers stay unique and readable. */
class Counters {
  private readonly counts = new Map<string, number>();
  next(key: string): number {
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    return n;
  }
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const ext = (mime: string): string =>
  ({
    [MIME.pdf]: 'pdf',
    [MIME.dwg]: 'dwg',
    [MIME.xlsx]: 'xlsx',
    [MIME.docx]: 'docx',
    [MIME.jpeg]: 'jpg',
    [MIME.png]: 'png',
    [MIME.heic]: 'heic',
  })[mime] ?? 'bin';

/**
 * Strings and small objects that many records share (directories, label lists, plot polygons) are
 * made once: at 1M records that saves a few hundred MB. Records are immutable, so sharing is safe.
 */
class Shared<T> {
  private readonly cache = new Map<string, T>();
  get(key: string, make: () => T): T {
    let value = this.cache.get(key);
    if (value === undefined) {
      value = make();
      this.cache.set(key, value);
    }
    return value;
  }
}

/** A point within ~1.5 km of the area (areas sit on a small grid around the site centre). */
function pointNear(rnd: Random, area: Area): GeoLocation {
  const index = area.site.areas.findIndex((a) => a.code === area.code);
  const [lon, lat] = area.site.centre;
  const x = lon + (index % 2) * 0.01 + (rnd() - 0.5) * 0.012;
  const y = lat + Math.floor(index / 2) * 0.006 + (rnd() - 0.5) * 0.006;
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [Math.round(x * 1e6) / 1e6, Math.round(y * 1e6) / 1e6] },
  };
}

const plots = new Shared<GeoLocation>();
/** The plot of an area as a rectangle (drawings of a layout carry it). */
const plotOf = (area: Area): GeoLocation => plots.get(`${area.site.key}/${area.code}`, () => makePlot(area));
function makePlot(area: Area): GeoLocation {
  const index = area.site.areas.findIndex((a) => a.code === area.code);
  const [lon, lat] = area.site.centre;
  const x0 = Math.round((lon + (index % 2) * 0.01 - 0.006) * 1e6) / 1e6;
  const y0 = Math.round((lat + Math.floor(index / 2) * 0.006 - 0.003) * 1e6) / 1e6;
  const x1 = Math.round((x0 + 0.012) * 1e6) / 1e6;
  const y1 = Math.round((y0 + 0.006) * 1e6) / 1e6;
  return {
    type: 'Feature',
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [x0, y0],
          [x1, y0],
          [x1, y1],
          [x0, y1],
          [x0, y0],
        ],
      ],
    },
    properties: { area: `${area.site.key}/area-${area.code}` },
  };
}

function pidDraft(rnd: Random, area: Area, seq: number): Draft {
  const { site } = area;
  const docNo = `${site.letter}${area.code}-PID-${pad(seq, 4)}`;
  const shown = pickDistinct(rnd, area.equipment, randomInt(rnd, 2, 6));
  const main = shown[0];
  const title = main ? `${main.description} ${main.tag}` : area.name;
  const sheets = randomInt(rnd, 1, 4);
  const status = pick(rnd, DOC_STATUSES);
  const dwg = rnd() < 0.15;
  const fromAveva = rnd() < 0.3;
  const labels = ['PID'];
  if (status === 'As-Built') labels.push('AS_BUILT');
  if (status === 'Superseded') labels.push('SUPERSEDED');
  if (rnd() < 0.2) labels.push('SAFETY_CRITICAL');
  if (rnd() < 0.1) labels.push('HAZOP');
  return {
    docNo,
    name: `${docNo} ${title}.${dwg ? 'dwg' : 'pdf'}`,
    folder: 'pid',
    mimeType: dwg ? MIME.dwg : MIME.pdf,
    source: fromAveva ? 'Aveva NET' : 'Documentum',
    systemKey: fromAveva ? 'aveva' : 'documentum',
    dataSet: 'ds-engineering-documents',
    labels,
    metadata: {
      documentNumber: docNo,
      documentType: 'P&ID',
      revision: pick(rnd, REVISIONS),
      discipline: 'Process',
      status,
      sheet: `${randomInt(rnd, 1, sheets)} of ${sheets}`,
      tagNumbers: shown.map((e) => e.tag).join(', '),
      plant: site.key,
      area: area.code,
    },
    assets: shown.map((e) => e.asset.id),
  };
}

function datasheetDraft(rnd: Random, area: Area, seq: number): Draft {
  const eq = pick(rnd, area.equipment);
  const docNo = `${area.site.letter}${area.code}-DS-${pad(seq, 4)}`;
  const xlsx = rnd() < 0.35;
  const fromSharePoint = rnd() < 0.25;
  const instrument = eq.type.kind === 'Transmitter' || eq.type.kind === 'Valve';
  return {
    docNo,
    name: `${docNo} ${eq.tag} ${eq.type.kind.toLowerCase()} datasheet.${xlsx ? 'xlsx' : 'pdf'}`,
    folder: 'datasheets',
    mimeType: xlsx ? MIME.xlsx : MIME.pdf,
    source: fromSharePoint ? 'SharePoint' : 'Documentum',
    systemKey: fromSharePoint ? 'sharepoint' : 'documentum',
    dataSet: fromSharePoint ? 'ds-legacy-sharepoint' : 'ds-engineering-documents',
    labels: rnd() < 0.15 ? ['DATASHEET', 'NEEDS_REVIEW'] : ['DATASHEET'],
    metadata: {
      documentNumber: docNo,
      documentType: 'Datasheet',
      revision: pick(rnd, REVISIONS),
      discipline: instrument ? 'Instrument' : 'Mechanical',
      tagNumber: eq.tag,
      manufacturer: eq.manufacturer,
      model: `${eq.manufacturer.split(' ')[0]?.toUpperCase() ?? 'X'}-${randomInt(rnd, 100, 990)}${pick(rnd, ['', 'S', 'HP', 'X'])}`,
      plant: area.site.key,
      area: area.code,
    },
    assets: [eq.asset.id],
  };
}

function inspectionDraft(rnd: Random, area: Area, seq: number, year: number): Draft {
  const eq = pick(rnd, area.equipment);
  const docNo = `IR-${year}-${area.site.letter}${area.code}-${pad(seq, 4)}`;
  const type = pick(rnd, INSPECTION_TYPES);
  const result = pick(rnd, INSPECTION_RESULTS);
  const date = Date.UTC(year, randomInt(rnd, 0, 11), randomInt(rnd, 1, 28));
  const docx = rnd() < 0.2;
  const fromSap = rnd() < 0.4;
  const labels = ['INSPECTION_REPORT'];
  if (result === 'Action required') labels.push('SAFETY_CRITICAL');
  return {
    docNo,
    name: `${docNo} ${eq.tag} ${type.toLowerCase()}.${docx ? 'docx' : 'pdf'}`,
    folder: `inspection-reports/${year}`,
    mimeType: docx ? MIME.docx : MIME.pdf,
    source: fromSap ? 'SAP' : 'SharePoint',
    systemKey: fromSap ? 'sap' : 'sharepoint',
    dataSet: 'ds-inspection-integrity',
    labels,
    metadata: {
      reportNumber: docNo,
      documentType: 'Inspection report',
      inspectionType: type,
      inspectionDate: isoDate(date),
      inspector: pick(rnd, PEOPLE),
      tagNumber: eq.tag,
      result,
      nextInspection: isoDate(date + randomInt(rnd, 1, 4) * 365 * DAY),
      plant: area.site.key,
      area: area.code,
    },
    assets: [eq.asset.id],
  };
}

function photoDraft(rnd: Random, area: Area, workOrder: number, year: number): Draft {
  const eq = pick(rnd, area.equipment);
  const photo = randomInt(rnd, 1, 6);
  const docNo = `WO-${workOrder}-${pad(photo, 2)}`;
  const mime = pickWeighted(rnd, [
    [MIME.jpeg, 85],
    [MIME.png, 10],
    [MIME.heic, 5],
  ]);
  const fromApp = rnd() < 0.3;
  const takenAt = Date.UTC(
    year,
    randomInt(rnd, 0, 11),
    randomInt(rnd, 1, 28),
    randomInt(rnd, 6, 18),
    randomInt(rnd, 0, 59),
  );
  const month = new Date(takenAt).toISOString().slice(0, 7);
  const draft: Draft = {
    docNo,
    name: `WO-${workOrder}_${eq.tag}_${pad(photo, 2)}.${ext(mime)}`,
    folder: `work-orders/${month}`,
    mimeType: mime,
    source: fromApp ? 'Field App' : 'SAP',
    systemKey: fromApp ? 'fieldapp' : 'sap',
    dataSet: 'ds-maintenance-sap',
    labels: ['WORK_ORDER_PHOTO'],
    metadata: {
      workOrder: String(workOrder),
      notification: String(10_000_000 + (workOrder % 9_000_000)),
      tagNumber: eq.tag,
      photoNumber: String(photo),
      takenBy: pick(rnd, PEOPLE),
      takenAt: new Date(takenAt).toISOString(),
      maintenancePlant: `NO01-${area.site.letter}`,
    },
    assets: [eq.asset.id],
  };
  if (rnd() < 0.9) draft.geoLocation = pointNear(rnd, area);
  return draft;
}

function drawingDraft(rnd: Random, area: Area, seq: number): Draft {
  const [code, kindName] = pick(rnd, DRAWING_TYPES);
  const docNo = `${area.site.letter}${area.code}-${code}-${pad(seq, 4)}`;
  const dwg = rnd() < 0.45;
  const shown = code === 'LAY' || code === 'GA' ? [] : pickDistinct(rnd, area.equipment, randomInt(rnd, 1, 3));
  const discipline =
    code === 'SLD' ? 'Electrical' : code === 'LOOP' ? 'Instrument' : code === 'ISO' ? 'Piping' : 'Structural';
  const draft: Draft = {
    docNo,
    name: `${docNo} ${kindName} ${shown[0]?.tag ?? `area ${area.code}`}.${dwg ? 'dwg' : 'pdf'}`,
    folder: 'drawings',
    mimeType: dwg ? MIME.dwg : MIME.pdf,
    source: 'Documentum',
    systemKey: 'documentum',
    dataSet: 'ds-engineering-documents',
    labels: rnd() < 0.3 ? ['DRAWING', 'AS_BUILT'] : ['DRAWING'],
    metadata: {
      documentNumber: docNo,
      documentType: kindName,
      revision: pick(rnd, REVISIONS),
      discipline,
      status: pick(rnd, DOC_STATUSES),
      scale: pick(rnd, ['1:50', '1:100', '1:200', 'NTS']),
      plant: area.site.key,
      area: area.code,
    },
    assets: shown.length > 0 ? shown.map((e) => e.asset.id) : [area.asset.id],
  };
  if (code === 'LAY' || code === 'GA') draft.geoLocation = plotOf(area);
  if (shown.length > 0) draft.metadata.tagNumbers = shown.map((e) => e.tag).join(', ');
  return draft;
}

function procedureDraft(rnd: Random, area: Area, seq: number): Draft {
  const eq: Equipment | undefined = pick(rnd, area.equipment);
  const docNo = `OP-${area.site.letter}${area.code}-${pad(seq, 3)}`;
  const title = `${pick(rnd, PROCEDURE_TITLES)} ${eq ? `${eq.description.toLowerCase()} ${eq.tag}` : area.name}`;
  const docx = rnd() < 0.6;
  const effective = Date.UTC(randomInt(rnd, 2016, 2025), randomInt(rnd, 0, 11), randomInt(rnd, 1, 28));
  return {
    docNo,
    name: `${docNo} ${title}.${docx ? 'docx' : 'pdf'}`,
    folder: 'procedures',
    mimeType: docx ? MIME.docx : MIME.pdf,
    source: 'SharePoint',
    systemKey: 'sharepoint',
    dataSet: 'ds-operations-procedures',
    labels: rnd() < 0.25 ? ['PROCEDURE', 'SAFETY_CRITICAL'] : ['PROCEDURE'],
    metadata: {
      documentNumber: docNo,
      documentType: 'Operating procedure',
      revision: pick(rnd, REVISIONS),
      discipline: 'Operations',
      approvedBy: pick(rnd, PEOPLE),
      effectiveDate: isoDate(effective),
      reviewDue: isoDate(effective + 2 * 365 * DAY),
      tagNumber: eq?.tag ?? '',
      plant: area.site.key,
      area: area.code,
    },
    assets: eq ? [eq.asset.id] : [area.asset.id],
  };
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
  const shared = { directories: new Shared<string>(), labels: new Shared<{ externalId: string }[]>() };
  const records: FileRecord[] = new Array<FileRecord>(count);
  const { areas, dataSetIds } = lookups;
  for (let i = 0; i < count; i++) {
    const rnd = seededRandom(hashInts(seed, i, 0xf11e5));
    const area = pick(rnd, areas);
    const kind = pickWeighted(rnd, KIND_WEIGHTS);
    const createdTime = CREATED_FROM + Math.floor(rnd() * (CREATED_TO - CREATED_FROM));
    const year = Math.max(2015, new Date(createdTime).getUTCFullYear() - randomInt(rnd, 0, 2));
    const key = `${area.site.key}/${area.code}/${kind}`;
    let draft: Draft;
    switch (kind) {
      case 'pid':
        draft = pidDraft(rnd, area, counters.next(key));
        break;
      case 'datasheet':
        draft = datasheetDraft(rnd, area, counters.next(key));
        break;
      case 'inspection':
        draft = inspectionDraft(rnd, area, counters.next(`${key}/${year}`), year);
        break;
      case 'photo':
        draft = photoDraft(rnd, area, 40_000_000 + counters.next('work-orders') * 3, year);
        break;
      case 'drawing':
        draft = drawingDraft(rnd, area, counters.next(key));
        break;
      case 'procedure':
        draft = procedureDraft(rnd, area, counters.next(key));
        break;
    }
    records[i] = assemble(rnd, i, seed, area, draft, createdTime, dataSetIds, shared);
  }
  records.sort((a, b) => a.id - b.id);
  return { records, sortedIds: records.map((r) => r.id) };
}

/** The shared fields, with the imperfections a real project has (no directory, not uploaded, ...). */
function assemble(
  rnd: Random,
  index: number,
  seed: number,
  area: Area,
  draft: Draft,
  createdTime: number,
  dataSetIds: Record<string, number>,
  shared: { directories: Shared<string>; labels: Shared<{ externalId: string }[]> },
): FileRecord {
  const id = FILE_ID_BASE + permute52(index, seed);
  const uploaded = rnd() >= 0.08;
  const lastUpdatedTime = rnd() < 0.4 ? createdTime : createdTime + Math.floor(rnd() * (UPDATED_TO - createdTime));
  const record: Record<string, unknown> = { id };
  if (rnd() >= 0.05) record.externalId = `${draft.systemKey}:${draft.docNo}`;
  record.name = draft.name;
  if (rnd() >= 0.03) {
    const directory = `/${area.site.key}/area-${area.code}/${draft.folder}`;
    record.directory = shared.directories.get(directory, () => directory);
  }
  record.source = draft.source;
  record.mimeType = draft.mimeType;
  record.metadata = draft.metadata;
  if (rnd() >= 0.06 && draft.assets.length > 0) record.assetIds = draft.assets;
  if (rnd() >= 0.08) record.dataSetId = dataSetIds[draft.dataSet];
  const confidential = rnd() < 0.02;
  const labels = confidential ? [...draft.labels, 'CONFIDENTIAL'] : draft.labels;
  record.labels = shared.labels.get(labels.join(','), () => labels.map((externalId) => ({ externalId })));
  if (confidential) record.securityCategories = [...SECURITY_CATEGORIES].slice(0, randomInt(rnd, 1, 2));
  if (rnd() < 0.85) {
    const sourceCreatedTime = SOURCE_FROM + Math.floor(rnd() * (createdTime - SOURCE_FROM));
    record.sourceCreatedTime = sourceCreatedTime;
    if (rnd() < 0.8)
      record.sourceModifiedTime = sourceCreatedTime + Math.floor(rnd() * (createdTime - sourceCreatedTime));
  }
  if (draft.geoLocation) record.geoLocation = draft.geoLocation;
  if (rnd() < 0.05)
    record.instanceId = {
      space: instanceSpaceOf(area.site),
      externalId: `file_${draft.docNo.replace(/[^a-zA-Z0-9]/g, '_')}`,
    };
  record.uploaded = uploaded;
  if (uploaded) record.uploadedTime = createdTime + randomInt(rnd, 800, 90_000);
  record.createdTime = createdTime;
  record.lastUpdatedTime = Math.max(lastUpdatedTime, (record.uploadedTime as number | undefined) ?? 0);
  return record as FileRecord;
}
