import * as l10n from '@vscode/l10n';
import * as z from 'zod/mini';
import './zod-messages';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysInMonth = (y: number, m: number) =>
  m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;

/**
 * What is impossible about the date and time at the start of `YYYY-MM-DD[THH:MM:SS]` text, or
 * undefined when it names a real one. Needed because `Date.parse` rolls 2024-02-30 over to 1 March
 * and 24:00:00 to the next day, where the API refuses both. Years 0001 to 9999, as the API takes.
 */
export function calendarProblem(text: string): string | undefined {
  const parts = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?/.exec(text);
  if (!parts) return undefined;
  const [y, mo, d, h = 0, mi = 0, s = 0] = parts.slice(1).map((p) => Number(p ?? 0));
  const [date, time] = [parts[0].slice(0, 10), parts[0].slice(11)];
  if (y! < 1) return l10n.t('Year {0} does not exist: years run from 0001 to 9999', parts[1]!);
  if (mo! < 1 || mo! > 12) return l10n.t('Month {0} does not exist in {1}: months run from 01 to 12', parts[2]!, date);
  const days = daysInMonth(y!, mo!);
  if (d! < 1 || d! > days)
    return l10n.t(
      'Day {0} does not exist in {1}: {2} {3} has {4} days',
      parts[3]!,
      date,
      MONTHS[mo! - 1]!,
      parts[1]!,
      days,
    );
  if (h > 23 || mi > 59 || s > 59) return l10n.t('{0} is no time of day: times run from 00:00:00 to 23:59:59', time);
  return undefined;
}

/**
 * The API's timestamp text: `YYYY-MM-DDTHH:MM:SS[.millis](Z|±HH:MM|±HHMM|±HH)`, one to three
 * fractional digits. (The API also takes no zone at all; the extension asks for one, so a time never
 * depends on whose clock reads it.)
 */
export const DMS_TIMESTAMP_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}(:?\d{2})?)$/;

/**
 * The instant (epoch ms) that timestamp text names, or undefined when it is not in the API's format
 * or names no real date and time. `Date.parse` does not read a `±HH` zone, so it is completed first.
 */
export function isoTimestampMs(text: string): number | undefined {
  if (!DMS_TIMESTAMP_PATTERN.test(text) || calendarProblem(text) !== undefined) return undefined;
  const ms = Date.parse(/[+-]\d{2}$/.test(text) ? `${text}:00` : text);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * A timestamp property value: ISO 8601 text in the API's format naming a real date and time. The API
 * writes milliseconds and a `+00:00` offset; it accepts any offset and one to three fractional digits.
 */
export const isoTimestamp = z.string().check(
  z.regex(DMS_TIMESTAMP_PATTERN, {
    message: 'expected an ISO 8601 timestamp such as 2024-05-01T12:00:00.000+00:00',
  }),
  z.refine((s) => calendarProblem(s) === undefined, { error: (issue) => calendarProblem(String(issue.input)) }),
  // Once per value: text out of the format or an impossible day already has its problem above.
  z.refine(
    (s) => !DMS_TIMESTAMP_PATTERN.test(s) || calendarProblem(s) !== undefined || isoTimestampMs(s) !== undefined,
    {
      error: () => l10n.t('Not a real date and time'),
    },
  ),
);
