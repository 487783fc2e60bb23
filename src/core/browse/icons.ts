/** Which of the media/file-*.svg icons a mime type gets. */
export type FileIcon = 'pdf' | 'image' | 'drawing' | 'sheet' | 'text' | 'generic';

export function iconForMimeType(mimeType: string | undefined): FileIcon {
  const m = (mimeType ?? '').toLowerCase();
  if (m === 'application/pdf') return 'pdf';
  if (/dwg|dxf|autocad|svg|vnd\.dgn/.test(m)) return 'drawing';
  if (m.startsWith('image/')) return 'image';
  if (/spreadsheet|excel|csv/.test(m)) return 'sheet';
  if (m.startsWith('text/') || /json|xml|word|document/.test(m)) return 'text';
  return 'generic';
}
