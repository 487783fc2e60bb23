/**
 * The accounting every fault run must pass: the client's report, the emulator's request log and
 * the records' writes tell one consistent story. Nothing is lost (every item has one outcome), nothing
 * is sent twice unseen (an item written twice was sent twice, and the report says so), and every
 * outcome matches the record: `applied` shows the change, `failed` and `notSent` left it untouched,
 * `unknown` is one or the other, never half of it.
 */
import assert from 'node:assert/strict';
import type { UpdateReport } from '../../../../src/cdf/model';
import type { FileRecord, FileUpdateItem } from '../../../../src/cdf/model';
import type { RecordedRequest, RunningEmulator } from '../../../../src/emulator';
import { assertReadOnlyFieldsKept, sameEditableState, showsUpdate } from './record-state';
import type { WriteSpy } from './write-spy';

export const isUpdateRequest = (r: RecordedRequest): boolean => r.method === 'POST' && r.path.endsWith('/files/update');

/** The ids a recorded update carried (requests refused before their body was read carry none). */
export function idsInBody(body: unknown): number[] {
  const items = (body as { items?: unknown[] } | undefined)?.items;
  return Array.isArray(items)
    ? items.flatMap((i) => (typeof (i as { id?: unknown }).id === 'number' ? [(i as { id: number }).id] : []))
    : [];
}

/** How often each id reached the emulator in an update request's body. */
export function serverSightings(requests: readonly RecordedRequest[]): Map<number, number> {
  const seen = new Map<number, number>();
  for (const r of requests.filter(isUpdateRequest))
    for (const id of idsInBody(r.body)) seen.set(id, (seen.get(id) ?? 0) + 1);
  return seen;
}

/**
 * The report's attempts against the emulator's log: every answer the client heard is a request the
 * emulator logged, with the same status; the emulator logged no update the client did not make.
 */
export function assertAttemptsMatchLog(report: UpdateReport, requests: readonly RecordedRequest[]): void {
  const logged = requests.filter(isUpdateRequest);
  const byRequestId = new Map(logged.map((r) => [r.requestId, r]));
  const heard = report.attempts.filter((a) => a.status !== undefined);
  for (const a of heard) {
    const r = a.requestId === undefined ? undefined : byRequestId.get(a.requestId);
    assert.ok(r, `the client heard ${a.status} for request ${a.requestId}, which the emulator never logged`);
    assert.equal(r.status, a.status, `request ${a.requestId}: emulator answered ${r.status}, client heard ${a.status}`);
  }
  assert.ok(
    logged.length <= report.attempts.length,
    `the emulator logged ${logged.length} updates, the client made ${report.attempts.length} attempts`,
  );
  const unheard = logged.length - heard.length;
  const unanswered = report.attempts.length - heard.length;
  assert.ok(unheard <= unanswered, `${unheard} logged requests unknown to the client, only ${unanswered} unanswered`);
  // The report's per-item send counts are its attempts, item by item.
  const sendsFromAttempts = new Map<number, number>();
  for (const a of report.attempts)
    for (const i of a.itemIndexes) sendsFromAttempts.set(i, (sendsFromAttempts.get(i) ?? 0) + 1);
  for (const o of report.items)
    assert.equal(o.sends, sendsFromAttempts.get(o.index) ?? 0, `item ${o.index}: sends vs attempts`);
}

export interface LedgerInput {
  report: UpdateReport;
  items: readonly FileUpdateItem[];
  emulator: RunningEmulator;
  spy: WriteSpy;
  /** Records before the run, by id. */
  before: ReadonlyMap<number, FileRecord>;
  /** What an applied item must look like; by default: `before` with the item's update applied. */
  expected?: (item: FileUpdateItem, before: FileRecord) => { matches(after: FileRecord): boolean };
}

const byUpdate = (item: FileUpdateItem, before: FileRecord) => ({
  matches: (after: FileRecord) => showsUpdate(before, after, item.update),
});

export function assertLedger(input: LedgerInput): void {
  const { report, items, emulator, spy, before } = input;
  const expected = input.expected ?? byUpdate;
  assert.equal(report.total, items.length, 'one outcome per item');
  assert.equal(report.items.length, items.length);
  assert.equal(
    report.applied.length + report.failed.length + report.unknown.length + report.notSent.length,
    items.length,
  );
  assertAttemptsMatchLog(report, emulator.requests);

  const sightings = serverSightings(emulator.requests);
  const itemIds = new Set<number>();
  report.items.forEach((o, i) => {
    assert.equal(o.index, i);
    assert.equal(o.item, items[i], `outcome ${i} is about another item`);
    const id = 'id' in o.item ? o.item.id : undefined;
    if (id === undefined) return;
    itemIds.add(id);
    const was = before.get(id);
    const now = emulator.store.files.get(id);
    const writes = spy.count(id);
    const seen = sightings.get(id) ?? 0;
    const what = `item ${i} (id ${id}, ${o.outcome}, sent ${o.sends}×, seen ${seen}×, written ${writes}×)`;
    assert.ok(seen <= o.sends, `${what}: the emulator saw it more often than the report says it was sent`);
    assert.ok(writes <= seen, `${what}: written more often than it reached the emulator`);
    if (!was || !now) {
      assert.equal(writes, 0, `${what}: a record that does not exist was written`);
      assert.notEqual(o.outcome, 'applied', `${what}: applied to a record that does not exist`);
      return;
    }
    assertReadOnlyFieldsKept(was, now, what);
    const unchanged = sameEditableState(now, was) && writes === 0;
    switch (o.outcome) {
      case 'applied':
        assert.ok(writes >= 1, `${what}: reported applied, never written`);
        assert.ok(o.sends > 1 || writes === 1, `${what}: sent once, written ${writes} times`);
        assert.ok(expected(o.item, was).matches(now), `${what}: the record does not show the change`);
        if (o.record) assert.ok(sameEditableState(o.record, now), `${what}: the returned record is not the stored one`);
        break;
      case 'failed':
        assert.ok(
          unchanged,
          `${what}: reported failed (${o.failure.reason}: ${o.failure.message}) but the record changed`,
        );
        break;
      case 'notSent':
        assert.ok(unchanged, `${what}: reported not sent but the record changed`);
        if (o.sends === 0) assert.equal(seen, 0, `${what}: reported not sent but reached the emulator`);
        break;
      case 'unknown':
        assert.ok(
          unchanged || expected(o.item, was).matches(now),
          `${what}: neither unchanged nor fully changed: half-applied`,
        );
        break;
    }
  });
  // Nothing outside the job was written.
  for (const [id, n] of spy.writes) assert.ok(itemIds.has(id), `record ${id} is not in the job but was written ${n}×`);
}
