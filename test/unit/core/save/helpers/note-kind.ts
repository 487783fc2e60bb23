/**
 * A second record kind, for tests only: a note in a space, keyed "space:externalId", with a version
 * the server checks (`existingVersion`, as CDF's data modelling instances do), a text field and a
 * text list whose wire form is the whole list. Written only against core's interfaces (RecordKind,
 * RecordsApi), it shows the save pipeline needs nothing of the classic file.
 *
 * Its server is in-memory: this is the contract test of the port, so the port's other side is the
 * test's to play (a version conflict refuses the whole request, or one item of a many-item update).
 */
import * as z from 'zod/mini';
import type { FieldKindName, UpdateReport } from '../../../../../src/cdf/model';
import { applyRecord } from '../../../../../src/core/apply';
import { documentSchemaOf, flatDocument, jsonSchemaOf, selectionJsonSchemaOf } from '../../../../../src/core/document';
import { FIELD_KINDS, setKind } from '../../../../../src/core/fields';
import { RecordsMissingError, VersionConflictError, type RecordsApi } from '../../../../../src/core/ports';
import type { KindField, ReadOnlyField, RecordKind } from '../../../../../src/core/records';

export interface Note {
  space: string;
  externalId: string;
  version: number;
  lastUpdatedTime: number;
  title?: string;
  tags?: string[];
}

/** One upsert item: only the changed properties, lists whole, and the version the change was decided on. */
export interface NoteUpsert {
  space: string;
  externalId: string;
  existingVersion: number;
  properties: { title?: string | null; tags?: string[] | null };
}

/** A set of strings (tags): a new field kind is a new module, not an edit of the pipeline. */
const textSetKind = setKind({
  name: 'textSet' as FieldKindName, // a kind the classic table does not name
  members: {
    key: (tag) => tag as string,
    duplicateCode: 'duplicate-label',
    check: (tag) => (typeof tag === 'string' ? undefined : 'a tag is a string'),
  },
  element: (tag) => tag,
  parseInput: (text) => ({ ok: true, value: text.split(',').map((t) => t.trim()) }),
});

const fields: KindField<'title' | 'tags'>[] = [
  { name: 'title', kind: FIELD_KINDS.text, schema: z.string().check(z.maxLength(100)), description: 'The title.' },
  { name: 'tags', kind: textSetKind, schema: z.array(z.string()), description: 'Tags, each once.' },
];
const readOnlyFields: ReadOnlyField<Note>[] = [
  { name: 'space', schema: z.string(), description: 'The space.', alwaysPresent: true },
  { name: 'externalId', schema: z.string(), description: 'The external id.', alwaysPresent: true },
  { name: 'version', schema: z.number(), description: 'The version.', alwaysPresent: true },
  { name: 'lastUpdatedTime', schema: z.number(), description: 'Last change.', alwaysPresent: true },
];
const schema = documentSchemaOf(fields, readOnlyFields, { title: 'Note', description: 'A note.' });
const noteKey = (n: { space: string; externalId: string }): string => `${n.space}:${n.externalId}`;

export const NOTE: RecordKind<Note, NoteUpsert, 'title' | 'tags'> = {
  name: 'test-note',
  noun: () => 'note',
  nouns: () => 'notes',
  fields,
  key: noteKey,
  label: (note) => note.title ?? noteKey(note),
  keyOfItem: noteKey,
  version: (note) => note.version,
  concurrency: 'server',
  encodeUpdate(record, patches) {
    // The API writes whole values: each changed field's value after the patch, from the record read.
    const target = applyRecord(NOTE, record, patches);
    const properties = Object.fromEntries(Object.keys(patches).map((f) => [f, target[f as 'title'] ?? null]));
    return { space: record.space, externalId: record.externalId, existingVersion: record.version, properties };
  },
  document: {
    readOnlyFields,
    order: ['space', 'externalId', 'title', 'tags', 'version', 'lastUpdatedTime'],
    identityFields: ['space', 'externalId'],
    versionField: 'version',
    keyOf: (element) => {
      const e = (typeof element === 'object' && element !== null ? element : {}) as Partial<Note>;
      return typeof e.space === 'string' && typeof e.externalId === 'string' ? noteKey(e as Note) : undefined;
    },
    render: (note) => flatDocument(NOTE, note),
    schema,
    jsonSchema: () => jsonSchemaOf(schema, 'note'),
    selectionJsonSchema: () => selectionJsonSchemaOf(schema, { title: 'Notes', description: 'Notes.' }, 'notes'),
  },
};

