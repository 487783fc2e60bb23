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
 * A timestamp property value: ISO 8601 text `YYYY-MM-DDTHH:MM:SS[.millis](Z|±HH:MM)` naming a real
 * date and time. The API writes milliseconds and a `+00:00` offset; it accepts any offset and one to
 * three fractional digits.
 */
export const isoTimestamp = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:?\d{2})$/, {
    message: 'expected an ISO 8601 timestamp such as 2024-05-01T12:00:00.000+00:00',
  }),
  z.refine((s) => calendarProblem(s) === undefined, { error: (issue) => calendarProblem(String(issue.input)) }),
  z.refine((s) => calendarProblem(s) !== undefined || !Number.isNaN(Date.parse(s)), {
    error: () => l10n.t('Not a real date and time'),
  }),
);
