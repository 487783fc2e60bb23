/**
 * Finding secrets in free text. A few general rules, each of which marks the character ranges to
 * mask: a field or parameter whose name looks sensitive (whatever its spelling, quoting or
 * separator), an `Authorization` / `Cookie` header, a bearer value, a JWT, a PEM private key, a
 * password in a URL, and every form of a secret this process has registered. The same rules run on
 * each layer of escaping the text holds (JSON in JSON, percent-encoded bodies), and what they find
 * there is masked at the matching place of the original.
 */
import { decodeLayer, mayHoldEscapes } from './escape-layers';

export const REDACTED = '[REDACTED]';

/**
 * What makes a normalised field or parameter name sensitive: a word such as `secret` anywhere in
 * it, a name ending in `token` (`access_token`, `X-Amz-Security-Token`; a count such as `tokens`
 * is no secret), or the short names `sig` (an Azure SAS signature) and `pwd`.
 */
const SENSITIVE_NAME =
  /secret|passw(?:or)?d|passphrase|(?:api|private|access|account|subscription|signing)key|cookie|authorization|signature|credential|codeverifier|devicecode|assertion|bearer|token$|^(?:pwd|sig)$/;
/** Names that describe a secret rather than hold one: `token_type`, `authorization_endpoint`, `client_assertion_type`. */
const DESCRIPTIVE_NAME = /(?:type|url|uri|endpoint)$/;

/** Lower case, letters and digits only: `X-Api-Key`, `x_api_key` and `xApiKey` are one name. */
const normalizeKey = (key: string): string => key.toLowerCase().replace(/[^a-z0-9]+/g, '');

/** Answers by name: a log line holds the same few field names again and again. */
const sensitiveByName = new Map<string, boolean>();

/** Whether a field, header or parameter of this name holds a secret, whatever its case and separators. */
export function isSensitiveKey(key: string): boolean {
  let sensitive = sensitiveByName.get(key);
  if (sensitive === undefined) {
    const k = normalizeKey(key);
    sensitive = SENSITIVE_NAME.test(k) && !DESCRIPTIVE_NAME.test(k);
    if (sensitiveByName.size >= 4096) sensitiveByName.clear();
    sensitiveByName.set(key, sensitive);
  }
  return sensitive;
}

type AddRange = (start: number, end: number) => void;

/** A JWT (header.payload.signature, base64url), also when a log wrapped it over lines. */
const B64URL_RUN = '[A-Za-z0-9_-]+(?:\\r?\\n[A-Za-z0-9_-]+)*';
const JWT = new RegExp(`eyJ${B64URL_RUN}\\.(?:\\r?\\n)?${B64URL_RUN}\\.(?:\\r?\\n)?(?:${B64URL_RUN})?`, 'g');
/** A PEM private key block, or its beginning when the log cut the end off. */
const PEM_PRIVATE_KEY =
  /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----(?:[\s\S]*?-----END \1PRIVATE KEY-----|(?:[A-Za-z0-9+/=\s]|\\[nr])*)/g;
/**
 * After `scheme://`, `user:password@`: the password runs to the last `@` of the URL, so it may hold
 * `@` and `/`.
 */
const URL_USER_PASSWORD = /[^/\s:@"'<>]*:([^\s"'<>]*)@/y;
/**
 * The value after a separator: a quoted string (its closing quote may have been cut off), a JSON
 * array (a logged `Set-Cookie` header), or an unquoted word.
 */
const VALUE =
  /"((?:[^"\\\r\n]|\\.)*)"?|'((?:[^'\\\r\n]|\\.)*)'?|\[((?:[^\]"\r\n]|"(?:[^"\\\r\n]|\\.)*")*)\]|[^\s"'&,;)}\]<>]+/y;
