import * as l10n from '@vscode/l10n';
import { calendarProblem } from '../../cdf/model';
import type { Parsed } from './kind';
import { scalarKind, showJson } from './scalar';

/** The largest time a JavaScript Date can show; epoch ms may go higher. */
const MAX_DATE_MS = 8.64e15;

/** Epoch milliseconds, or an ISO 8601 date (`2024-05-01`, `2024-05-01T12:00:00Z`). */
export function parseTime(text: string): Parsed<number> {
  if (/^\d+$/.test(text)) return { ok: true, value: Number(text) };
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) {
    const impossible = calendarProblem(text);
    if (impossible) return { ok: false, message: impossible };
    const ms = Date.parse(text);
    if (!Number.isNaN(ms)) return { ok: true, value: ms };
  }
  return {
    ok: false,
    message: l10n.t(
      'A time is milliseconds since 1970 or an ISO 8601 date like 2024-05-01T12:00:00Z (got "{0}")',
      text,
    ),
  };
}

/** A time in epoch milliseconds (sourceCreatedTime, ...): shown with its date, typed either way. */
export const timeKind = scalarKind({
  name: 'time',
  show: (value) => {
    if (typeof value !== 'number') return showJson(value);
    return Math.abs(value) <= MAX_DATE_MS ? `${value} (${new Date(value).toISOString()})` : String(value);
  },
  parseInput: (text) => parseTime(text.trim()),
});
