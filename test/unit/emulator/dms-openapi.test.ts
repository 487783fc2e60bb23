import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { client, useEmulator, type Answer } from './helpers';
import { ASSET_VIEW, FILE_VIEW, fileItem } from './dms-helpers';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const specPath = path.resolve(repoRoot, '..', 'shared', 'cdf-api', 'cdf-dms-instances-openapi.json');

type Response = { $ref?: string; content?: Record<string, { schema: unknown }> };
type Spec = {
  paths: Record<string, Record<string, { responses: Record<string, Response> }>>;
  components: { schemas: Record<string, Record<string, unknown>>; responses: Record<string, Response> };
};
const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

/**
 * Validates data modeling answers against the OpenAPI description, with four liberties, each
 * forced by the document and asserted to still be needed:
 * - `oneOf` is read as `anyOf`: a property value may be `{"type":"object"}` in two alternatives,
 *   so a strict oneOf rejects every direct relation;
 * - `NodeOrEdgeExternalId`'s pattern is escaped twice (`[^\\x00]` excludes backslash, `x` and `0`),
 *   read as what it says, "no NUL";
 * - `DeletedInstances` has at least one item, yet the upsert answer requires `deleted`, which is
 *   empty when nothing was deleted;
 * - `AggregatedResultItemCollection` requires a `properties` member it does not define;
 * - `AggregatedResultItem` has at least one aggregate, yet `groupBy` without `aggregates` answers
 *   "the unique values stored for each field", with no aggregate to give.
 */
class SpecValidator {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(private readonly spec: Spec) {
    addFormats(this.ajv);
    for (const f of ['int32', 'int64'])
      this.ajv.addFormat(f, { type: 'number', validate: (n: number) => Number.isInteger(n) });
    const patched = JSON.parse(JSON.stringify(spec).replaceAll('"oneOf":', '"anyOf":')) as Spec;
    const s = patched.components.schemas;
    assert.equal(s.NodeOrEdgeExternalId?.pattern, '^[^\\\\x00]{1,256}$', 'drop the pattern liberty');
    s.NodeOrEdgeExternalId.pattern = '^[^\\u0000]{1,256}$';
    assert.equal(s.DeletedInstances?.minItems, 1, 'drop the DeletedInstances liberty');
    s.DeletedInstances.minItems = 0;
    const required = s.AggregatedResultItemCollection?.required as string[];
    assert.deepEqual(required, ['items', 'properties'], 'drop the aggregate liberty');
    s.AggregatedResultItemCollection!.required = ['items'];
    const item = s.AggregatedResultItem?.properties as Record<string, { minItems?: number }>;
    assert.equal(item.aggregates?.minItems, 1, 'drop the unique values liberty');
    item.aggregates.minItems = 0;
    this.ajv.addSchema(patched, 'spec');
  }

  validatorFor(specPath: string, method: string, status: number): ValidateFunction {
    const responses = this.spec.paths[specPath]?.[method]?.responses;
    assert.ok(responses, `${method.toUpperCase()} ${specPath} is in the spec`);
    const documented = responses[String(status)];
    const where = documented?.$ref
      ? `#/components/responses/${pointer(documented.$ref.split('/').pop()!)}`
      : documented
        ? `#/paths/${pointer(specPath)}/${method}/responses/${status}`
        : '#/components/responses/ErrorResponse';
    let validate = this.cache.get(where);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `spec${where}/content/application~1json/schema` });
      this.cache.set(where, validate);
    }
    return validate;
  }
}

