// A data modeling timestamp names a real instant of the calendar: `Date.parse` rolls 2024-02-30 over to
// 1 March and 24:00:00 to the next day, so a format check alone lets impossible times reach the API.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isoTimestamp } from '../../../../src/cdf/model';
import { problemsFromIssues } from '../../../../src/core/document';
import { parseTime, parseTimestamp } from '../../../../src/core/fields';
import { COGNITE_FILE } from '../../../../src/core/records';
import { RECORD } from '../../core/records/cognite-file-fixtures';

const messageOf = (text: string): string | undefined => isoTimestamp.safeParse(text).error?.issues[0]?.message;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const daysIn = (year: number, month: number) =>
  new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !leap(year) ? 1 : 0);
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Years the API takes (0001 to 9999) as instants `Date` can name. */
const instant = fc.date({
  min: new Date('0001-01-01T00:00:00.000Z'),
  max: new Date('9999-12-31T23:59:59.999Z'),
  noInvalidDate: true,
});

describe('isoTimestamp: only real calendar dates and times', () => {
  it('accepts every instant Date writes back, in Z and in the API’s +00:00 spelling', () => {
    fc.assert(
      fc.property(instant, (date) => {
        const text = date.toISOString();
        assert.equal(messageOf(text), undefined, text);
        assert.equal(messageOf(text.replace('Z', '+00:00')), undefined, text);
      }),
    );
  });

  it('refuses a day the month does not have, leap years included, and names the month', () => {
    const pastEnd = fc
      .record({
        year: fc.integer({ min: 1, max: 9999 }),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 29, max: 31 }),
      })
      .filter(({ year, month, day }) => day > daysIn(year, month));
    fc.assert(
      fc.property(pastEnd, ({ year, month, day }) => {
        const text = `${pad(year, 4)}-${pad(month)}-${pad(day)}T12:00:00.000+00:00`;
        const message = messageOf(text);
        assert.ok(message, `${text} accepted`);
        assert.match(message, new RegExp(`has ${daysIn(year, month)} days`), message);
      }),
    );
  });

  it('refuses month 13, day 0, hour 24, minute or second 60 and year 0000, each with what is wrong', () => {
    const cases: Array<[string, RegExp]> = [
      ['2024-02-30T00:00:00Z', /2024-02-30.*February 2024 has 29 days/],
      ['2023-02-29T00:00:00Z', /February 2023 has 28 days/],
      ['2024-13-01T00:00:00Z', /Month 13/],
      ['2024-00-10T00:00:00Z', /Month 00/],
      ['2024-04-00T00:00:00Z', /Day 00/],
      ['2024-01-01T24:00:00Z', /24:00:00.*00:00:00 to 23:59:59/],
      ['2024-01-01T12:60:00Z', /12:60:00/],
      ['2024-01-01T12:00:60Z', /12:00:60/],
      ['0000-01-01T00:00:00Z', /Year 0000.*0001 to 9999/],
    ];
    for (const [text, expected] of cases) assert.match(messageOf(text) ?? 'accepted', expected, text);
    assert.equal(messageOf('2024-02-29T23:59:59.999+00:00'), undefined);
  });

  it('refuses more than three fractional digits, as the API does', () => {
    assert.match(messageOf('2024-05-01T12:00:00.1234Z') ?? 'accepted', /ISO 8601/);
    assert.equal(messageOf('2024-05-01T12:00:00.1Z'), undefined);
  });

  it('marks an impossible date at its property in a node document', () => {
    const doc = { ...COGNITE_FILE.document.render(RECORD), sourceCreatedTime: '2023-02-29T08:00:00.000+00:00' };
    const result = COGNITE_FILE.document.schema.safeParse(doc);
    assert.equal(result.success, false);
    const problems = problemsFromIssues(result.error.issues, doc, []);
    assert.deepEqual(
      problems.map((p) => p.path),
      [['sourceCreatedTime']],
    );
    assert.match(problems[0]!.message, /February 2023 has 28 days/);
  });

  it('refuses an impossible plain date typed as a bulk value, instead of rolling it over', () => {
    const parsed = parseTimestamp('2024-02-30');
    assert.equal(parsed.ok, false);
    assert.match(parsed.ok ? '' : parsed.message, /February 2024 has 29 days/);
    assert.deepEqual(parseTimestamp('2024-02-29'), { ok: true, value: '2024-02-29T00:00:00.000+00:00' });
    // a classic file's time (epoch ms) typed as a date: the same calendar
    const classic = parseTime('2023-02-29T10:00:00Z');
    assert.match(classic.ok ? 'rolled over' : classic.message, /February 2023 has 28 days/);
    assert.deepEqual(parseTime('2024-02-29'), { ok: true, value: Date.UTC(2024, 1, 29) });
  });
});
