import * as l10n from '@vscode/l10n';
import { fieldOf, type BulkKind } from '../bulk-kind';
import { METADATA_FIELD } from '../operations/operations';
import { METADATA_COLUMN_PREFIX } from './export';
import { checkMetadataKey } from '../operations/parameters';

/** What a column of a CSV of changes holds. */
export type Column =
  /** Names the record (the kind's `CsvIdentity` reads it). */
  | { kind: 'identity' }
  | { kind: 'name' }
  | { kind: 'field'; field: string }
  | { kind: 'metadata'; key: string }
  | { kind: 'ignored' };

/**
 * Read-only columns of an export; importing them back must not be an error, and they change nothing.
 * `name` is read (the API may be unable to change it: a row that does is refused, see `planImportRow`).
 */
const ignoredColumns = <R extends object, U>(kind: BulkKind<R, U>, identity: readonly string[]): Set<string> =>
  new Set(
    kind.document.readOnlyFields.map((f) => f.name).filter((name) => name !== 'name' && !identity.includes(name)),
  );

export interface Heading {
  columns: Column[] | undefined;
  ignored: string[];
  /** Per column at fault (or none, for the heading as a whole), what is wrong. */
  problems: { column?: string; message: string }[];
}

/** The columns of a heading row; `columns` is undefined when the heading has a problem. */
export function readHeading<R extends object, U>(kind: BulkKind<R, U>, names: string[]): Heading {
  const heading: Heading = { columns: undefined, ignored: [], problems: [] };
  const seen = new Set<string>();
  const identity = kind.csvIdentity.columns(names);
  const identityColumns = 'columns' in identity ? identity.columns : [];
  const columns = names.map((name): Column => {
    if (seen.has(name))
      heading.problems.push({ column: name, message: l10n.t('The column "{0}" appears twice', name) });
    seen.add(name);
    return identityColumns.includes(name) ? { kind: 'identity' } : readColumn(kind, identityColumns, name, heading);
  });
  if ('problem' in identity) return { ...heading, problems: [...heading.problems, { message: identity.problem }] };
  return heading.problems.length ? heading : { ...heading, columns };
}

function readColumn<R extends object, U>(
  kind: BulkKind<R, U>,
  identity: readonly string[],
  name: string,
  heading: Heading,
): Column {
  const fault = (message: string): Column => {
    heading.problems.push({ column: name, message });
    return { kind: 'ignored' };
  };
  if (name === 'name') return { kind: 'name' };
  if (ignoredColumns(kind, identity).has(name)) {
    heading.ignored.push(name);
    return { kind: 'ignored' };
  }
  if (name.startsWith(METADATA_COLUMN_PREFIX)) {
    const key = name.slice(METADATA_COLUMN_PREFIX.length);
    const message = checkMetadataKey(key);
    if (message) fault(message);
    return { kind: 'metadata', key };
  }
  if (name === METADATA_FIELD) return fault(l10n.t('Write metadata as one column per key, named "metadata.<key>"'));
  if (fieldOf(kind, name)) return { kind: 'field', field: name };
  return fault(
    l10n.t(
      'Unknown column "{0}": expected {1}, an updatable field or metadata.<key>',
      name,
      kind.document.identityFields.join(', '),
    ),
  );
}
