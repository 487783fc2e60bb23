import assert from 'node:assert/strict';
import type { FileRecord } from '../../../src/cdf/model';
import { allRecords, client, idsOf, testClock, useEmulator } from './helpers';

const clock = testClock();

describe('emulator: create, upload, download and delete', () => {
  const ctx = useEmulator({ files: 300, seed: 5, now: clock.now });
  const c = () => client(ctx.emulator);

  describe('POST /files', () => {
    it('creates a record (not uploaded) and answers 201 with an upload URL', async () => {
      const res = await c().post('/files', {
        name: 'new.pdf',
        externalId: 'new-1',
        mimeType: 'application/pdf',
        metadata: { a: 'b' },
        labels: [{ externalId: 'PID' }],
      });
      assert.equal(res.status, 201);
      const { uploadUrl, ...record } = res.body;
      assert.match(uploadUrl, new RegExp(`^${ctx.emulator.baseUrl}/`));
      assert.deepEqual(record, {
        id: record.id,
        name: 'new.pdf',
        externalId: 'new-1',
        mimeType: 'application/pdf',
        metadata: { a: 'b' },
        labels: [{ externalId: 'PID' }],
        uploaded: false,
        createdTime: clock.now(),
        lastUpdatedTime: clock.now(),
      });
      assert.ok(record.id > Math.max(...idsOf(allRecords(ctx.emulator)).filter((id) => id !== record.id)));
      assert.deepEqual((await c().post('/files/byids', { items: [{ externalId: 'new-1' }] })).body.items, [record]);
    });

    it('validates the body (400 naming the field) and references', async () => {
      const noName = await c().post('/files', { externalId: 'x' });
      assert.equal(noName.status, 400);
      assert.match(noName.body.error.message, /name/);
      assert.match((await c().post('/files', { name: 'a', assetIds: [] })).body.error.message, /assetIds/);
      assert.match((await c().post('/files', { name: 'a', id: 5 })).body.error.message, /id: unknown field/);
      assert.equal((await c().post('/files', { name: 'a', dataSetId: 3 })).status, 400);
      assert.equal((await c().post('/files?overwrite=maybe', { name: 'a' })).status, 400);
    });

    it('refuses an externalId in use with 409 duplicated, unless overwrite=true', async () => {
      const existing = allRecords(ctx.emulator).find((r) => r.externalId && r.assetIds && r.uploaded && !r.instanceId)!;
      const dup = await c().post('/files', { name: 'again.pdf', externalId: existing.externalId });
      assert.equal(dup.status, 409);
      assert.deepEqual(dup.body.error.duplicated, [{ externalId: existing.externalId }]);

      clock.advance(1000);
      const res = await c().post('/files?overwrite=true', {
        name: 'replaced.pdf',
        externalId: existing.externalId,
        metadata: { only: 'this' },
      });
      assert.equal(res.status, 201);
      const { uploadUrl: _, ...record } = res.body;
      assert.deepEqual(record, {
        ...existing,
        name: 'replaced.pdf',
        metadata: { only: 'this' },
        lastUpdatedTime: clock.now(),
      });
      assert.deepEqual(record.assetIds, existing.assetIds, 'asset links stay unless given');
    });
  });

  describe('upload and download', () => {
    it('PUT to the upload URL stores the content and marks the file uploaded', async () => {
      const created = await c().post('/files', { name: 'photo.jpg', mimeType: 'image/jpeg' });
      clock.advance(2000);
      const put = await fetch(created.body.uploadUrl, {
        method: 'PUT',
        body: 'JPEG BYTES',
        headers: { 'content-type': 'image/jpeg' },
      });
      assert.equal(put.status, 200);
      const record = (await c().get(`/files/${created.body.id}`)).body as FileRecord;
      assert.equal(record.uploaded, true);
      assert.equal(record.uploadedTime, clock.now());
      assert.equal(record.lastUpdatedTime, clock.now());

      const links = await c().post('/files/downloadlink', { items: [{ id: record.id }] });
      assert.equal(links.status, 200);
      assert.deepEqual(Object.keys(links.body.items[0]).sort(), ['downloadUrl', 'id']);
      const download = await fetch(links.body.items[0].downloadUrl);
      assert.equal(download.headers.get('content-type'), 'image/jpeg');
      assert.equal(await download.text(), 'JPEG BYTES');
    });

    it('an unknown upload URL is a 404', async () => {
      const res = await fetch(`${ctx.emulator.baseUrl}/files-content/upload/nope`, { method: 'PUT', body: 'x' });
      assert.equal(res.status, 404);
    });

    it('serves demo content for generated files (a real PDF for PDFs)', async () => {
      const pdf = allRecords(ctx.emulator).find((r) => r.uploaded && r.mimeType === 'application/pdf' && r.externalId)!;
      const links = await c().post('/files/downloadlink', { items: [{ externalId: pdf.externalId }] });
      assert.deepEqual(links.body.items[0].externalId, pdf.externalId, 'the identifier is echoed as given');
      const bytes = Buffer.from(await (await fetch(links.body.items[0].downloadUrl)).arrayBuffer());
      assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
    });

    it('download links expire after 30 s, or 1 h with extendedExpiration', async () => {
      const file = allRecords(ctx.emulator).find((r) => r.uploaded)!;
      const short = (await c().post('/files/downloadlink', { items: [{ id: file.id }] })).body.items[0].downloadUrl;
      const long = (await c().post('/files/downloadlink?extendedExpiration=true', { items: [{ id: file.id }] })).body
        .items[0].downloadUrl;
      clock.advance(31_000);
      assert.equal((await fetch(short)).status, 403);
      assert.equal((await fetch(long)).status, 200);
    });

    it('refuses files not uploaded, unknown files and more than 100 items', async () => {
      const notUploaded = allRecords(ctx.emulator).find((r) => !r.uploaded)!;
      const res = await c().post('/files/downloadlink', { items: [{ id: notUploaded.id }] });
      assert.equal(res.status, 400);
      assert.match(res.body.error.message, /Files not uploaded/);
      const unknown = await c().post('/files/downloadlink', { items: [{ id: 99 }] });
      assert.deepEqual(unknown.body.error.missing, [{ id: 99 }]);
      const many = idsOf(
        allRecords(ctx.emulator)
          .filter((r) => r.uploaded)
          .slice(0, 101),
      ).map((id) => ({ id }));
      assert.equal((await c().post('/files/downloadlink', { items: many })).status, 400);
      assert.equal((await c().post('/files/downloadlink', { items: many.slice(0, 100) })).status, 200);
    });
  });

  describe('POST /files/delete', () => {
    it('deletes by id and externalId, answering {}', async () => {
      const [a, b] = allRecords(ctx.emulator).filter((r) => r.externalId && !r.instanceId);
      const res = await c().post('/files/delete', { items: [{ id: a!.id }, { externalId: b!.externalId }] });
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, {});
      const after = await c().post('/files/byids', { items: [{ id: a!.id }, { id: b!.id }] });
      assert.deepEqual(after.body.error.missing, [{ id: a!.id }, { id: b!.id }]);
    });

    it('deletes nothing when one identifier is unknown, unless ignoreUnknownIds', async () => {
      const keep = allRecords(ctx.emulator)[0]!;
      const res = await c().post('/files/delete', { items: [{ id: keep.id }, { externalId: 'ghost' }] });
      assert.equal(res.status, 400);
      assert.deepEqual(res.body.error.missing, [{ externalId: 'ghost' }]);
      assert.ok(ctx.emulator.store.files.get(keep.id), 'still there');
      const ignoring = await c().post('/files/delete', {
        items: [{ id: keep.id }, { externalId: 'ghost' }],
        ignoreUnknownIds: true,
      });
      assert.equal(ignoring.status, 200);
      assert.equal(ctx.emulator.store.files.get(keep.id), undefined);
    });

    it('refuses duplicates, instanceId items (not in the spec for delete) and empty lists', async () => {
      const r = allRecords(ctx.emulator)[0]!;
      assert.equal((await c().post('/files/delete', { items: [{ id: r.id }, { id: r.id }] })).status, 400);
      assert.equal(
        (await c().post('/files/delete', { items: [{ instanceId: { space: 'a', externalId: 'b' } }] })).status,
        400,
      );
      assert.equal((await c().post('/files/delete', { items: [] })).status, 400);
    });
  });
});
