import assert from 'node:assert/strict';
import {
  CogniteClient,
  CogniteError,
  CogniteMultiError,
  HttpError,
  type FileChangeUpdate,
  type FileInfo,
} from '@cognite/sdk';
import type { FileRecord } from '../../../src/cdf/model';
import { allRecords, useEmulator } from './helpers';

/**
 * Conformance against a client nobody here wrote: the official @cognite/sdk, unchanged, pointed at
 * the emulator. If it works here it should work against CDF, and the other way round.
 */
describe('conformance: @cognite/sdk against the emulator', function () {
  this.timeout(30_000);
  const ctx = useEmulator({ files: 1234, seed: 6, project: 'sdk-project', token: 'sdk-token' });
  let sdk: CogniteClient;
  before(() => {
    sdk = new CogniteClient({
      appId: 'cdf-files-conformance',
      project: ctx.emulator.project,
      baseUrl: ctx.emulator.baseUrl,
      oidcTokenProvider: () => Promise.resolve(ctx.emulator.token),
    });
  });
  const plain = () => allRecords(ctx.emulator).filter((r) => !r.instanceId && r.externalId);
  const ms = (d: Date | undefined) => d?.getTime();

  it('sends its requests the way the notes say (POST /files/list, bearer token, cdf-version, app id)', async () => {
    ctx.emulator.clearRequests();
    await sdk.files.list({ limit: 1 });
    const [request] = ctx.emulator.requests;
    assert.equal(request!.path, '/api/v1/projects/sdk-project/files/list');
    assert.equal(request!.headers['x-cdp-app'], 'cdf-files-conformance');
    assert.equal(request!.headers['cdf-version'], 'V20210406');
    assert.match(request!.headers['x-cdp-sdk']!, /^CogniteJavaScriptSDK:/);
  });

  it('lists every file with autoPagingToArray, and with for await', async () => {
    const all = await sdk.files.list({ limit: 1000 }).autoPagingToArray({ limit: -1 });
    assert.equal(all.length, 1234);
    assert.equal(new Set(all.map((f) => f.id)).size, 1234);
    assert.ok(all[0]!.createdTime instanceof Date, 'the SDK turns times into Dates');
    const inPlantB: FileInfo[] = [];
    for await (const f of sdk.files.list({ filter: { directoryPrefix: '/plant-b/' }, limit: 100 })) inPlantB.push(f);
    assert.equal(inPlantB.length, allRecords(ctx.emulator).filter((r) => r.directory?.startsWith('/plant-b/')).length);
  });

  it('retrieves by id and externalId, in order, and ignores unknown ids when asked', async () => {
    const [a, b] = plain();
    const got = await sdk.files.retrieve([{ externalId: b!.externalId! }, { id: a!.id }]);
    assert.deepEqual(
      got.map((f) => f.id),
      [b!.id, a!.id],
    );
    assert.equal(ms(got[0]!.lastUpdatedTime), b!.lastUpdatedTime);
    const some = await sdk.files.retrieve([{ id: a!.id }, { id: 123 }], { ignoreUnknownIds: true });
    assert.deepEqual(
      some.map((f) => f.id),
      [a!.id],
    );
  });

  it('searches and aggregates', async () => {
    const found = await sdk.files.search({
      search: { name: 'inspection' },
      filter: { mimeType: 'application/pdf' },
      limit: 10,
    });
    assert.ok(found.length > 0 && found.length <= 10);
    for (const f of found) assert.equal(f.mimeType, 'application/pdf');
    const [count] = await sdk.files.aggregate({ filter: { uploaded: false } });
    assert.equal(count!.count, allRecords(ctx.emulator).filter((r) => !r.uploaded).length);
  });

  it('updates every field with every operation the SDK types allow', async () => {
    const [a, b] = plain();
    const sap = ctx.emulator.store.dataSets.getByExternalId('ds-maintenance-sap')!.id;
    const changes: FileChangeUpdate[] = [
      {
        id: a!.id,
        update: {
          externalId: { set: `${a!.externalId}-v2` },
          source: { set: 'SAP' },
          mimeType: { set: 'image/png' },
          metadata: { set: { revision: 'C', checkedBy: 'sdk' } },
          assetIds: { set: [101, 102] },
          dataSetId: { set: sap },
          securityCategories: { set: [7] },
          sourceCreatedTime: { set: new Date(Date.UTC(2020, 0, 1)) },
          sourceModifiedTime: { set: Date.UTC(2021, 0, 1) },
          labels: { add: [{ externalId: 'HAZOP' }], remove: [{ externalId: 'PID' }] },
          geoLocation: {
            set: {
              type: 'Feature',
              geometry: {
                type: 'LineString',
                coordinates: [
                  [5, 60],
                  [5.1, 60.1],
                ],
              },
            },
          },
        },
      },
      {
        externalId: b!.externalId!,
        update: {
          source: { setNull: true },
          mimeType: { setNull: true },
          metadata: { add: { extra: '1' }, remove: ['revision'] },
          assetIds: { add: [201], remove: b!.assetIds ?? [] },
          dataSetId: { setNull: true },
          securityCategories: { add: [8], remove: [] },
          sourceCreatedTime: { setNull: true },
          sourceModifiedTime: { setNull: true },
          geoLocation: { setNull: true },
        },
      },
    ];
    const [ua, ub] = await sdk.files.update(changes);
    assert.equal(ua!.externalId, `${a!.externalId}-v2`);
    assert.equal(ua!.source, 'SAP');
    assert.equal(ua!.mimeType, 'image/png');
    assert.deepEqual(ua!.metadata, { revision: 'C', checkedBy: 'sdk' });
    assert.deepEqual(ua!.assetIds, [101, 102]);
    assert.equal(ua!.dataSetId, sap);
    assert.deepEqual(ua!.securityCategories, [7]);
    assert.equal(ms(ua!.sourceCreatedTime), Date.UTC(2020, 0, 1), 'a Date in a patch arrives as epoch ms');
    assert.equal(ms(ua!.sourceModifiedTime), Date.UTC(2021, 0, 1));
    assert.ok(ua!.labels?.some((l) => l.externalId === 'HAZOP'));
    assert.ok(!ua!.labels?.some((l) => l.externalId === 'PID'));
    assert.equal(ua!.geoLocation?.geometry.type, 'LineString');
    assert.ok(ms(ua!.lastUpdatedTime)! > a!.lastUpdatedTime);

    for (const gone of [
      'source',
      'mimeType',
      'dataSetId',
      'sourceCreatedTime',
      'sourceModifiedTime',
      'geoLocation',
    ] as const)
      assert.equal(ub![gone], undefined, `${gone} is left out after setNull`);
    assert.equal(ub!.metadata!.extra, '1');
    assert.equal(ub!.metadata!.revision, undefined);
    assert.deepEqual(ub!.assetIds, [201]);
    assert.ok(ub!.securityCategories?.includes(8));
  });

  it('updates what the SDK types lag behind on (directory, labels set) when cast', async () => {
    const [, , c] = plain();
    const [updated] = await sdk.files.update([
      {
        id: c!.id,
        update: { directory: { set: '/plant-c/area-60/pid' }, labels: { set: [{ externalId: 'AS_BUILT' }] } },
      } as unknown as FileChangeUpdate,
    ]);
    assert.equal(updated!.directory, '/plant-c/area-60/pid');
    assert.deepEqual(updated!.labels, [{ externalId: 'AS_BUILT' }]);
    const [unlabelled] = await sdk.files.update([
      { id: c!.id, update: { labels: { remove: [{ externalId: 'AS_BUILT' }] } } },
    ]);
    assert.equal(unlabelled!.labels, undefined, 'removing the last label leaves labels undefined');
  });

  it('updates a file linked to a data modelling instance by instanceId', async () => {
    const linked = allRecords(ctx.emulator).find((r) => r.instanceId)!;
    const [updated] = await sdk.files.update([
      { instanceId: linked.instanceId!, update: { metadata: { add: { viaDm: 'yes' }, remove: [] } } },
    ]);
    assert.equal(updated!.metadata!.viaDm, 'yes');
  });

  describe('errors surface as the SDK error types', () => {
    it('unknown files in update → CogniteMultiError, status 400, missing', async () => {
      const [a] = plain();
      const error = await sdk.files
        .update([
          { id: a!.id, update: { source: { set: 'x' } } },
          { id: 777, update: { source: { set: 'x' } } },
        ])
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      assert.ok(error instanceof CogniteMultiError, String(error));
      assert.equal(error.status, 400);
      assert.deepEqual(error.missing, [{ id: 777 }]);
      assert.equal(error.succeded.length, 0);
      assert.ok(error.requestIds[0], 'the x-request-id is surfaced');
      assert.notEqual(ctx.emulator.store.files.get(a!.id)!.source, 'x', 'nothing applied');
    });

    it('an externalId clash → status 409 with duplicated', async () => {
      const [a, b] = plain();
      const error = await sdk.files.update([{ id: a!.id, update: { externalId: { set: b!.externalId! } } }]).then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(error instanceof CogniteMultiError);
      assert.equal(error.status, 409);
      assert.deepEqual(error.duplicated, [{ externalId: b!.externalId }]);
    });

    it('the same file twice → status 400 with duplicated; name → 400', async () => {
      const [a] = plain();
      const twice = await sdk.files
        .update([
          { id: a!.id, update: {} },
          { id: a!.id, update: {} },
        ])
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      assert.ok(twice instanceof CogniteMultiError);
      assert.equal(twice.status, 400);
      assert.deepEqual(twice.duplicated, [{ id: a!.id }]);
      const renamed = await sdk.files
        .update([{ id: a!.id, update: { name: { set: 'x' } } } as unknown as FileChangeUpdate])
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      assert.ok(renamed instanceof CogniteMultiError);
      assert.match((renamed.errors[0] as CogniteError).errorMessage, /name cannot be updated/);
    });

    it('retrieve of an unknown id → missing; a bad list request → CogniteError 400', async () => {
      const error = await sdk.files.retrieve([{ id: 999 }]).then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(error instanceof CogniteMultiError || error instanceof CogniteError);
      assert.equal(error.status, 400);
      assert.deepEqual(error.missing, [{ id: 999 }]);
      const bad = await sdk.files.list({ limit: 5000 }).then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(bad instanceof CogniteError);
      assert.equal(bad.status, 400);
      assert.match(bad.errorMessage, /limit/);
    });

    it('a wrong token → 401 (the SDK re-asks its token provider once, then throws an HttpError)', async () => {
      const stranger = new CogniteClient({
        appId: 'x',
        project: ctx.emulator.project,
        baseUrl: ctx.emulator.baseUrl,
        oidcTokenProvider: () => Promise.resolve('wrong'),
      });
      ctx.emulator.clearRequests();
      const error = await stranger.files.list({ limit: 1 }).then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(error instanceof HttpError, String(error));
      assert.equal(error.status, 401);
      assert.deepEqual(
        ctx.emulator.requests.map((r) => r.status),
        [401, 401],
      );
    });
  });

  it('deletes, after which retrieve reports the files missing', async () => {
    const [a, b] = plain().slice(-2);
    await sdk.files.delete([{ id: a!.id }, { externalId: b!.externalId! }]);
    const error = await sdk.files.retrieve([{ id: a!.id }]).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof CogniteMultiError || error instanceof CogniteError);
    assert.deepEqual(error.missing, [{ id: a!.id }]);
  });

  it('uploads content (waiting for the acknowledgement) and downloads it again', async () => {
    const uploaded = await sdk.files.upload(
      { name: 'sdk.txt', mimeType: 'text/plain', externalId: 'sdk-upload' },
      'from the SDK',
      false,
      true,
    );
    assert.equal(uploaded.uploaded, true);
    const [link] = await sdk.files.getDownloadUrls([{ id: uploaded.id }]);
    assert.equal(await (await fetch(link!.downloadUrl)).text(), 'from the SDK');
    const stored = ctx.emulator.store.files.get(uploaded.id) as FileRecord;
    assert.equal(stored.externalId, 'sdk-upload');
  });
});
