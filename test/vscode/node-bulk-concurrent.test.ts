/**
 * Issue #12's "done when", in a real VS Code: a bulk tag edit over a filter of 2,000 CogniteFile
 * nodes with a concurrent writer reports every node and loses nothing. The colleague is a second
 * HTTP client of the demo's emulator; it writes 60 of the nodes after the job read them again just
 * before sending and before the job's upsert lands (the read's answer is slowed, not the write), so
 * CDF refuses the job's stale write (409) and the job must read, plan and send those nodes again.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { toInstanceFilter } from '../../src/core/browse';
import type { BulkRun } from '../../src/vscode/bulk/bulk-request';
import { activateExtension, closeAllEditors, openDemo, waitFor } from './helpers';

type Emulator = NonNullable<NonNullable<ExtensionApi['sessions']['active']>['demo']>;
type Node = { space: string; externalId: string; version: number; properties: Record<string, Record<string, Props>> };
type Props = { tags?: string[] | null; description?: string | null };

const SPACE = 'vscode_bulk_2k';
const COUNT = 2000;
const VIEW = { type: 'view', space: 'cdf_cdm', externalId: 'CogniteFile', version: 'v1' };
const xid = (i: number) => `doc-${String(i).padStart(4, '0')}`;
/** The colleague's 60: spread over both upsert requests of the job (1000 nodes each). */
const COLLEAGUE = Array.from({ length: 60 }, (_, k) => xid(k * 33 + 5));
const step = (what: string) => console.log(`  [node-bulk-2k] ${new Date().toISOString()} ${what}`);

