/**
 * The contract of core/bulk over a record kind that is not the classic file: keyed by
 * "space:externalId", with a version the API enforces and a text list sent as a whole value (as
 * CogniteFile nodes are). A real job runs on it: plan, send with a colleague's write landing on one
 * item between the re-read and the send, per-item report, kept action, undo. The API here is the
 * port's contract test: it enforces versions as data modeling's `existingVersion` does (classic
 * files keep their tests against the emulator over HTTP).
 */
import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { buildReport } from '../../../../src/cdf/client/update/update-report';
import type { ItemOutcome, UpdateOptions } from '../../../../src/cdf/model';
import {
  BulkJobs,
  CONFLICT_ROUNDS,
  parseChangesCsv,
  planImport,
  schemaMessage,
  type BulkKind,
  type BulkRecordsApi,
  type JobScope,
} from '../../../../src/core/bulk';
import { setKind, textKind } from '../../../../src/core/fields';
import type { KindField } from '../../../../src/core/records';
import { MemoryStore } from '../../support/memory-action-store';

interface TestNode {
  space: string;
  externalId: string;
  version: number;
  name: string;
  title?: string;
  tags?: string[];
}
/** An upsert item: only the changed properties, lists whole, and the version it was planned on. */
interface NodeItem {
  space: string;
  externalId: string;
  existingVersion: number;
  properties: Record<string, unknown>;
}

/** A set of strings; it behaves as the id sets do, whose name it borrows (messages only). */
const textSet = setKind({
  name: 'idSet',
  members: {
    key: (tag) => tag as string,
    duplicateCode: 'duplicate-label',
    check: (tag) => (typeof tag === 'string' && tag.length > 0 ? undefined : 'a tag is non-empty text'),
  },
  element: (tag) => tag,
  parseInput: (text) => ({ ok: true, value: text.split(',').map((t) => t.trim()) }),
});

const fields: KindField[] = [
  { name: 'title', kind: textKind, schema: z.string().check(z.maxLength(50)), description: 'A title.' },
  { name: 'tags', kind: textSet, schema: z.array(z.string()).check(z.maxLength(4)), description: 'Tags.' },
];
const keyOf = (r: { space: string; externalId: string }): string => `${r.space}:${r.externalId}`;
const IDENTITY = new Set(['space', 'externalId', 'version', 'name']);

const TEST_NODE: BulkKind<TestNode, NodeItem> = {
  name: 'test-node',
  noun: () => 'node',
  nouns: () => 'nodes',
  fields,
  key: keyOf,
  label: (r) => r.name,
  keyOfItem: keyOf,
  version: (r) => r.version,
  concurrency: 'server',
  encodeUpdate: (record, patches) => ({
    space: record.space,
    externalId: record.externalId,
    existingVersion: record.version,
    // The field kind applies its own patch to the value read: the list goes out whole.
    properties: Object.fromEntries(
      fields.flatMap((f) => {
        const patch = (patches as Record<string, object | undefined>)[f.name];
        if (!patch) return [];
        const value = f.kind.apply(record[f.name as keyof TestNode], patch);
        return [[f.name, f.kind.isEmpty(value) ? null : value]];
      }),
    ),
  }),
  document: {
    readOnlyFields: [...IDENTITY].map((name) => ({ name, schema: z.unknown(), description: name })),
    order: ['space', 'externalId', 'version', 'name', 'title', 'tags'],
    identityFields: ['space', 'externalId'],
    versionField: 'version',
    keyOf: () => undefined,
    render: (r) => ({ ...r }),
    schema: z.unknown(),
    jsonSchema: () => ({}),
    selectionJsonSchema: () => ({}),
  },
  checkValue: (name, value) => {
    const field = fields.find((f) => f.name === name);
    return field ? schemaMessage(field.schema, value, name) : `no field ${name}`;
  },
  readOnlyReason: (name) => (IDENTITY.has(name) ? `${name} is set by the API` : undefined),
  refusals: () => [],
  checkItem: () => undefined,
  uniqueFields: [],
  // A CSV names a node in one column, `key`, as "space:externalId".
  csvIdentity: {
    columns: (heading) => (heading.includes('key') ? { columns: ['key'] } : { problem: 'no key column' }),
    rowRef: (cells) => {
      const key = cells.get('key')?.text;
      return key ? { ref: key } : undefined;
    },
    unnamed: () => 'the row names no node',
    repeated: (ref, first) => `${String(ref)} is already changed by row ${first}`,
  },
  refMatches: (record, ref) => keyOf(record) === ref,
};

/** The API's side: nodes by key, versions that grow on every write, stale writes refused per item. */
class NodeStore implements BulkRecordsApi<TestNode, NodeItem> {
  readonly nodes = new Map<string, TestNode>();
  readonly sent: NodeItem[][] = [];
  /** Runs once, just before the next update request is applied (a colleague's write landing in between). */
  beforeNextWrite: (() => void) | undefined;

