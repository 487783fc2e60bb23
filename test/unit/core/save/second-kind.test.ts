/**
 * The one save over a second record kind (a test-only note, keyed "space:externalId", versioned by
 * its server): the real pipeline (plan, read, merge three ways, ask on overlap, send, report) runs
 * unchanged, and a write the server refuses as stale is re-read, merged, asked and sent again with
 * the new version, so nothing anyone wrote is lost and nothing is overwritten unseen.
 */
import assert from 'node:assert/strict';
import { documentText, validateRecordDocument } from '../../../../src/core/document';
import type { MergeConflict } from '../../../../src/core/merge';
import {
  KeptChangingError,
  recordSaveRequest,
  saveRecords,
  selectionSaveRequest,
  type ConflictChoice,
} from '../../../../src/core/save';
import { NOTE, NotesServer, type Note } from './helpers/note-kind';

const A: Note = { space: 'site', externalId: 'a', version: 1, lastUpdatedTime: 10, title: 'Pump', tags: ['p1'] };
const B: Note = { space: 'site', externalId: 'b', version: 4, lastUpdatedTime: 20, title: 'Valve' };

/** The text of `note` with `edit` made, as the user saves it. */
const edited = (note: Note, edit: Partial<Note>): string =>
  documentText(NOTE, { ...note, ...edit }).replace('"tags": null', '"tags": []');

function saveOne(server: NotesServer, base: Note, text: string, answer: ConflictChoice = 'cancel') {
  const asked: MergeConflict[][] = [];
  const outcome = saveRecords(
    recordSaveRequest({
      kind: NOTE,
      base,
      text,
      api: server,
      resolveConflicts: (conflicts) => {
        asked.push(conflicts);
        return Promise.resolve(answer);
      },
    }),
  );
  return { outcome, asked };
}

