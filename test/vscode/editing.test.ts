import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { FileRecord } from '../../src/cdf/model';
import { renderDocument } from '../../src/core/records';
import { conflictQuestion, conflictValues } from '../../src/vscode/conflict-prompt';
import {
  activateExtension,
  cdfDiagnostics,
  closeAllEditors,
  editJson,
  openDemo,
  pickRecord,
  standIn,
  waitFor,
} from './helpers';

type Emulator = NonNullable<NonNullable<ExtensionApi['sessions']['active']>['demo']>;

describe('open a record, edit it, save it as a minimal update', () => {
  let api: ExtensionApi;
  let emulator: Emulator;
  let records: FileRecord[];

  before(async () => {
    api = await activateExtension();
    emulator = await openDemo(api);
    records = (await api.sessions.active!.api.listFiles({ limit: 1000 })).items;
  });
  afterEach(async () => {
    api.user.use(undefined);
    await closeAllEditors();
  });

  const editable = (i: number) =>
    records.filter((r) => !r.instanceId && r.source && r.externalId && (r.labels?.length ?? 0) < 9)[i]!;
  const open = async (record: FileRecord): Promise<vscode.TextDocument> => {
    await vscode.commands.executeCommand('cdfFiles.openFile', { kind: 'file', id: `t/${record.id}`, record });
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.uri.scheme === 'cdf-record');
    return editor.document;
  };
  const updates = () => emulator.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/files/update'));
  /** Another client changing the record over HTTP, as a colleague's script would. */
  const otherClientUpdates = async (id: number, update: object) => {
    const res = await fetch(`${emulator.apiBase}/files/update`, {
      method: 'POST',
      headers: { authorization: `Bearer ${emulator.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ items: [{ id, update }] }),
    });
    assert.equal(res.status, 200, await res.clone().text());
  };
  const serverRecord = async (id: number) => (await api.sessions.active!.api.retrieveFiles([id]))[0]!;

  it('opens a record as its JSON document, and re-opening focuses the same editor', async () => {
    const record = editable(0);
    const doc = await open(record);
    assert.equal(doc.languageId, 'json');
    assert.equal(doc.getText(), renderDocument(await serverRecord(record.id)));
    await open(record);
    const same = vscode.workspace.textDocuments.filter((d) => d.uri.toString() === doc.uri.toString());
    assert.equal(same.length, 1);
    assert.equal(vscode.window.activeTextEditor?.document, doc);
  });

  it('saves metadata, a new label and a cleared source in exactly one minimal update', async () => {
    const record = editable(1);
    const doc = await open(record);
    const label = (await api.sessions.active!.api.listLabels()).find(
      (l) => !record.labels?.some((x) => x.externalId === l.externalId),
    )!;
    emulator.clearRequests();
    await editJson(doc, (v) => {
      v.metadata = { ...(v.metadata as object), reviewedBy: 'vscode-test' };
      v.labels = [...((v.labels as object[] | null) ?? []), { externalId: label.externalId }];
      v.source = null;
    });
    assert.ok(await doc.save(), 'saved');
    assert.equal(updates().length, 1, 'one update request');
    assert.deepEqual(updates()[0]!.body, {
      items: [
        {
          id: record.id,
          update: {
            labels: { add: [{ externalId: label.externalId }] },
            metadata: { add: { reviewedBy: 'vscode-test' } },
            source: { setNull: true },
          },
        },
      ],
    });
    // Meanwhile other documents may learn of the saved record (an unedited selection document that holds
    // it re-reads its records), names beside ids may be looked up and the tree may re-list and re-count,
    // each whenever VS Code gets to it. The save itself takes the floor: one re-read of this record and
    // the one update.
    const onlyThis = JSON.stringify([{ id: record.id }]);
    const reReads = emulator.requests.filter(
      (r) => r.path.endsWith('/files/byids') && JSON.stringify((r.body as { items?: unknown })?.items) === onlyThis,
    );
    const seen = emulator.requests.map((r) => `${r.method} ${r.path} ${JSON.stringify(r.body)}`).join('\n');
    assert.equal(reReads.length, 1, `one re-read, and the one update above; sent:\n${seen}`);
    const after = await serverRecord(record.id);
    assert.equal(after.source, undefined);
    assert.equal(after.metadata?.reviewedBy, 'vscode-test');
    await waitFor('the document shows the saved record', () => doc.getText() === renderDocument(after)).catch(
      (e: Error) => {
        throw new Error(`${e.message}\n--- document ---\n${doc.getText()}\n--- server ---\n${renderDocument(after)}`);
      },
    );
    assert.equal(doc.isDirty, false);
  });

  it('refuses an invalid edit with a diagnostic on the field and sends nothing', async () => {
    const doc = await open(editable(2));
    emulator.clearRequests();
    await editJson(doc, (v) => (v.source = 5));
    const text = doc.getText();
    assert.equal(await doc.save(), false, 'the save fails');
    assert.equal(updates().length, 0, 'nothing sent');
    assert.ok(doc.isDirty);
    assert.equal(doc.getText(), text, 'the edit is intact');
    const [d] = cdfDiagnostics(doc.uri);
    assert.ok(d, 'a diagnostic');
    assert.match(d.message, /source/);
    assert.match(doc.lineAt(d.range.start.line).text, /"source": 5/);
  });

  it('merges a concurrent change to another field', async () => {
    const record = editable(3);
    const doc = await open(record);
    await otherClientUpdates(record.id, { mimeType: { set: 'text/x-merged' } });
    emulator.clearRequests();
    await editJson(doc, (v) => (v.directory = '/merged/by/vscode'));
    const user = standIn(api);
    assert.ok(await doc.save());
    assert.deepEqual(
      updates().map((u) => u.body),
      [{ items: [{ id: record.id, update: { directory: { set: '/merged/by/vscode' } } }] }],
    );
    const after = await serverRecord(record.id);
    assert.equal(after.mimeType, 'text/x-merged', 'their change survives');
    assert.equal(after.directory, '/merged/by/vscode', 'mine is applied');
    assert.deepEqual(user.questions, [], 'a merge asks nothing');
    assert.deepEqual(user.notes, ["Saved, merged with someone else's change to mimeType in CDF."]);
  });

  it('a save of the text written before a merged save reloads keeps the key it never showed', async () => {
    const record = editable(10);
    const doc = await open(record);
    await otherClientUpdates(record.id, { metadata: { add: { colleague: 'keep me' } } });
    await editJson(doc, (v) => (v.directory = '/merged/then/saved/again'));
    const written = doc.getText();
    assert.ok(await doc.save());
    // Auto save, or "Overwrite" in VS Code's "file is newer" prompt, writing the text as it was before the
    // reload brought the colleague's key in (whether or not the editor has reloaded by now).
    const stale = JSON.parse(written) as Record<string, unknown>;
    stale.mimeType = 'text/x-saved-again';
    emulator.clearRequests();
    await vscode.workspace.fs.writeFile(doc.uri, Buffer.from(JSON.stringify(stale, null, 2) + '\n', 'utf8'));
    assert.deepEqual(
      updates().map((u) => u.body),
      [{ items: [{ id: record.id, update: { mimeType: { set: 'text/x-saved-again' } } }] }],
    );
    const after = await serverRecord(record.id);
    assert.equal(after.metadata?.colleague, 'keep me', 'the key the text never showed is still there');
    assert.equal(after.directory, '/merged/then/saved/again');
  });

  it('asks when the same field changed on the server: cancel sends nothing, overwrite sends mine', async () => {
    const record = editable(4);
    const doc = await open(record);
    await otherClientUpdates(record.id, { source: { set: 'Their source' } });
    await editJson(doc, (v) => (v.source = 'My source'));
    emulator.clearRequests();
    const cancelling = standIn(api, undefined);
    const text = doc.getText();
    await doc.save();
    assert.equal(cancelling.questions.length, 1, 'asked once');
    assert.match(cancelling.questions[0]!, /^Someone else changed source in CDF since you opened .+\.json\.$/);
    // The note comes once the document is dirty again (see keepUnsaved).
    await waitFor('a quiet note', () => cancelling.notes.some((n) => /Save cancelled: nothing was sent/.test(n)));
    assert.ok(doc.isDirty, 'a cancelled save keeps the edits unsaved');
    assert.equal(doc.getText(), text, 'and exactly as typed');
    assert.equal(updates().length, 0);
    assert.equal((await serverRecord(record.id)).source, 'Their source');

    const overwriting = standIn(api, 'Use Mine');
    assert.ok(await doc.save());
    assert.equal(overwriting.questions.length, 1, 'asked again');
    assert.equal((await serverRecord(record.id)).source, 'My source');
  });

  it('marks an edit the API would refuse while typing, saying why at the field', async () => {
    const linked = pickRecord(records, (r) => !!r.instanceId, 'a file linked to data modelling');
    const doc = await open(linked);
    emulator.clearRequests();
    await editJson(doc, (v) => (v.source = `${String(v.source)}-changed`));
    const [d] = await waitFor('a live problem', () => {
      const found = cdfDiagnostics(doc.uri);
      return found.length ? found : undefined;
    });
    assert.equal(d!.code, 'instance-linked');
    assert.match(doc.lineAt(d!.range.start.line).text, /"source"/, 'at the field');
    assert.match(d!.message, /linked to the data modelling instance/, 'says why');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    assert.ok(
      lenses.some((l) => l.command?.title.endsWith('1 problem: nothing would be sent')),
      lenses.map((l) => l.command?.title).join(' | '),
    );
    assert.equal(emulator.requests.length, 0, 'nothing sent while typing');

    await editJson(doc, (v) => (v.source = linked.source ?? null));
    await waitFor('the problem gone once fixed', () => cdfDiagnostics(doc.uri).length === 0);
  });

  it('marks a renamed file while typing, but leaves type errors to the JSON schema until a save', async () => {
    const doc = await open(editable(9));
    await editJson(doc, (v) => ((v.name = 'renamed.pdf'), (v.source = 5)));
    const found = await waitFor('a live problem', () => {
      const d = cdfDiagnostics(doc.uri);
      return d.length ? d : undefined;
    });
    assert.deepEqual(
      found.map((d) => d.code),
      ['name-not-updatable'],
    );
  });

  it('marks metadata over its total size while typing (the JSON schema cannot say a total)', async () => {
    // A record no other test here saved: its document opens with nothing pending from CDF.
    const doc = await open(editable(11));
    // Three values each under the per-value limit, together over the 10240 bytes of the whole map.
    await editJson(doc, (v) => (v.metadata = { a: 'x'.repeat(4000), b: 'y'.repeat(4000), c: 'z'.repeat(4000) }));
    const found = await waitFor('a live problem', () => {
      const d = cdfDiagnostics(doc.uri);
      return d.length ? d : undefined;
    }).catch((e: Error) => {
      // What the document held when no problem came, so a failure explains itself.
      const all = vscode.languages.getDiagnostics(doc.uri).map((d) => `${d.source}: ${d.message}`);
      const edited = doc.getText().includes('x'.repeat(4000));
      throw new Error(`${e.message} (dirty ${doc.isDirty}, holds the edit ${edited}, diagnostics [${all.join('; ')}])`);
    });
    assert.deepEqual(
      found.map((d) => d.code),
      ['too-large'],
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('says both values of a conflict with one pair of words for the two sides', () => {
    const long = 'x'.repeat(200);
    const conflicts = [
      { field: 'source' as const, base: 'a', theirs: 'Their source', mine: 'My source' },
      { field: 'metadata' as const, key: 'owner', base: null, theirs: long, mine: null },
    ];
    assert.equal(
      conflictQuestion(conflicts, 'pump.json'),
      'Someone else changed source, metadata.owner in CDF since you opened pump.json.',
    );
    const values = conflictValues(conflicts);
    assert.match(values, /^source: Theirs "Their source", Mine "My source"$/m);
    assert.match(values, /^metadata\.owner: Theirs "x+…x+", Mine \(none\)$/m);
    assert.ok(values.length < 200, 'a long value is shortened');
  });

  it('reports a duplicated external id on its line and keeps the edit', async () => {
    const record = editable(5);
    const taken = pickRecord(records, (r) => !!r.externalId && r.id !== record.id, 'another external id').externalId!;
    const doc = await open(record);
    await editJson(doc, (v) => (v.externalId = taken));
    const text = doc.getText();
    assert.equal(await doc.save(), false);
    assert.equal(doc.getText(), text);
    assert.ok(doc.isDirty);
    const [d] = cdfDiagnostics(doc.uri);
    assert.ok(d);
    assert.match(d.message, /already used/);
    assert.match(doc.lineAt(d.range.start.line).text, /"externalId"/);
    assert.equal((await serverRecord(record.id)).externalId, record.externalId, 'nothing changed on the server');
  });

  it('completes data set ids and labels from the project, and shows dates beside epoch milliseconds', async () => {
    const doc = await open(editable(6));
    const line = doc
      .getText()
      .split('\n')
      .findIndex((l) => l.includes('"dataSetId"'));
    const col = doc.lineAt(line).text.indexOf(':') + 2;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      new vscode.Position(line, col),
    );
    const dataSets = await api.sessions.active!.api.listDataSets();
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const d of dataSets) assert.ok(labels.includes(String(d.id)), `data set ${d.id} offered`);

    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>(
      'vscode.executeInlayHintProvider',
      doc.uri,
      new vscode.Range(0, 0, doc.lineCount, 0),
    );
    const created = new Date((await serverRecord(editable(6).id)).createdTime).toISOString();
    assert.ok(
      hints.some((h) =>
        (typeof h.label === 'string' ? h.label : h.label.map((l) => l.value).join('')).includes(created),
      ),
      'createdTime shown as a date',
    );
  });

  it('previews the exact request body that saving would send', async () => {
    const record = editable(7);
    const doc = await open(record);
    await editJson(doc, (v) => (v.mimeType = 'application/x-preview'));
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    assert.ok(lenses.some((l) => l.command?.command === 'cdfFiles.previewUpdate' && /mimeType/.test(l.command.title)));
    emulator.clearRequests();
    await vscode.commands.executeCommand('cdfFiles.previewUpdate', doc.uri);
    const preview = await waitFor('the preview', () =>
      vscode.workspace.textDocuments.find(
        // This record's preview: another test's may still be open (it follows its own record).
        (d) =>
          d.uri.scheme === 'cdf-view' &&
          d.uri.path.includes(`/${record.id}/`) &&
          d.uri.path.endsWith('.update-request.json'),
      ),
    );
    assert.deepEqual(JSON.parse(preview.getText()), {
      items: [{ id: record.id, update: { mimeType: { set: 'application/x-preview' } } }],
    });
    assert.equal(emulator.requests.length, 0, 'a preview sends nothing');
  });

  it('revert brings back the record as it is in CDF', async () => {
    const record = editable(8);
    const doc = await open(record);
    await editJson(doc, (v) => (v.source = 'reverted away'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.equal(doc.isDirty, false);
    assert.equal(doc.getText(), renderDocument(await serverRecord(record.id)));
  });
});
