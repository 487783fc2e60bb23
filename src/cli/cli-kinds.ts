import type * as z from 'zod/mini';
import { cogniteFileNode, fileRecord, type CogniteFileNode, type CogniteFileUpsertItem } from '../cdf/model';
import { problemsFromIssues } from '../core/document';
import type { DocumentProblem } from '../core/problems';
import { CLASSIC_FILE, COGNITE_FILE, cogniteFileRecord, type RecordKind } from '../core/records';

/**
 * What the CLI knows of each record kind: the record kind itself, how ORIGINAL (a record as the API
 * reads it) becomes its record, and the request body its update items go in.
 */
export interface CliKind {
  readonly kind: RecordKind<object, unknown>;
  /** What ORIGINAL must be, for the usage text and errors. */
  readonly original: string;
  /** The record of ORIGINAL's parsed JSON, or the problems that stop it being one. */
  readonly read: (value: unknown) => { ok: true; record: object } | { ok: false; problems: DocumentProblem[] };
  /** The request body that carries `items` (empty when nothing changed). */
  readonly body: (items: unknown[]) => object;
}

function reader<T>(schema: z.ZodMiniType<T>, toRecord: (value: T) => object): CliKind['read'] {
  return (value) => {
    const result = schema.safeParse(value);
    // The parsed value, not zod's copy: that one would drop a metadata key such as "__proto__".
    if (result.success) return { ok: true, record: toRecord(value as T) };
    return { ok: false, problems: problemsFromIssues(result.error.issues, value, []) };
  };
}

export const CLI_KINDS: Readonly<Record<string, CliKind>> = {
  'classic-file': {
    kind: CLASSIC_FILE as unknown as RecordKind<object, unknown>,
    original: 'a file record as POST /files/byids returns one item',
    read: reader(fileRecord, (r) => r),
    body: (items) => ({ items }),
  },
  'cognite-file': {
    kind: COGNITE_FILE as unknown as RecordKind<object, unknown>,
    original: 'a node as POST /models/instances/byids returns one item with the CogniteFile view as source',
    read: reader(cogniteFileNode, (n: CogniteFileNode) => cogniteFileRecord(n)),
    body: (items) => COGNITE_FILE.requestBody!(items as CogniteFileUpsertItem[]),
  },
};

export const KIND_NAMES = Object.keys(CLI_KINDS);