describe('the one save over a second record kind whose server checks versions', () => {
  let server: NotesServer;
  beforeEach(() => {
    server = new NotesServer();
    server.put(A);
    server.put(B);
  });

  it('sends only the changed properties, lists whole, with the version the document was opened at', async () => {
    const { outcome } = saveOne(server, A, edited(A, { title: 'Pump 2', tags: ['p1', 'new'] }));
    const done = await outcome;
    assert.equal(done.kind, 'done');
    assert.deepEqual(server.received, [
      { space: 'site', externalId: 'a', existingVersion: 1, properties: { title: 'Pump 2', tags: ['p1', 'new'] } },
    ]);
    assert.equal(done.kind === 'done' && done.results[0]!.status, 'saved');
    assert.deepEqual(server.notes.get('site:a'), {
      ...A,
      title: 'Pump 2',
      tags: ['p1', 'new'],
      version: 2,
      lastUpdatedTime: 11,
    });
  });

  it('a write refused as stale is re-read and merged: their tag and my tag both land, nothing asked', async () => {
    server.beforeWrite = () => {
      server.beforeWrite = undefined; // someone else writes once, between our read and our write
      server.writeAsOther('site:a', { tags: ['p1', 'theirs'] });
    };
    const { outcome, asked } = saveOne(server, A, edited(A, { title: 'Pump 2', tags: ['p1', 'mine'] }));
    const done = await outcome;
    assert.equal(done.kind, 'done');
    assert.deepEqual(asked, []);
    assert.deepEqual(
      server.received.map((u) => [u.existingVersion, u.properties]),
      [
        [1, { title: 'Pump 2', tags: ['p1', 'mine'] }],
        // The whole list is written again from the fresh read: their member is kept.
        [2, { title: 'Pump 2', tags: ['p1', 'theirs', 'mine'] }],
      ],
    );
    const saved = server.notes.get('site:a')!;
    assert.deepEqual([saved.title, saved.tags, saved.version], ['Pump 2', ['p1', 'theirs', 'mine'], 3]);
    assert.deepEqual(done.kind === 'done' && done.results.map((r) => [r.status, r.merged]), [['saved', true]]);
  });

  it('the same property changed on both sides asks, and "Keep Theirs" keeps theirs while my other edit lands', async () => {
    server.beforeWrite = () => {
      server.beforeWrite = undefined;
      server.writeAsOther('site:a', { title: 'Their pump' });
    };
    const { outcome, asked } = saveOne(server, A, edited(A, { title: 'My pump', tags: ['p1', 'mine'] }), 'theirs');
    assert.equal((await outcome).kind, 'done');
    assert.deepEqual(
      asked.flat().map((c) => [c.field, c.theirs, c.mine]),
      [['title', 'Their pump', 'My pump']],
    );
    const saved = server.notes.get('site:a')!;
    assert.deepEqual([saved.title, saved.tags], ['Their pump', ['p1', 'mine']]);
    assert.equal(server.received.at(-1)!.existingVersion, 2);
  });

  it('cancelling the question sends nothing more, and the record keeps their write', async () => {
    server.beforeWrite = () => {
      server.beforeWrite = undefined;
      server.writeAsOther('site:a', { title: 'Their pump' });
    };
    const { outcome } = saveOne(server, A, edited(A, { title: 'My pump' }), 'cancel');
    assert.equal((await outcome).kind, 'cancelled');
    assert.equal(server.received.length, 1); // the refused one only
    assert.equal(server.notes.get('site:a')!.title, 'Their pump');
  });

  it('a record that keeps moving stops the save after a few rounds, naming it by its key', async () => {
    server.beforeWrite = () => server.writeAsOther('site:a', { tags: [`t${server.received.length}`] });
    const { outcome } = saveOne(server, A, edited(A, { title: 'My pump' }));
    await assert.rejects(outcome, (e: unknown) => e instanceof KeptChangingError && e.keys.join() === 'site:a');
  });

  it('a selection: the stale element is re-read, merged and sent again; the other is saved once', async () => {
    server.beforeWrite = () => {
      server.beforeWrite = undefined;
      server.writeAsOther('site:b', { tags: ['theirs'] });
    };
    const text = JSON.stringify([
      NOTE.document.render({ ...A, title: 'A2' }),
      NOTE.document.render({ ...B, title: 'B2' }),
    ]);
    const outcome = await saveRecords(
      selectionSaveRequest({
        kind: NOTE,
        bases: new Map([A, B].map((n) => [NOTE.key(n), n])),
        text,
        api: server,
        resolveConflicts: () => Promise.reject(new Error('nothing to ask')),
      }),
    );
    assert.equal(outcome.kind, 'done');
    assert.deepEqual(outcome.kind === 'done' && outcome.results.map((r) => [r.key, r.status]), [
      ['site:a', 'saved'],
      ['site:b', 'saved'],
    ]);
    assert.deepEqual(
      server.received.map((u) => [u.externalId, u.existingVersion]),
      [
        ['a', 1],
        ['b', 4],
        ['b', 5],
      ],
    );
    assert.deepEqual(server.notes.get('site:b')!.tags, ['theirs']);
    assert.equal(server.notes.get('site:b')!.title, 'B2');
  });

  it('its document: every field present, identity and version read-only, an older version refused', () => {
    assert.deepEqual(NOTE.document.render(B), {
      space: 'site',
      externalId: 'b',
      title: 'Valve',
      tags: null,
      version: 4,
      lastUpdatedTime: 20,
    });
    const check = (edit: object) => validateRecordDocument(NOTE, B, { ...NOTE.document.render(B), ...edit });
    assert.deepEqual(check({ title: 'x', tags: ['a'] }), []);
    assert.deepEqual(
      check({ externalId: 'c' }).map((p) => [p.path.join('.'), p.code]),
      [['externalId', 'read-only']],
    );
    assert.match(check({ version: 3 })[0]!.message, /note as it was before a later change in CDF \(version 3/);
    assert.deepEqual(
      check({ tags: ['a', 'a'] }).map((p) => p.code),
      ['duplicate-label'],
    );
    assert.match(check({ color: 'red' })[0]!.message, /a note record has no such field\.$/);
  });
});
