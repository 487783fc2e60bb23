/**
 * Words the demo documents are made of: statuses, revisions, people, inspection and drawing types,
 * MIME types and security categories, as an engineering document system would have them.
 */

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

export const MIME = {
  pdf: 'application/pdf',
  dwg: 'image/vnd.dwg',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  jpeg: 'image/jpeg',
  png: 'image/png',
  heic: 'image/heic',
} as const;
