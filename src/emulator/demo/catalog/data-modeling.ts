/** The demo's data modeling side: spaces, file categories and source systems. */
import { DRAWING_TYPES } from './document-vocabulary';
import type { Site } from './sites';

/** The space of the CogniteFile nodes some files of a site are linked to (one space per site). */
export const instanceSpaceOf = (site: Site): string => `${site.key.replace(/-/g, '_')}_documents`;
/** The space of the CogniteAsset nodes that mirror the asset hierarchy. */
export const ASSET_SPACE = 'plant_assets';
/** The space of the file categories and source systems. */
export const REFERENCE_SPACE = 'document_reference';

/** File categories (CogniteFileCategory) by the documentType a file's metadata names; photos have none. */
export const FILE_CATEGORIES: readonly { name: string; code: string }[] = [
  { name: 'P&ID', code: 'PID' },
  { name: 'Datasheet', code: 'DS' },
  { name: 'Inspection report', code: 'IR' },
  ...DRAWING_TYPES.map(([code, name]) => ({ name, code })),
  { name: 'Operating procedure', code: 'OP' },
  { name: 'Work order photo', code: 'PH' },
];

/** Source systems (CogniteSourceSystem) by the classic `source` string. */
export const SOURCE_SYSTEMS: readonly { source: string; manufacturer: string; version: string }[] = [
  { source: 'Documentum', manufacturer: 'OpenText', version: '23.4' },
  { source: 'Aveva NET', manufacturer: 'AVEVA', version: '6.2' },
  { source: 'SharePoint', manufacturer: 'Microsoft', version: 'Online' },
  { source: 'SAP', manufacturer: 'SAP', version: 'S/4HANA 2023' },
  { source: 'Field App', manufacturer: 'In-house', version: '3.1' },
];