  constructor(nodes: TestNode[]) {
    for (const n of nodes) this.nodes.set(keyOf(n), structuredClone(n));
  }

  write(key: string, properties: Record<string, unknown>): TestNode {
    const node = structuredClone(this.nodes.get(key)!) as TestNode & Record<string, unknown>;
    for (const [name, value] of Object.entries(properties))
      if (value === null) delete node[name];
      else node[name] = value;
    node.version += 1;
    this.nodes.set(key, node);
    return structuredClone(node);
  }

  retrieveExisting = (keys: readonly string[]): Promise<TestNode[]> =>
    Promise.resolve(keys.flatMap((k) => (this.nodes.has(k) ? [structuredClone(this.nodes.get(k)!)] : [])));
  retrieve = (keys: readonly string[]): Promise<TestNode[]> => this.retrieveExisting(keys);
  retrieveRefs = (refs: readonly unknown[]): Promise<TestNode[]> => this.retrieveExisting(refs as string[]);
  listPages = async function* (this: void): AsyncGenerator<TestNode[]> {
    yield await Promise.resolve([]);
  };
  update = (): Promise<TestNode[]> => Promise.reject(new Error('bulk sends through updateMany'));

  updateMany = (items: readonly NodeItem[], _options: UpdateOptions) => {
    this.sent.push(structuredClone([...items]));
    const colleague = this.beforeNextWrite;
    this.beforeNextWrite = undefined;
    colleague?.();
    const outcomes = items.map((item, index): ItemOutcome<NodeItem, TestNode> => {
      const now = this.nodes.get(keyOf(item));
      if (!now) return { index, item, sends: 1, outcome: 'failed', failure: { reason: 'missing', message: 'no node' } };
      if (now.version !== item.existingVersion)
        return {
          index,
          item,
          sends: 1,
          outcome: 'failed',
          failure: { reason: 'conflict', message: `version ${now.version}, not ${item.existingVersion}`, status: 409 },
        };
      return { index, item, sends: 1, outcome: 'applied', record: this.write(keyOf(item), item.properties) };
    });
    const stats = { requestsSent: 1, throttled: 0, peakConcurrency: 1, finalConcurrency: 1, durationMs: 1 };
    return Promise.resolve(buildReport(outcomes as unknown as ItemOutcome[], [], false, stats) as never);
  };
}

const node = (space: string, externalId: string, fields: Partial<TestNode> = {}): TestNode => ({
  space,
  externalId,
  version: 1,
  name: `${space}/${externalId}.pdf`,
  ...fields,
});

