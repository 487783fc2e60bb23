import { isoTimestamp } from '../cdf/model';

/**
 * A timestamp property of a node as a person reads it: `2024-05-01T14:00:00.000+02:00` is
 * "Wed, 01 May 2024 12:00:00 UTC". The API writes ISO 8601 text with an offset; the hint names the
 * instant in UTC (as the epoch-millisecond hints of classic files do), so two spellings of the same
 * instant read the same. Text that is no valid timestamp gets no hint: validation marks it instead.
 */
export function readableTimestamp(text: string): string | undefined {
  if (!isoTimestamp.safeParse(text).success) return undefined;
  return new Date(text).toUTCString().replace(/GMT$/, 'UTC');
}