/** An unquoted `Authorization:` or `Cookie:` header: its value runs to the end of the line or text. */
const HEADER = /\b(?:(?:set-)?cookie|(?:proxy-)?authorization)["']?[ \t]*[:=][ \t]*(?![ \t"'[])/gi;
/** The header's value: any text but a quote, which ends it unless it quotes a cookie value (`a="..."`). */
const HEADER_VALUE = /(?:=(?:"[^"\r\n]*"?|'[^'\r\n]*'?)|[^"'\r\n])+/y;
/** `Bearer xyz` / `Basic xyz`, in a header or in a message quoting one. */
const SCHEME_CREDENTIALS = /\b(?:Bearer|Basic)\s+([A-Za-z0-9\-._~+/]+=*)/gi;

function findPatterns(text: string, add: AddRange): void {
  for (const m of text.matchAll(JWT)) add(m.index, m.index + m[0].length);
  for (const m of text.matchAll(PEM_PRIVATE_KEY)) add(m.index, m.index + m[0].length);
  for (const m of text.matchAll(SCHEME_CREDENTIALS)) {
    const end = m.index + m[0].length;
    add(end - m[1]!.length, end);
  }
  findUrlPasswords(text, add);
  findHeaders(text, add);
  findSensitiveFields(text, add);
}

// The scans below look for a fixed string or character first and parse around it: a regex that
// had to try every position of a long line would cost several times more, on every log line.

function findUrlPasswords(text: string, add: AddRange): void {
  for (let at = text.indexOf('://'); at >= 0; at = text.indexOf('://', at + 3)) {
    URL_USER_PASSWORD.lastIndex = at + 3;
    const m = URL_USER_PASSWORD.exec(text);
    if (m) add(URL_USER_PASSWORD.lastIndex - 1 - m[1]!.length, URL_USER_PASSWORD.lastIndex - 1);
  }
}

function findHeaders(text: string, add: AddRange): void {
  HEADER.lastIndex = 0;
  for (let m = HEADER.exec(text); m; m = HEADER.exec(text)) {
    HEADER_VALUE.lastIndex = HEADER.lastIndex;
    const value = HEADER_VALUE.exec(text);
    if (value) add(value.index, HEADER_VALUE.lastIndex);
  }
}

const isNameChar = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 46;
const isNameStart = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
const isBlank = (c: number): boolean => c === 32 || c === 9;
const isQuote = (c: number): boolean => c === 34 || c === 39;

/**
 * `name: value`, `"name": value`, `'name'=value`, `&name=value`: at each `:` or `=`, the name
 * before it (letters, digits, `_`, `-`, `.`) and, if that name is sensitive, the value after it.
 */
function findSensitiveFields(text: string, add: AddRange): void {
  for (let at = 0; at < text.length; at++) {
    const separator = text.charCodeAt(at);
    if (separator !== 58 && separator !== 61) continue;
    let end = at;
    while (end > 0 && isBlank(text.charCodeAt(end - 1))) end--;
    if (end > 0 && isQuote(text.charCodeAt(end - 1))) end--;
    let start = end;
    while (start > 0 && isNameChar(text.charCodeAt(start - 1))) start--;
    while (start < end && !isNameStart(text.charCodeAt(start))) start++;
    if (start === end) continue;
    const name = text.slice(start, end);
    // `code=` is an authorization code in a callback or token request; a JSON "code" is an error code.
    if (!isSensitiveKey(name) && !(separator === 61 && name.toLowerCase() === 'code')) continue;
    let valueStart = at + 1;
    while (valueStart < text.length && isBlank(text.charCodeAt(valueStart))) valueStart++;
    VALUE.lastIndex = valueStart;
    const value = VALUE.exec(text);
    if (!value) continue;
    const inner = value[1] ?? value[2] ?? value[3];
    const from = inner === undefined ? valueStart : valueStart + 1;
    add(from, from + (inner ?? value[0]).length);
    // The value is masked whole: nothing inside it needs a scan.
    at = VALUE.lastIndex - 1;
  }
}

/** The forms a registered secret takes in text: as it is, JSON-escaped, percent-encoded, form-encoded. */
function secretForms(secret: string): string[] {
  const forms = new Set([secret, JSON.stringify(secret).slice(1, -1)]);
  try {
    forms.add(encodeURIComponent(secret));
    forms.add(new URLSearchParams({ s: secret }).toString().slice(2));
  } catch {
    // A lone surrogate cannot be percent-encoded, so it cannot appear that way either.
  }
  forms.delete('');
  return [...forms];
}

function findKnown(text: string, forms: readonly string[], add: AddRange): void {
  for (const form of forms) {
    for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) add(at, at + form.length);
  }
}

/** How many layers of escaping are taken off: a log of a log of a JSON body is three. */
const MAX_LAYERS = 4;

/** Masks secrets in free text: registered secret values (of any length), and anything that looks like one. */
export function redactText(text: string, knownSecrets: Iterable<string> = []): string {
  const forms: string[] = [];
  for (const secret of knownSecrets) if (secret !== '') forms.push(...secretForms(secret));
  const ranges: [number, number][] = [];
  let layer = text;
  // Maps a range of the current layer to the original text, one decoded layer at a time.
  let toOriginal: (i: number) => number = (i) => i;
  for (let depth = 0; ; depth++) {
    const map = toOriginal;
    const add: AddRange = (start, end) => {
      if (end > start) ranges.push([map(start), map(end)]);
    };
    findKnown(layer, forms, add);
    findPatterns(layer, add);
    if (depth + 1 >= MAX_LAYERS || !mayHoldEscapes(layer)) break;
    const decoded = decodeLayer(layer);
    if (!decoded) break;
    layer = decoded.text;
    toOriginal = (i) => map(decoded.sourceIndex[i]!);
  }
  return maskRanges(text, ranges);
}

/** The text with each range (overlapping or adjacent ones merged) replaced by {@link REDACTED}. */
function maskRanges(text: string, ranges: [number, number][]): string {
  if (ranges.length === 0) return text;
  ranges.sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let copied = 0;
  let [start, end] = ranges[0]!;
  for (const [s, e] of ranges) {
    if (s <= end) {
      end = Math.max(end, e);
      continue;
    }
    parts.push(text.slice(copied, start), REDACTED);
    copied = end;
    [start, end] = [s, e];
  }
  parts.push(text.slice(copied, start), REDACTED, text.slice(end));
  return parts.join('');
}
