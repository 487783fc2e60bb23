import assert from 'node:assert/strict';
import { testClock, useEmulator } from './helpers';
import { dms, fileItem, fileProps } from './dms-helpers';

describe('emulator: data modeling upsert', function () {
  const clock = testClock();
  const ctx = useEmulator({ files: 300, seed: 3, now: clock.now });
  const api = () => dms(ctx.emulator);
  const SPACE = 'plant_a_documents';
  let n = 0;
  const fresh = () => `test_node_${++n}`;

  it('creates a node at version 1, then grows the version only when something changed', async () => {
    const id = fresh();
    const created = await api().upsert([fileItem(SPACE, id, { name: 'a.pdf', tags: ['x'] })]);
    assert.equal(created.status, 200, JSON.stringify(created.body));
    assert.deepEqual(created.body.items[0], {
      instanceType: 'node',
      space: SPACE,
      externalId: id,
      version: 1,
      wasModified: true,
      createdTime: clock.now(),
      lastUpdatedTime: clock.now(),
    });
    clock.advance(1000);
    const same = await api().upsert([fileItem(SPACE, id, { name: 'a.pdf' })]);
    assert.equal(same.body.items[0].version, 1);
    assert.equal(same.body.items[0].wasModified, false);
    assert.equal(same.body.items[0].lastUpdatedTime, clock.now() - 1000);
    const changed = await api().upsert([fileItem(SPACE, id, { name: 'b.pdf' })]);
    assert.equal(changed.body.items[0].version, 2);
    assert.equal(changed.body.items[0].wasModified, true);
    const read = await api().byIds([{ space: SPACE, externalId: id }]);
    assert.deepEqual(fileProps(read.body.items[0]), { name: 'b.pdf', tags: ['x'] }, 'patch: tags kept');
  });

  it('clears a property with null, and with replace resets what the item leaves out', async () => {
    const id = fresh();
    await api().upsert([fileItem(SPACE, id, { name: 'c.pdf', description: 'd', mimeType: 'application/pdf' })]);
    await api().upsert([fileItem(SPACE, id, { description: null })]);
    let read = await api().byIds([{ space: SPACE, externalId: id }]);
    assert.deepEqual(fileProps(read.body.items[0]), { name: 'c.pdf', mimeType: 'application/pdf' });
    await api().upsert([fileItem(SPACE, id, { name: 'only.pdf' })], { replace: true });
    read = await api().byIds([{ space: SPACE, externalId: id }]);
    assert.deepEqual(fileProps(read.body.items[0]), { name: 'only.pdf' });
  });

  it('fails the whole request with 409 on a stale existingVersion, or skips the item when asked', async () => {
    const a = fresh();
    const b = fresh();
    await api().upsert([fileItem(SPACE, a, { name: 'a' }), fileItem(SPACE, b, { name: 'b' })]);
    await api().upsert([fileItem(SPACE, a, { name: 'a2' })]);
    const stale = [fileItem(SPACE, a, { name: 'mine' }, { existingVersion: 1 }), fileItem(SPACE, b, { name: 'b2' })];
    const conflict = await api().upsert(stale);
    assert.equal(conflict.status, 409);
    assert.equal(conflict.body.error.code, 409);
    assert.match(conflict.body.error.message, /version/);
    let read = await api().byIds([
      { space: SPACE, externalId: a },
      { space: SPACE, externalId: b },
    ]);
    assert.deepEqual(
      read.body.items.map(fileProps).map((p: { name: string }) => p.name),
      ['a2', 'b'],
      'nothing written',
    );
    const skipped = await api().upsert(stale, { skipOnVersionConflict: true });
    assert.equal(skipped.status, 200);
    assert.deepEqual(
      skipped.body.items.map((i: { externalId: string }) => i.externalId),
      [b],
    );
    read = await api().byIds([
      { space: SPACE, externalId: a },
      { space: SPACE, externalId: b },
    ]);
    assert.deepEqual(
      read.body.items.map(fileProps).map((p: { name: string }) => p.name),
      ['a2', 'b2'],
    );
    const current = await api().upsert([fileItem(SPACE, a, { name: 'ok' }, { existingVersion: 2 })]);
    assert.equal(current.body.items[0].version, 3);
    const insertOnly = await api().upsert([fileItem(SPACE, a, { name: 'x' }, { existingVersion: 0 })]);
    assert.equal(insertOnly.status, 409, 'existingVersion 0 inserts only');
  });

  it('refuses duplicates in one request (400 duplicated) and unknown spaces (400 missing)', async () => {
    const id = fresh();
    const dup = await api().upsert([fileItem(SPACE, id, { name: 'a' }), fileItem(SPACE, id, { name: 'b' })]);
    assert.equal(dup.status, 400);
    assert.deepEqual(dup.body.error.duplicated, [{ instanceType: 'node', space: SPACE, externalId: id }]);
    const noSpace = await api().upsert([fileItem('no_such_space', id, { name: 'a' })]);
    assert.equal(noSpace.status, 400);
    assert.deepEqual(noSpace.body.error.missing, [{ space: 'no_such_space' }]);
    assert.equal((await api().byIds([{ space: SPACE, externalId: id }])).body.items.length, 0);
    const twice = [
      { instanceType: 'node', space: SPACE, externalId: id },
      { instanceType: 'node', space: SPACE, externalId: id },
    ];
    for (const route of ['/models/instances/byids', '/models/instances/delete']) {
      const r = await api().post(route, { items: twice });
      assert.equal(r.status, 400, route);
      assert.deepEqual(r.body.error.duplicated, [twice[0]], route);
    }
  });

  it('with autoCreateDirectRelations false, a missing target is a 400 with missing; by default it is created', async () => {
    const id = fresh();
    const target = { space: 'plant_assets', externalId: 'asset_typo_20_K_9999' };
    const refused = await api().upsert([fileItem(SPACE, id, { assets: [target] })], {
      autoCreateDirectRelations: false,
    });
    assert.equal(refused.status, 400);
    assert.deepEqual(refused.body.error.missing, [{ instanceType: 'node', ...target }]);
    assert.equal((await api().byIds([{ space: SPACE, externalId: id }])).body.items.length, 0, 'nothing written');
    const created = await api().upsert([fileItem(SPACE, id, { assets: [target] })]);
    assert.equal(created.status, 200);
    const empty = await api().byIds([target], []);
    assert.equal(empty.body.items.length, 1, 'the target exists now, as an empty node');
  });

  it('checks values against the view: types, lists, unknown and read-only properties, timestamps', async () => {
    const id = fresh();
    const bad = async (properties: Record<string, unknown>, pattern: RegExp) => {
      const r = await api().upsert([fileItem(SPACE, id, properties)]);
      assert.equal(r.status, 400, JSON.stringify(properties));
      assert.match(r.body.error.message, pattern);
    };
    await bad({ name: 5 }, /items\[0\]\.sources\[0\]\.properties\.name: expected text/);
    await bad({ tags: 'x' }, /tags: expected a list/);
    await bad({ tags: Array.from({ length: 1001 }, (_, i) => `t${i}`) }, /at most 1000/);
    await bad({ nope: 1 }, /has no property "nope"/);
    await bad({ equipment: [] }, /read-only/);
    await bad({ sourceCreatedTime: '2024-13-45' }, /ISO 8601/);
    await bad({ sourceCreatedTime: '2023-02-29T12:00:00Z' }, /ISO 8601/); // Date.parse would roll it to 1 March
    await bad({ category: { space: SPACE } }, /direct relation/);
    const shape = await api().upsert([{ instanceType: 'node', space: SPACE, externalId: id, existingVersion: -1 }]);
    assert.match(shape.body.error.message, /Invalid request: items\[0\]\.existingVersion:/);
    const ok = await api().upsert([fileItem(SPACE, id, { sourceCreatedTime: '2024-05-01T12:00:00Z' })]);
    assert.equal(ok.status, 200);
    const read = await api().byIds([{ space: SPACE, externalId: id }]);
    assert.equal(fileProps(read.body.items[0]).sourceCreatedTime, '2024-05-01T12:00:00.000+00:00');
  });

  it('keeps the linked classic file in step: created, renamed, deleted with the node', async () => {
    const id = fresh();
    await api().upsert([fileItem(SPACE, id, { name: 'linked.pdf', directory: '/x', mimeType: 'application/pdf' })]);
    const classic = () => ctx.emulator.store.files.getByInstanceId({ space: SPACE, externalId: id });
    assert.deepEqual(
      { name: classic()?.name, directory: classic()?.directory, mimeType: classic()?.mimeType },
      { name: 'linked.pdf', directory: '/x', mimeType: 'application/pdf' },
    );
    await api().upsert([fileItem(SPACE, id, { name: 'renamed.pdf', directory: null })]);
    assert.equal(classic()?.name, 'renamed.pdf');
    assert.equal(classic()?.directory, undefined);
    const del = await api().post('/models/instances/delete', {
      items: [{ instanceType: 'node', space: SPACE, externalId: id }],
    });
    assert.equal(del.status, 200);
    assert.equal(classic(), undefined);
    assert.equal((await api().byIds([{ space: SPACE, externalId: id }])).body.items.length, 0);
  });

  it('refuses a "__proto__" property, includeTyping, and nodes past the instance limit', async () => {
    const id = fresh();
    const proto = await api().post(
      '/models/instances',
      `{"items":[{"instanceType":"node","space":"${SPACE}","externalId":"${id}","sources":[{"source":{"type":"view","space":"cdf_cdm","externalId":"CogniteFile","version":"v1"},"properties":{"__proto__":{"name":"x"}}}]}]}`,
    );
    assert.equal(proto.status, 400);
    assert.match(proto.body.error.message, /has no property "__proto__"/);
    const typing = await api().list({ includeTyping: true });
    assert.equal(typing.status, 400);
    assert.match(typing.body.error.message, /includeTyping/);
    const limits = ctx.emulator.store.modelLimits;
    ctx.emulator.store.modelLimits = { ...limits, instancesLimit: ctx.emulator.store.nodes.size };
    try {
      const over = await api().upsert([fileItem(SPACE, id, { name: 'one too many' })]);
      assert.equal(over.status, 400);
      assert.match(over.body.error.message, /instance limit/);
    } finally {
      ctx.emulator.store.modelLimits = limits;
    }
  });

  it('an upsert with a stale delete writes nothing (one transaction)', async () => {
    const [a, b] = [fresh(), fresh()];
    await api().upsert([fileItem(SPACE, a, { name: 'a' })]);
    await api().upsert([fileItem(SPACE, a, { name: 'a2' })]);
    const r = await api().upsert([fileItem(SPACE, b, { name: 'b' })], {
      delete: [{ instanceType: 'node', space: SPACE, externalId: a, existingVersion: 1 }],
    });
    assert.equal(r.status, 409);
    assert.equal((await api().byIds([{ space: SPACE, externalId: b }])).body.items.length, 0);
    const ok = await api().upsert([fileItem(SPACE, b, { name: 'b' })], {
      delete: [{ instanceType: 'node', space: SPACE, externalId: a, existingVersion: 2 }],
    });
    assert.deepEqual(ok.body.deleted, [{ instanceType: 'node', space: SPACE, externalId: a }]);
    assert.equal((await api().byIds([{ space: SPACE, externalId: a }])).body.items.length, 0);
  });
});