/** The notes API: a version check on every write, patch semantics, one version step per change. */
export class NotesServer implements RecordsApi<Note, NoteUpsert> {
  readonly notes = new Map<string, Note>();
  /** Every upsert item received, in order (refused ones too). */
  readonly received: NoteUpsert[] = [];
  /** Someone else's write, run once right before each incoming write is judged (while set). */
  beforeWrite: (() => void) | undefined;

  put(note: Note): Note {
    this.notes.set(noteKey(note), structuredClone(note));
    return note;
  }

  /** Another client's change: written as CDF would, moving the version. */
  writeAsOther(key: string, change: Partial<Pick<Note, 'title' | 'tags'>>): void {
    const note = this.notes.get(key)!;
    this.notes.set(key, { ...note, ...change, version: note.version + 1, lastUpdatedTime: note.lastUpdatedTime + 1 });
  }

  readonly retrieveExisting = (keys: readonly string[]): Promise<Note[]> =>
    Promise.resolve(keys.flatMap((k) => (this.notes.has(k) ? [structuredClone(this.notes.get(k)!)] : [])));

  readonly retrieve = async (keys: readonly string[]): Promise<Note[]> => {
    const missing = keys.filter((k) => !this.notes.has(k));
    if (missing.length) throw new RecordsMissingError(missing, `no note ${missing.join(', ')}`);
    return this.retrieveExisting(keys);
  };

  /** One transaction: a stale version anywhere refuses all of it (409). */
  readonly update = (items: readonly NoteUpsert[]): Promise<Note[]> => {
    this.beforeWrite?.();
    this.received.push(...structuredClone(items));
    const stale = items.filter((i) => this.notes.get(noteKey(i))!.version > i.existingVersion).map(noteKey);
    if (stale.length) return Promise.reject(new VersionConflictError(stale, `version conflict on ${stale.join(', ')}`));
    return Promise.resolve(items.map((i) => this.apply(i)));
  };

  /** Item by item, a stale one skipped and reported as a conflict (`skipOnVersionConflict`). */
  readonly updateMany = (items: readonly NoteUpsert[]): Promise<UpdateReport<NoteUpsert, Note>> => {
    this.beforeWrite?.();
    this.received.push(...structuredClone(items));
    const outcomes = items.map((item, index) =>
      this.notes.get(noteKey(item))!.version > item.existingVersion
        ? {
            outcome: 'failed' as const,
            index,
            item,
            sends: 1,
            failure: { reason: 'conflict' as const, message: 'stale', status: 409 },
          }
        : { outcome: 'applied' as const, index, item, sends: 1, record: this.apply(item) },
    );
    const applied = outcomes.filter((o) => o.outcome === 'applied');
    const failed = outcomes.filter((o) => o.outcome === 'failed');
    const stats = { requestsSent: 1, throttled: 0, peakConcurrency: 1, finalConcurrency: 1, durationMs: 0 };
    return Promise.resolve({
      total: items.length,
      items: outcomes,
      applied,
      failed,
      unknown: [],
      notSent: [],
      cancelled: false,
      attempts: [],
      stats,
    });
  };

  private apply(item: NoteUpsert): Note {
    const note = this.notes.get(noteKey(item))!;
    const next: Note = { ...note, version: note.version + 1, lastUpdatedTime: note.lastUpdatedTime + 1 };
    for (const [field, value] of Object.entries(item.properties))
      if (value === null) delete next[field as 'title'];
      else Object.assign(next, { [field]: value });
    this.notes.set(noteKey(item), next);
    return structuredClone(next);
  }
}
