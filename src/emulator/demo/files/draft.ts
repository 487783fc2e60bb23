import type { GeoLocation } from '../../../cdf/model';
import { MIME } from '../catalog/document-vocabulary';

/** What a kind-specific generator decides; the shared fields are filled in by `assembleRecord`. */
export interface Draft {
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

export const DAY = 86_400_000;

export const pad = (n: number, width: number): string => String(n).padStart(width, '0');
export const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
/** The file name extension of a demo MIME type. */
export const extensionOf = (mime: string): string =>
  ({
    [MIME.pdf]: 'pdf',
    [MIME.dwg]: 'dwg',
    [MIME.xlsx]: 'xlsx',
    [MIME.docx]: 'docx',
    [MIME.jpeg]: 'jpg',
    [MIME.png]: 'png',
    [MIME.heic]: 'heic',
  })[mime] ?? 'bin';
