/**
 * The vocabulary of the demo project: three fictional sites with process areas, the equipment found
 * there, the document systems files come from, data sets and labels. Names follow the conventions
 * of oil & gas and process plants (tag numbers like 20-K-2001A, P&ID document numbers, SAP work
 * orders) so the demo reads like a real project and completion has believable things to offer.
 */

export interface Site {
  key: string;
  letter: string;
  name: string;
  description: string;
  /** [longitude, latitude] of the site centre (WGS84). */
  centre: readonly [number, number];
  areas: readonly { code: string; name: string }[];
}

export const SITES: readonly Site[] = [
  {
    key: 'plant-a',
    letter: 'A',
    name: 'Nordhavn Gas Plant',
    description: 'Onshore gas processing plant: inlet separation, compression, treatment and export.',
    centre: [5.0412, 60.5527],
    areas: [
      { code: '10', name: 'Inlet & Separation' },
      { code: '20', name: 'Gas Compression' },
      { code: '30', name: 'Gas Treatment' },
      { code: '40', name: 'Utilities' },
    ],
  },
  {
    key: 'plant-b',
    letter: 'B',
    name: 'Bergsund Refinery',
    description: 'Crude oil refinery with distillation, hydrotreating and a tank farm.',
    centre: [10.2217, 59.1244],
    areas: [
      { code: '10', name: 'Crude Distillation' },
      { code: '20', name: 'Hydrotreater' },
      { code: '30', name: 'Tank Farm' },
      { code: '50', name: 'Flare & Relief' },
    ],
  },
  {
    key: 'plant-c',
    letter: 'C',
    name: 'Skarv North Platform',
    description: 'Offshore production platform: wellheads, process module and power generation.',
    centre: [7.6513, 65.7288],
    areas: [
      { code: '10', name: 'Wellhead' },
      { code: '20', name: 'Process Module' },
      { code: '40', name: 'Power Generation' },
      { code: '60', name: 'Water Injection' },
    ],
  },
];

export interface EquipmentType {
  code: string;
  kind: string;
  descriptions: readonly string[];
  manufacturers: readonly string[];
  /** How many of these an area typically has: [min, max]. */
  perArea: readonly [number, number];
  /** A/B pairs (duty/standby) are common for rotating equipment. */
  paired: boolean;
}

export const EQUIPMENT_TYPES: readonly EquipmentType[] = [
  {
    code: 'P',
    kind: 'Pump',
    descriptions: [
      'Crude transfer pump',
      'Condensate export pump',
      'Produced water pump',
      'Firewater pump',
      'Lube oil pump',
      'Chemical injection pump',
      'Booster pump',
    ],
    manufacturers: ['Sulzer', 'Flowserve', 'KSB', 'Grundfos', 'Framo'],
    perArea: [4, 9],
    paired: true,
  },
  {
    code: 'K',
    kind: 'Compressor',
    descriptions: [
      'Export gas compressor',
      'Recompressor 1st stage',
      'Recompressor 2nd stage',
      'Instrument air compressor',
    ],
    manufacturers: ['Siemens Energy', 'Atlas Copco', 'MAN Energy Solutions', 'Baker Hughes'],
    perArea: [1, 3],
    paired: true,
  },
  {
    code: 'V',
    kind: 'Vessel',
    descriptions: [
      'Inlet separator',
      'Test separator',
      'Suction scrubber',
      'Flare knock-out drum',
      'Surge drum',
      'Degasser',
    ],
    manufacturers: ['Aker Solutions', 'Kanfa', 'Moss Maritime'],
    perArea: [3, 6],
    paired: false,
  },
  {
    code: 'E',
    kind: 'Heat exchanger',
    descriptions: ['Gas cooler', 'Crude preheater', 'Overhead condenser', 'Seawater cooler', 'Reboiler'],
    manufacturers: ['Alfa Laval', 'Kelvion', 'HRS'],
    perArea: [2, 5],
    paired: false,
  },
  {
    code: 'T',
    kind: 'Tank',
    descriptions: ['Crude storage tank', 'Diesel day tank', 'Slop tank', 'Methanol storage tank'],
    manufacturers: ['CB&I', 'Whessoe'],
    perArea: [0, 3],
    paired: false,
  },
  {
    code: 'XV',
    kind: 'Valve',
    descriptions: ['ESD valve', 'Blowdown valve', 'Shutdown valve', 'Pressure control valve'],
    manufacturers: ['Emerson', 'Cameron', 'Samson', 'Neles'],
    perArea: [4, 8],
    paired: false,
  },
  {
    code: 'PT',
    kind: 'Transmitter',
    descriptions: ['Pressure transmitter', 'Differential pressure transmitter'],
    manufacturers: ['Emerson', 'Yokogawa', 'ABB', 'Endress+Hauser'],
    perArea: [3, 7],
    paired: false,
  },
  {
    code: 'TT',
    kind: 'Transmitter',
    descriptions: ['Temperature transmitter'],
    manufacturers: ['Emerson', 'Yokogawa', 'ABB', 'Endress+Hauser'],
    perArea: [2, 5],
    paired: false,
  },
  {
    code: 'FT',
    kind: 'Transmitter',
    descriptions: ['Flow transmitter', 'Ultrasonic flow meter'],
    manufacturers: ['Emerson', 'Krohne', 'Endress+Hauser'],
    perArea: [1, 4],
    paired: false,
  },
  {
    code: 'G',
    kind: 'Generator',
    descriptions: ['Main power generator', 'Emergency generator'],
    manufacturers: ['Siemens Energy', 'Wärtsilä', 'Caterpillar'],
    perArea: [0, 2],
    paired: true,
  },
];

