import * as l10n from '@vscode/l10n';
import { calendarProblem, isoTimestamp, isoTimestampMs } from '../../cdf/model';
import { sameValue } from './equality';
import type { FieldKind, Parsed } from './kind';
import { scalarKind, showJson } from './scalar';

/** The instant an ISO 8601 text names (ms), or NaN when it names none. */
const instantOf = (value: unknown): number =>
  (typeof value === 'string' ? isoTimestampMs(value) : undefined) ?? Number.NaN;

/**
 * Two timestamps are the same when they name the same instant: CDF writes back
 * `2024-05-01T12:00:00.000+00:00` for a `2024-05-01T12:00:00Z` it was sent, and that is no change.
 */
export function sameInstant(a: unknown, b: unknown): boolean {
  if (sameValue(a, b)) return true;
  const [x, y] = [instantOf(a), instantOf(b)];
  return !Number.isNaN(x) && x === y;
}

/**
 * A timestamp typed as ISO 8601 text (kept as typed), a plain date (`2024-05-01`, midnight UTC) or
 * epoch milliseconds (written as ISO text, as the API holds timestamps).
 */
export function parseTimestamp(text: string): Parsed<string> {
  const t = text.trim();
  const impossible = calendarProblem(t);
  if (impossible) return { ok: false, message: impossible };
  if (isoTimestamp.safeParse(t).success) return { ok: true, value: t };
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return { ok: true, value: `${t}T00:00:00.000+00:00` };
  if (/^\d{1,15}$/.test(t)) return { ok: true, value: new Date(Number(t)).toISOString() };
  return {
    ok: false,
    message: l10n.t(
      'A timestamp is ISO 8601 text like 2024-05-01T12:00:00.000+00:00, a date like 2024-05-01, or milliseconds since 1970 (got "{0}")',
      t,
    ),
  };
}

const scalar = scalarKind({
  name: 'timestamp',
  show: (value) => {
    const ms = instantOf(value);
    // The instant in UTC beside the text when the text is in another offset, so both read alike.
    return Number.isNaN(ms) || /Z$|\+00:?00$/.test(String(value))
      ? showJson(value)
      : `${showJson(value)} (${new Date(ms).toISOString()})`;
  },
  parseInput: parseTimestamp,
});

/**
 * A data modeling timestamp property (sourceCreatedTime, ...): ISO 8601 text, sent whole. Equal
 * when it names the same instant, whatever its offset or digits, so a re-spelled time is no change.
 */
export const timestampKind: FieldKind = {
  ...scalar,
  same: sameInstant,
  diff: (before, after) => (sameInstant(before, after) ? undefined : scalar.diff(before, after)),
};
