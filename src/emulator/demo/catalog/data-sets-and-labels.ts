/** The demo project's data sets (one per document system or owner) and labels. */

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