describe('conformance: data modeling answers validate against the OpenAPI description', function () {
  this.timeout(20_000);
  const ctx = useEmulator({ files: 600, seed: 8 });
  let spec: SpecValidator;

  before(function () {
    if (!fs.existsSync(specPath)) {
      console.log(`      (skipped: the OpenAPI description is not at ${specPath})`);
      this.skip();
    }
    spec = new SpecValidator(JSON.parse(fs.readFileSync(specPath, 'utf8')) as Spec);
  });

  async function check(operation: string, send: (c: ReturnType<typeof client>) => Promise<Answer>, status: number) {
    const [method, specPath] = operation.split(' ') as [string, string];
    const res = await send(client(ctx.emulator));
    assert.equal(res.status, status, JSON.stringify(res.body).slice(0, 400));
    const validate = spec.validatorFor(specPath, method, status);
    assert.ok(validate(res.body), `${operation} ${status}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
    return res;
  }
  const sources = [{ source: FILE_VIEW }, { source: ASSET_VIEW }];
  const SPACE = 'plant_b_documents';

  it('instances: list (every node, all views), byids, search, aggregate', async () => {
    const all = await check('post /models/instances/list', (c) => c.post('/models/instances/list', { sources }), 200);
    assert.ok(all.body.items.length > 500, 'assets, categories, sources and files');
    const ids = all.body.items.slice(0, 50).map((n: { space: string; externalId: string }) => ({
      instanceType: 'node',
      space: n.space,
      externalId: n.externalId,
    }));
    await check('post /models/instances/byids', (c) => c.post('/models/instances/byids', { items: ids, sources }), 200);
    const search = { view: FILE_VIEW, query: 'pump', limit: 1000 };
    await check('post /models/instances/search', (c) => c.post('/models/instances/search', search), 200);
    const groupBy = ['mimeType', 'category'];
    await check(
      'post /models/instances/aggregate',
      (c) => c.post('/models/instances/aggregate', { view: FILE_VIEW, groupBy, aggregates: [{ count: {} }] }),
      200,
    );
    await check(
      'post /models/instances/aggregate',
      (c) => c.post('/models/instances/aggregate', { view: FILE_VIEW, groupBy }),
      200,
    );
    await check(
      'post /models/instances/aggregate',
      (c) => c.post('/models/instances/aggregate', { view: FILE_VIEW, aggregates: [{ count: { property: 'name' } }] }),
      200,
    );
  });

  it('instances: upsert and delete; statistics, spaces, views', async () => {
    const item = fileItem(SPACE, 'spec_node', {
      name: 'spec.pdf',
      assets: [{ space: 'plant_assets', externalId: 'x' }],
    });
    await check('post /models/instances', (c) => c.post('/models/instances', { items: [item] }), 200);
    const del = { items: [{ instanceType: 'node', space: SPACE, externalId: 'spec_node' }] };
    await check('post /models/instances/delete', (c) => c.post('/models/instances/delete', del), 200);
    await check('get /models/statistics', (c) => c.get('/models/statistics'), 200);
    await check('get /models/spaces', (c) => c.get('/models/spaces?includeGlobal=true&limit=2'), 200);
    const views = ['CogniteFile', 'CogniteAsset', 'CogniteFileCategory', 'CogniteSourceSystem'];
    const got = await check(
      'post /models/views/byids',
      (c) => c.post('/models/views/byids', { items: views.map((externalId) => ({ space: 'cdf_cdm', externalId })) }),
      200,
    );
    assert.deepEqual(
      got.body.items.map((v: { externalId: string }) => v.externalId),
      views,
    );
  });

  it('error bodies: 400 (validation, missing, duplicated), 409 conflict, 401, 429', async () => {
    await check('post /models/instances/list', (c) => c.post('/models/instances/list', { limit: 0 }), 400);
    const item = fileItem(SPACE, 'spec_err', { name: 'x' });
    const dup = await check('post /models/instances', (c) => c.post('/models/instances', { items: [item, item] }), 400);
    assert.ok(dup.body.error.duplicated);
    const target = { assets: [{ space: 'plant_assets', externalId: 'typo' }] };
    const missing = await check(
      'post /models/instances',
      (c) =>
        c.post('/models/instances', { items: [fileItem(SPACE, 'spec_err', target)], autoCreateDirectRelations: false }),
      400,
    );
    assert.ok(missing.body.error.missing);
    await check('post /models/instances', (c) => c.post('/models/instances', { items: [item] }), 200);
    const stale = fileItem(SPACE, 'spec_err', { name: 'y' }, { existingVersion: 0 });
    await check('post /models/instances', (c) => c.post('/models/instances', { items: [stale] }), 409);
    await check(
      'post /models/instances/list',
      () => client(ctx.emulator, 'wrong').post('/models/instances/list', {}),
      401,
    );
    ctx.emulator.setThrottle({ requestsPerSecond: 1, burst: 1 });
    try {
      await client(ctx.emulator).post('/models/instances/list', {});
      await check('post /models/instances/list', (c) => c.post('/models/instances/list', {}), 429);
    } finally {
      ctx.emulator.setThrottle(undefined);
    }
  });
});
