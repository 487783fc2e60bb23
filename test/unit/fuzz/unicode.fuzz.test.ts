/**
 * Unicode at the limits. Metadata is limited in UTF-8 bytes, so a key of 128 bytes may be 128
 * letters or 32 emoji, and a 4-byte character may be the one that tips it over. String fields are
 * limited in characters (code points). The verdict must follow the bytes (or code points) exactly,
 * and the message must state the size the limit counts, so the person knows how much to cut.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LIMITS, type FileRecord } from '../../../src/cdf/model';
import { planSave } from '../../../src/core/records';
import { documentFromRecord } from '../../../src/core/records';
import { runCount, seedFor } from '../reliability/helpers/runs';
import { assertNothingSent, assertProblemIsClear, assertRefused } from './helpers/refusal';
import { codePoints, WIDE_CHARS } from './helpers/sized-text';

const BASE: FileRecord = { id: 7, name: 'unicode.txt', uploaded: false, createdTime: 0, lastUpdatedTime: 0 };
const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');
const withField = (name: string, value: unknown): string =>
  JSON.stringify({ ...documentFromRecord(BASE), [name]: value }, null, 2);

/** Graphemes that are several code points: combining accents, a ZWJ family, a flag, a skin tone. */
const CLUSTERS = ['e\u0301', 'n\u0303\u0323', '👨‍👩‍👧‍👦', '🇳🇴', '👍🏽', '\u0915\u094d\u0937'];

describe('fuzz: unicode and UTF-8 byte lengths in metadata and strings', function () {
  this.timeout(60_000);

  it('a metadata key is accepted up to 128 bytes and refused past it, whatever the characters', () => {
    // Every way to end at 127..130 bytes with a character of width 1..4 at the boundary.
    for (const last of ['a', 'é', '€', '😀', 'e\u0301', '👨‍👩‍👧‍👦']) {
      for (let target = LIMITS.metadataKeyBytes - 3; target <= LIMITS.metadataKeyBytes + 3; target++) {
        const pad = target - bytes(last);
        if (pad < 0) continue;
        const key = 'k'.repeat(pad) + last;
        const text = withField('metadata', { [key]: 'v' });
        if (bytes(key) <= LIMITS.metadataKeyBytes) {
          assert.ok(planSave(BASE, text).ok, `${bytes(key)}-byte key ending in ${JSON.stringify(last)} refused`);
        } else {
          const [p] = assertRefused(BASE, text, { at: ['metadata', key], code: 'too-long' });
          assert.equal(p!.onKey, true, 'a key problem marks the key');
          assert.match(p!.message, new RegExp(`\\b${bytes(key)} bytes`), 'the message states the size in bytes');
        }
      }
    }
  });

  it('a metadata value is accepted up to 10240 bytes and refused past it, whatever the characters', () => {
    for (const last of ['a', 'ß', '中', '𝄞', '🇳🇴']) {
      for (let target = LIMITS.metadataValueBytes - 3; target <= LIMITS.metadataValueBytes + 3; target++) {
        const pad = target - bytes(last);
        const value = '€'.repeat(Math.floor(pad / 3)) + 'v'.repeat(pad % 3) + last;
        const text = withField('metadata', { '': value });
        if (bytes(value) <= LIMITS.metadataValueBytes)
          assert.ok(planSave(BASE, text).ok, `${bytes(value)} bytes refused`);
        else {
          const problems = assertRefused(BASE, text, { at: ['metadata', ''], code: 'too-long' });
          assert.ok(problems.some((p) => p.message.includes(`${bytes(value)} bytes`)));
        }
      }
    }
  });

  it('random metadata of any script: accepted exactly when every byte limit holds', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.array(fc.constantFrom(...WIDE_CHARS, ...CLUSTERS), { maxLength: 60 }).map((xs) => xs.join('')),
      fc.integer({ min: 100, max: 200 }).map((n) => '😀'.repeat(n / 4) + 'x'.repeat(n % 4)),
    );
    const big = fc.integer({ min: 2000, max: 10_300 }).map((n) => 'é'.repeat(Math.floor(n / 2)));
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(piece, fc.oneof({ weight: 5, arbitrary: piece }, { weight: 1, arbitrary: big })), {
          selector: ([k]) => k,
          maxLength: 8,
        }),
        (entries) => {
          const metadata = Object.fromEntries(entries);
          const keyOk = entries.every(([k]) => bytes(k) <= LIMITS.metadataKeyBytes);
          const valueOk = entries.every(([, v]) => bytes(v) <= LIMITS.metadataValueBytes);
          const total = entries.reduce((n, [k, v]) => n + bytes(k) + bytes(v), 0);
          const within = keyOk && valueOk && total <= LIMITS.metadataTotalBytes;
          const text = withField('metadata', metadata);
          const plan = planSave(BASE, text);
          assert.equal(plan.ok, within, `expected ${within ? 'accepted' : 'refused'} (total ${total} bytes)`);
          if (!plan.ok) {
            for (const p of plan.problems) assertProblemIsClear(text, p);
            // The total is checked once every key and value fits (zod skips refinements of invalid data).
            if (keyOk && valueOk && entries.length <= LIMITS.metadataPairs)
              assert.ok(plan.problems.some((p) => p.code === 'too-large' && p.message.includes(`${total} bytes`)));
          }
          // What is accepted goes out unchanged: the planned update carries the exact strings.
          if (plan.ok && entries.length > 0) {
            const sent = plan.update?.metadata as { set?: Record<string, string>; add?: Record<string, string> };
            assert.deepEqual(sent.set ?? sent.add, metadata);
          }
        },
      ),
      { seed: seedFor(0xf022_07), numRuns: runCount(300) },
    );
  });

  it('string fields count characters as code points: 255 emoji fit an externalId, 256 do not', async () => {
    for (const unit of ['😀', '𝄞', 'é', 'e\u0301']) {
      const fits = unit.repeat(Math.floor(LIMITS.externalIdLength / codePoints(unit)));
      assert.ok(planSave(BASE, withField('externalId', fits)).ok, `${codePoints(fits)} code points refused`);
      const over = fits + 'x'.repeat(LIMITS.externalIdLength + 1 - codePoints(fits));
      assertRefused(BASE, withField('externalId', over), { at: ['externalId'], code: 'too-long' });
      await assertNothingSent(BASE, withField('externalId', over));
    }
  });

  it('a too-long string is said to be as long as the limit counts it, in code points', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('directory', 'source', 'mimeType', 'externalId'),
        fc.constantFrom('😀', '𝄞', '👍🏽'),
        (field, unit) => {
          const max = { directory: 512, source: 128, mimeType: 256, externalId: 255 }[field];
          const value = unit.repeat(Math.ceil((max + 1) / codePoints(unit)));
          const [p] = assertRefused(BASE, withField(field, value), { at: [field], code: 'too-long' });
          // "mimeType is 514 characters" for 257 emoji would tell the person to cut 258 of them.
          assert.match(p!.message, new RegExp(`is ${codePoints(value)} characters`), p!.message);
        },
      ),
      { seed: seedFor(0xf022_08), numRuns: runCount(12) },
    );
  });
});
