/** A location in a JSON value: object keys and array indexes from the root, e.g. `['labels', 2, 'externalId']`. */
export type JsonPath = (string | number)[];

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `$.labels[2].externalId`, `$.metadata["my key"]`; the root is `$`. */
export function formatPath(path: readonly (string | number)[]): string {
  return '$' + path.map(segment).join('');
}

/**
 * The same path without the `$`, for messages: `labels[2].externalId`, `metadata["my key"]`.
 * The root reads "the document".
 */
export function displayPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return 'the document';
  const text = path.map(segment).join('');
  return text.startsWith('.') ? text.slice(1) : text;
}

function segment(s: string | number): string {
  if (typeof s === 'number') return `[${s}]`;
  return IDENTIFIER.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`;
}