describe('core/bulk over a second record kind (space:externalId, versions, whole lists)', () => {
  const target = { kind: 'ids' as const, label: '3 nodes', refs: ['plant:p-1', 'plant:p-2', 'lab:p-3'] };
  const operations = [
    { op: 'add' as const, field: 'tags', values: ['checked'] },
    { op: 'set' as const, field: 'title', value: 'Pumps' },
  ];
  let api: NodeStore;
  let scope: JobScope<TestNode, NodeItem>;

  beforeEach(() => {
    api = new NodeStore([
      node('plant', 'p-1', { tags: ['pump'] }),
      node('plant', 'p-2', { tags: ['valve'], version: 4 }),
      node('lab', 'p-3'),
    ]);
    scope = { kind: TEST_NODE, api, project: { baseUrl: 'https://example.test', project: 'p' } };
  });

  it('plans upserts of only the changed properties, lists whole, at the version read', async () => {
    const jobs = new BulkJobs(new MemoryStore());
    const job = await jobs.planEdit(scope, target, operations);
    assert.deepEqual(job.plan.items, [
      {
        space: 'plant',
        externalId: 'p-1',
        existingVersion: 1,
        properties: { title: 'Pumps', tags: ['pump', 'checked'] },
      },
      {
        space: 'plant',
        externalId: 'p-2',
        existingVersion: 4,
        properties: { title: 'Pumps', tags: ['valve', 'checked'] },
      },
      { space: 'lab', externalId: 'p-3', existingVersion: 1, properties: { title: 'Pumps', tags: ['checked'] } },
    ]);
    assert.equal(job.plan.counts.changed, 3);
  });

  it('a version conflict on the item a colleague changed: read again, planned again on their write, sent again; the report names it; undo restores only the action', async () => {
    const store = new MemoryStore();
    const jobs = new BulkJobs(store);
    const job = await jobs.planEdit(scope, target, operations);
    // Between the job's re-read of the window and its request, a colleague writes p-2.
    api.beforeNextWrite = () => api.write('plant:p-2', { tags: ['valve', 'colleague'] });
    const report = await jobs.run(job, scope);
    await jobs.settled(); // the run's outcomes kept (after its report)

    assert.deepEqual(
      report.items.map((o) => [keyOf(o.item), o.outcome]),
      [
        ['plant:p-1', 'applied'],
        ['plant:p-2', 'applied'],
        ['lab:p-3', 'applied'],
      ],
    );
    assert.deepEqual(
      api.sent.map((request) => request.map((i) => [keyOf(i), i.existingVersion])),
      [
        [
          ['plant:p-1', 1],
          ['plant:p-2', 4],
          ['lab:p-3', 1],
        ],
        [['plant:p-2', 5]],
      ],
      'the refused item alone is sent again, at the version the colleague left',
    );
    assert.deepEqual(api.nodes.get('plant:p-2')?.tags, ['valve', 'colleague', 'checked'], "the colleague's tag stays");
    const text = job.record.reportTexts[0] ?? '';
    assert.match(text, /1 changed in CDF while this action sent them \(version conflict\).*: plant:p-2/);
    assert.deepEqual(
      [...(store.saved?.entries ?? [])].map(([key, e]) => [key, e.outcome]),
      [
        ['plant:p-1', 'applied'],
        ['plant:p-2', 'applied'],
        ['lab:p-3', 'applied'],
      ],
      "the kept action is keyed by the kind's text key",
    );

    const { job: undoJob } = await jobs.planUndo(scope);
    assert.deepEqual(
      undoJob.plan.items.map((i) => [keyOf(i), i.existingVersion, i.properties]),
      [
        ['plant:p-1', 2, { title: null, tags: ['pump'] }],
        ['plant:p-2', 6, { title: null, tags: ['valve', 'colleague'] }],
        ['lab:p-3', 2, { title: null, tags: null }],
      ],
    );
    const undone = await jobs.run(undoJob, scope);
    await jobs.settled(); // the run's outcomes kept (after its report)
    assert.equal(undone.applied.length, 3);
    assert.deepEqual(api.nodes.get('plant:p-1'), { ...node('plant', 'p-1', { tags: ['pump'] }), version: 3 });
    assert.deepEqual(api.nodes.get('lab:p-3'), { ...node('lab', 'p-3'), version: 3 });
    assert.deepEqual(api.nodes.get('plant:p-2')?.tags, ['valve', 'colleague'], "the colleague's write stands");
  });

  it('a record a colleague keeps writing ends as a reported conflict after a few rounds, never overwritten', async () => {
    const jobs = new BulkJobs(new MemoryStore());
    const job = await jobs.planEdit(scope, target, operations);
    let writes = 0;
    const colleague = () => {
      api.write('plant:p-2', { title: `colleague ${++writes}` });
      api.beforeNextWrite = colleague;
    };
    api.beforeNextWrite = colleague;
    const report = await jobs.run(job, scope);
    await jobs.settled(); // the run's outcomes kept (after its report)
    assert.deepEqual(
      report.items.map((o) => o.outcome),
      ['applied', 'failed', 'applied'],
    );
    assert.equal(report.failed[0]?.failure.reason, 'conflict');
    assert.equal(api.nodes.get('plant:p-2')?.title, `colleague ${writes}`, 'the last colleague write stands');
    assert.equal(api.sent.length, 1 + CONFLICT_ROUNDS, 'one first send, then a bounded number of rounds');
  });

  it('re-plans on what the API holds just before sending: a write made after the preview is kept, not overwritten', async () => {
    const jobs = new BulkJobs(new MemoryStore());
    const job = await jobs.planEdit(scope, target, operations);
    api.write('plant:p-2', { tags: ['valve', 'colleague'] }); // after the preview, before Apply
    const report = await jobs.run(job, scope);
    await jobs.settled(); // the run's outcomes kept (after its report)
    assert.equal(report.applied.length, 3);
    assert.deepEqual(api.sent[0]?.[1], {
      space: 'plant',
      externalId: 'p-2',
      existingVersion: 5,
      properties: { title: 'Pumps', tags: ['valve', 'colleague', 'checked'] },
    });
  });

  it('imports a CSV of changes keyed by the kind: rows plan through the same job loop', async () => {
    const csv = parseChangesCsv(TEST_NODE, 'key,title,tags\r\nlab:p-3,Lab,"a, b"\r\nplant:p-1,,\r\nlab:p-3,x,\r\n');
    assert.deepEqual(csv.problems, [{ row: 4, line: 4, message: 'lab:p-3 is already changed by row 2' }]);
    const { plan } = await planImport(scope, csv, 'nodes.csv');
    assert.deepEqual(plan.items, [
      { space: 'lab', externalId: 'p-3', existingVersion: 1, properties: { title: 'Lab', tags: ['a', 'b'] } },
    ]);
    assert.equal(plan.counts.unchanged, 1, 'a row that changes nothing');
  });

  it('refuses to resume or undo the action on another record kind, in plain words', async () => {
    const store = new MemoryStore();
    const jobs = new BulkJobs(store);
    await jobs.run(await jobs.planEdit(scope, target, operations), scope);
    await jobs.settled(); // the run's outcomes kept (after its report)
    const other = { ...TEST_NODE, name: 'other-kind' };
    await assert.rejects(
      jobs.planUndo({ ...scope, kind: other }),
      /changed test-node records, not other-kind records; it can be resumed or undone only there/,
    );
  });
});