describe('bulk actions on CogniteFile nodes: 2,000 nodes of a filter with a concurrent writer', function () {
  this.timeout(240_000);
  let api: ExtensionApi;
  let emulator: Emulator;
  /** A second client of the emulator over HTTP, with its own connection (as a colleague's script). */
  const post = async (route: string, body: unknown) => {
    const res = await fetch(`${emulator.apiBase}${route}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${emulator.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as { items: Node[] } };
  };
  const props = (n: Node): Props => n.properties[VIEW.space]?.[`${VIEW.externalId}/${VIEW.version}`] ?? {};
  const readAll = async (): Promise<Map<string, Node>> => {
    const nodes = new Map<string, Node>();
    for (let from = 0; from < COUNT; from += 1000) {
      const items = Array.from({ length: 1000 }, (_, k) => ({
        instanceType: 'node',
        space: SPACE,
        externalId: xid(from + k),
      }));
      const read = await post('/models/instances/byids', { items, sources: [{ source: VIEW }] });
      for (const n of read.body.items) nodes.set(n.externalId, n);
    }
    return nodes;
  };

  before(async () => {
    api = await activateExtension();
    emulator = await openDemo(api);
    assert.equal((await post('/models/spaces', { items: [{ space: SPACE }] })).status, 200);
    for (let from = 0; from < COUNT; from += 1000) {
      const items = Array.from({ length: 1000 }, (_, k) => {
        const i = from + k;
        const own = i % 3 === 0 ? { tags: ['pid'] } : {};
        return {
          instanceType: 'node',
          space: SPACE,
          externalId: xid(i),
          sources: [{ source: VIEW, properties: { name: `${xid(i)}.pdf`, directory: `/bulk/${i % 7}`, ...own } }],
        };
      });
      assert.equal((await post('/models/instances', { items })).status, 200);
    }
  });
  after(async () => {
    emulator.setFaults(undefined);
    await closeAllEditors();
    // Other suites count the demo's nodes: the 2,000 go again.
    for (let from = 0; from < COUNT; from += 1000) {
      const items = Array.from({ length: 1000 }, (_, k) => ({
        instanceType: 'node',
        space: SPACE,
        externalId: xid(from + k),
      }));
      await post('/models/instances/delete', { items });
    }
  });

  /** The colleague: reads the nodes over HTTP and writes a tag and a description at their versions. */
  const colleagueWrites = async (values: string[]) => {
    const inSpace = { equals: { property: ['node', 'space'], value: SPACE } };
    const read = await post('/models/instances/list', {
      instanceType: 'node',
      filter: { and: [inSpace, { in: { property: ['node', 'externalId'], values } }] },
      sources: [{ source: VIEW }],
      limit: 1000,
    });
    assert.equal(read.body.items.length, values.length);
    const items = read.body.items.map((n) => ({
      instanceType: 'node',
      space: n.space,
      externalId: n.externalId,
      existingVersion: n.version,
      sources: [
        {
          source: VIEW,
          properties: { tags: [...(props(n).tags ?? []), 'colleague'], description: 'colleague was here' },
        },
      ],
    }));
    const written = await post('/models/instances', { items });
    assert.equal(written.status, 200, JSON.stringify(written.body).slice(0, 300));
  };

  /**
   * Each time the job reads nodes again just before sending them, the colleague writes those of its
   * 60 the read named, once CDF answered the read (only the answer's body is slow) and before the job's
   * upsert: the job's write is then stale. Returns a stop that says which nodes the colleague wrote.
   */
  const colleagueDuringTheRun = (since: number) => {
    const written = new Set<string>();
    const seen = new Set<unknown>();
    let stopped = false;
    const reads = () =>
      emulator.requests.filter(
        (r) => r.time >= since && r.route === 'POST /models/instances/byids' && r.body && !seen.has(r),
      );
    const loop = (async () => {
      while (!stopped) {
        for (const r of reads()) {
          seen.add(r);
          const named = (r.body as { items: { externalId: string }[] }).items.map((i) => i.externalId);
          const values = named.filter((x) => COLLEAGUE.includes(x) && !written.has(x));
          if (!values.length) continue;
          await new Promise((resolve) => setTimeout(resolve, 200));
          await colleagueWrites(values);
          values.forEach((x) => written.add(x));
          step(`the colleague wrote ${values.length} nodes`);
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    return async () => {
      stopped = true;
      await loop;
      return written;
    };
  };

  it('tags every node of the filter, reports each once, and every colleague write stands', async () => {
    const original = await readAll();
    assert.equal(original.size, COUNT);
    // The job's read of the nodes just before sending is answered slowly (the answer, not the read):
    // the colleague's write lands between that read and the job's upsert.
    emulator.setFaults({ seed: 3, routes: { 'POST /models/instances/byids': { slowBodyMs: 3000 } } });
    const since = Date.now();
    const stopColleague = colleagueDuringTheRun(since);
    step('bulk edit of 2,000 nodes');
    const filter = toInstanceFilter({ spaces: [SPACE], directoryPrefix: '/bulk' });
    const run = await vscode.commands.executeCommand<BulkRun | undefined>('cdfFiles.bulkEdit', {
      kind: 'cognite-file',
      target: { kind: 'filter', label: `the nodes of ${SPACE}`, filter },
      operations: [{ op: 'add', field: 'tags', values: ['reviewed'] }],
      confirm: false,
    });
    step('bulk edit ran');
    const written = await stopColleague();
    emulator.setFaults(undefined);
    assert.ok(run, 'the command ran the edit');
    assert.equal(written.size, COLLEAGUE.length, 'the colleague wrote each of its nodes during the run');
    assert.equal(run.plan.counts.matched, COUNT, 'the filter is paged through to its end');
    const report = run.report;
    assert.equal(report.total, COUNT);
    assert.equal(report.applied.length, COUNT, JSON.stringify(report.failed.slice(0, 3)));
    const reported = new Set(report.items.map((o) => (o.item as { externalId: string }).externalId));
    assert.equal(reported.size, COUNT, 'every node reported once');
    const refused = emulator.requests.filter(
      (r) => r.time >= since && r.route === 'POST /models/instances' && r.status === 409,
    );
    assert.ok(refused.length >= 1, `CDF refused the job's stale writes (${refused.length} answers 409)`);

    const after = await readAll();
    for (const [x, node] of after) {
      const was = props(original.get(x)!);
      const theirs = COLLEAGUE.includes(x) ? ['colleague'] : [];
      assert.deepEqual(new Set(props(node).tags), new Set([...(was.tags ?? []), ...theirs, 'reviewed']), x);
      if (theirs.length)
        assert.equal(props(node).description, 'colleague was here', `${x}: the colleague's write stands`);
      else assert.equal(node.version, original.get(x)!.version + 1, `${x}: written once`);
    }

    await vscode.commands.executeCommand('cdfFiles.showBulkReport');
    const text = await waitFor('the bulk report', () => {
      const doc = vscode.window.activeTextEditor?.document;
      return doc?.uri.path.endsWith('/bulk/bulk-report.md') ? doc.getText() : undefined;
    });
    const notes = text
      .split('\n')
      .filter((l) => !l.startsWith('|'))
      .join('\n');
    assert.match(notes, /60 changed in CDF while this action sent them \(version conflict\)/, notes);
    for (const x of COLLEAGUE) assert.ok(text.includes(`${SPACE}:${x}`), `the report names ${x}`);
  });
});
