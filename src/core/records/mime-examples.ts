/** What completion offers for `mimeType`. */
export const MIME_EXAMPLES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/tiff',
  'image/vnd.dwg',
  'text/plain',
  'text/csv',
  'application/json',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
];
