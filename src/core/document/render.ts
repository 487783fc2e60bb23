import type { RecordKind } from '../records';

/**
 * The document object of a record whose document is its own flat shape (a classic file): in the
 * kind's field order, every updatable field present (`null` when unset, so users see it and can
 * fill it in), read-only fields when the record has them (or always, for those the API always
 * returns). Values are copies; fields the kind does not know are left out.
 */
export function flatDocument<R extends object, U>(kind: RecordKind<R, U>, record: R): Record<string, unknown> {
  const updatable = new Set<string>(kind.fields.map((f) => f.name));
  const always = new Set(kind.document.readOnlyFields.filter((f) => f.alwaysPresent).map((f) => f.name));
  const entries: [string, unknown][] = [];
  for (const name of kind.document.order) {
    const value: unknown = Object.hasOwn(record, name) ? (record as Record<string, unknown>)[name] : undefined;
    if (updatable.has(name) || value !== undefined || always.has(name))
      entries.push([name, value === undefined ? null : structuredClone(value)]);
  }
  // Object.fromEntries defines own properties, so even a metadata key "__proto__" survives.
  return Object.fromEntries(entries);
}

/** The text of a record's document: 2-space indent, the kind's field order, a trailing newline. */
export function documentText<R extends object, U>(kind: RecordKind<R, U>, record: R): string {
  return JSON.stringify(kind.document.render(record), null, 2) + '\n';
}

/** A selection's text: the documents of its records, as one JSON array. */
export function selectionText<R extends object, U>(kind: RecordKind<R, U>, records: readonly R[]): string {
  return JSON.stringify(records.map(kind.document.render), null, 2) + '\n';
}