export interface DataSetSpec {
  externalId: string;
  name: string;
  description: string;
  writeProtected: boolean;
  metadata: Record<string, string>;
}

export const DATA_SETS: readonly DataSetSpec[] = [
  {
    externalId: 'ds-engineering-documents',
    name: 'Engineering Documents',
    description: 'P&IDs, drawings and datasheets from the engineering document system.',
    writeProtected: false,
    metadata: { owner: 'Engineering', consumer: 'Operations, Maintenance' },
  },
  {
    externalId: 'ds-maintenance-sap',
    name: 'Maintenance (SAP PM)',
    description: 'Work orders, notifications and work-order photos from SAP Plant Maintenance.',
    writeProtected: false,
    metadata: { owner: 'Maintenance', sourceSystem: 'SAP PM' },
  },
  {
    externalId: 'ds-inspection-integrity',
    name: 'Inspection & Integrity',
    description: 'Inspection reports and integrity assessments of static and rotating equipment.',
    writeProtected: false,
    metadata: { owner: 'Integrity', retention: '10y' },
  },
  {
    externalId: 'ds-operations-procedures',
    name: 'Operations Procedures',
    description: 'Operating procedures, start-up and shutdown instructions.',
    writeProtected: false,
    metadata: { owner: 'Operations' },
  },
  {
    externalId: 'ds-legacy-sharepoint',
    name: 'Legacy SharePoint Import',
    description: 'One-off import of the old project SharePoint. Read-only; curate into the other data sets.',
    writeProtected: true,
    metadata: { owner: 'Data Operations', importedFrom: 'SharePoint 2013' },
  },
  {
    externalId: 'ds-asset-hierarchy',
    name: 'Asset Hierarchy',
    description: 'Functional locations and equipment from SAP, as CDF assets.',
    writeProtected: false,
    metadata: { owner: 'Data Operations', sourceSystem: 'SAP' },
  },
];

export const LABELS: readonly { externalId: string; name: string; description: string }[] = [
  { externalId: 'PID', name: 'P&ID', description: 'Piping and instrumentation diagram.' },
  { externalId: 'DATASHEET', name: 'Datasheet', description: 'Equipment or instrument datasheet.' },
  { externalId: 'INSPECTION_REPORT', name: 'Inspection report', description: 'Result of an inspection.' },
  { externalId: 'WORK_ORDER_PHOTO', name: 'Work-order photo', description: 'Photo taken during a work order.' },
  { externalId: 'DRAWING', name: 'Drawing', description: 'Layout, isometric or general arrangement drawing.' },
  { externalId: 'PROCEDURE', name: 'Procedure', description: 'Operating or maintenance procedure.' },
  { externalId: 'AS_BUILT', name: 'As built', description: 'Reflects the plant as built.' },
  { externalId: 'SAFETY_CRITICAL', name: 'Safety critical', description: 'Concerns safety-critical equipment.' },
  { externalId: 'NEEDS_REVIEW', name: 'Needs review', description: 'Metadata or content to be checked.' },
  { externalId: 'SUPERSEDED', name: 'Superseded', description: 'Replaced by a newer revision.' },
  { externalId: 'CONFIDENTIAL', name: 'Confidential', description: 'Restricted distribution.' },
  { externalId: 'HAZOP', name: 'HAZOP', description: 'Referenced by a HAZOP study.' },
];

export const DOC_STATUSES = ['Approved', 'Approved', 'Approved', 'For Review', 'As-Built', 'Superseded'] as const;
export const REVISIONS = ['A', 'B', 'C', 'D', '01', '02', '03'] as const;
export const PEOPLE = ['K. Nilsen', 'A. Haugen', 'M. Berg', 'S. Larsen', 'J. Olsen', 'T. Dahl', 'E. Moe', 'R. Solberg'];
export const INSPECTION_RESULTS = ['Acceptable', 'Acceptable', 'Minor findings', 'Action required'] as const;
export const INSPECTION_TYPES = [
  'Internal visual inspection',
  'External visual inspection',
  'Thickness measurement',
  'Vibration analysis',
  'Pressure test',
] as const;
export const PROCEDURE_TITLES = [
  'Start-up of',
  'Shutdown of',
  'Isolation and draining of',
  'Changeover to standby',
  'Lubrication routine for',
  'Preservation of',
] as const;
export const DRAWING_TYPES = [
  ['GA', 'General arrangement'],
  ['ISO', 'Piping isometric'],
  ['LAY', 'Equipment layout'],
  ['SLD', 'Single line diagram'],
  ['LOOP', 'Instrument loop diagram'],
] as const;

/** Security categories referenced by confidential files (CDF ids of security categories). */
export const SECURITY_CATEGORIES = [2_141_532_000_017, 2_141_532_000_042] as const;

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

export const MIME = {
  pdf: 'application/pdf',
  dwg: 'image/vnd.dwg',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  jpeg: 'image/jpeg',
  png: 'image/png',
  heic: 'image/heic',
} as const;
