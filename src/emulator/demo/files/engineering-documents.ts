import { pick, pickDistinct, randomInt, type Random } from '../../util/random';
import { DOC_STATUSES, DRAWING_TYPES, MIME, REVISIONS } from '../catalog/document-vocabulary';
import type { Area } from '../asset-hierarchy';
import { pad, type Draft } from './draft';
import { plotOf } from './geo-shapes';

/** Engineering documents: P&IDs, equipment datasheets and drawings, numbered per site and area. */

export function pidDraft(rnd: Random, area: Area, seq: number): Draft {
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

export function datasheetDraft(rnd: Random, area: Area, seq: number): Draft {
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

export function drawingDraft(rnd: Random, area: Area, seq: number): Draft {
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
