/**
 * One layer of escaping taken off a text, with a map back to where each character came from.
 *
 * Logs quote text inside text: a JSON body inside a JSON string inside a log line, a form body
 * percent-encoded into a URL. A secret in an inner layer no longer looks like one (`\"password\"`,
 * `client_secret%3D...`, `access\u005ftoken`). Redaction scans the decoded layers as well and masks
 * what it finds at the matching place in the original text, which is logged unchanged otherwise.
 */
export interface DecodedLayer {
  readonly text: string;
  /**
   * `sourceIndex[i]` is where decoded character `i` starts in the text it was decoded from;
   * `sourceIndex[text.length]` is that text's length, so a range [a, b) maps to
   * [sourceIndex[a], sourceIndex[b]).
   */
  readonly sourceIndex: Int32Array;
}

/** The character each JSON escape `\x` stands for, by the char code of `x` (`\'` too, as JavaScript writes it). */
const JSON_ESCAPES = new Map<number, string>(
  Object.entries({ '"': '"', "'": "'", '\\': '\\', '/': '/', n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' }).map(
    ([escape, char]) => [escape.charCodeAt(0), char],
  ),
);

/** The value of `digits` hex digits at `at`, or -1. */
function hexValue(text: string, at: number, digits: number): number {
  if (at + digits > text.length) return -1;
  let value = 0;
  for (let k = at; k < at + digits; k++) {
    const c = text.charCodeAt(k);
    const digit = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1;
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

/** Whether a text may hold an escaped layer: only then is decoding worth its cost. */
export const mayHoldEscapes = (text: string): boolean => text.includes('\\') || text.includes('%');

/**
 * Takes off one layer of JSON string escaping (`\"`, `\\`, `\uXXXX`, `\n` ...) and of
 * percent-encoding (`%XX` as UTF-8, either case, and `+` for a space, as in form bodies) at once.
 * Malformed escapes stay as they are. Undefined when nothing changed.
 */
export function decodeLayer(text: string): DecodedLayer | undefined {
  let starts: Int32Array | undefined;
  let out = '';
  let length = 0;
  let copied = 0;
  for (let at = 0; at < text.length; at++) {
    const c = text.charCodeAt(at);
    if (c !== BACKSLASH && c !== PERCENT && c !== PLUS) continue;
    const char = decodeEscapeAt(text, at, c);
    if (char === undefined) continue;
    // Decoding never lengthens a text, so the map fits in one array of the source's length.
    starts ??= new Int32Array(text.length + 1);
    // The unchanged run before the escape, character for character, then the escape's character(s):
    // a character outside the BMP is two UTF-16 units, both starting where its escape starts.
    for (let k = copied; k < at; k++) starts[length++] = k;
    for (let k = 0; k < char.length; k++) starts[length++] = at;
    out += text.slice(copied, at) + char;
    copied = at + escapeLength;
    at = copied - 1;
  }
  if (!starts) return undefined;
  for (let k = copied; k < text.length; k++) starts[length++] = k;
  out += text.slice(copied);
  starts[length] = text.length;
  return { text: out, sourceIndex: starts.subarray(0, length + 1) };
}

const BACKSLASH = 0x5c;
const PERCENT = 0x25;
const PLUS = 0x2b;
/** How many source characters the escape {@link decodeEscapeAt} last decoded spans (saves an object per escape). */
let escapeLength = 0;

/** The character(s) an escape at `at` stands for (setting {@link escapeLength}), or undefined if none is there. */
function decodeEscapeAt(text: string, at: number, c: number): string | undefined {
  if (c === PLUS) {
    escapeLength = 1;
    return ' ';
  }
  if (c === PERCENT) {
    const decoded = percentDecodedChar(text, at);
    if (decoded) escapeLength = decoded.length;
    return decoded?.char;
  }
  const next = text.charCodeAt(at + 1);
  if (next === 0x75 /* u */) {
    const code = hexValue(text, at + 2, 4);
    escapeLength = 6;
    return code >= 0 ? String.fromCharCode(code) : undefined;
  }
  escapeLength = 2;
  return JSON_ESCAPES.get(next);
}

/** The character a UTF-8 sequence of `%XX` bytes at `at` spells, and how many characters it spans. */
function percentDecodedChar(text: string, at: number): { char: string; length: number } | undefined {
  const lead = hexValue(text, at + 1, 2);
  if (lead < 0) return undefined;
  if (lead < 0x80) return { char: String.fromCharCode(lead), length: 3 };
  const extra = lead >= 0xf8 ? -1 : lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : lead >= 0xc2 ? 1 : -1;
  if (extra < 0) return undefined;
  let code = lead & (0x3f >> extra);
  for (let k = 1; k <= extra; k++) {
    const at3 = at + 3 * k;
    if (text[at3] !== '%') return undefined;
    const byte = hexValue(text, at3 + 1, 2);
    if (byte < 0 || (byte & 0xc0) !== 0x80) return undefined;
    code = (code << 6) | (byte & 0x3f);
  }
  if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
  return { char: String.fromCodePoint(code), length: 3 * (extra + 1) };
}
