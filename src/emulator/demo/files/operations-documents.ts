import { pick, pickWeighted, randomInt, type Random } from '../../util/random';
import {
  INSPECTION_RESULTS,
  INSPECTION_TYPES,
  MIME,
  PEOPLE,
  PROCEDURE_TITLES,
  REVISIONS,
} from '../catalog/document-vocabulary';
import type { Area, Equipment } from '../asset-hierarchy';
import { DAY, extensionOf, isoDate, pad, type Draft } from './draft';
import { pointNear } from './geo-shapes';

/** Operations and maintenance documents: inspection reports, work-order photos and operating procedures. */

export function inspectionDraft(rnd: Random, area: Area, seq: number, year: number): Draft {
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

export function photoDraft(rnd: Random, area: Area, workOrder: number, year: number): Draft {
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
    name: `WO-${workOrder}_${eq.tag}_${pad(photo, 2)}.${extensionOf(mime)}`,
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

export function procedureDraft(rnd: Random, area: Area, seq: number): Draft {
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
