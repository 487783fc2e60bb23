/**
 * Text of an exact size, in code points (how the model counts string lengths, as JSON Schema's
 * `maxLength` does: an emoji is one, though two UTF-16 code units) or in UTF-8 bytes (how the API
 * counts metadata), built from characters of every width so a limit is met with accents, CJK, emoji
 * (surrogate pairs, 4 bytes), ZWJ sequences and combining marks, not only ASCII.
 */
import fc from 'fast-check';

/** UTF-8 width 1, 2, 3 and 4; combining and joining marks; characters JSON must escape. */
export const WIDE_CHARS = [
  'a',
  '"',
  '\\',
  '\n',
  'é',
  'ß',
  'Ω',
  '€',
  '中',
  'ह',
  '\u0301',
  '\u200d',
  '\ufeff',
  '😀',
  '𝄞',
  '👩‍🔬',
];

const utf8 = (s: string): number => Buffer.byteLength(s, 'utf8');

export const codePoints = (s: string): number => [...s].length;

/** Exactly `count` code points. */
export const ofCodePoints = (count: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...WIDE_CHARS), { maxLength: Math.min(count, 64) }).map((chars) => {
    let out = '';
    for (const c of chars) if (codePoints(out + c) <= count) out += c;
    return out + 'x'.repeat(count - codePoints(out));
  });

/**
 * Exactly `bytes` UTF-8 bytes. `wideLast`: end on a 4-byte character, so the limit falls right
 * after a surrogate pair (the case a count of code units or characters gets wrong).
 */
export const ofBytes = (bytes: number, wideLast = false): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...WIDE_CHARS), { maxLength: Math.min(bytes, 64) }).map((chars) => {
    const tail = wideLast && bytes >= 4 ? '😀' : '';
    const room = bytes - utf8(tail);
    let out = '';
    for (const c of chars) if (utf8(out) + utf8(c) <= room) out += c;
    return out + 'y'.repeat(room - utf8(out)) + tail;
  });
