/**
 * A job cancelled right after CDF refused part of a chunk whose earlier attempt may have been
 * applied. The items sent back to the queue were carried by that attempt, so they may be changed
 * already: the report must not call them `notSent` ("not applied"), which is what a person reads
 * before deciding to run the job again or undo it.
 */
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client/cdf-client';
import type { FileUpdateItem } from '../../../src/cdf/model';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';

describe('reliability: cancelling after an ambiguous attempt', () => {
  let emu: RunningEmulator;
  before(async () => {
    emu = await startEmulator({ files: 20, seed: 4 });
  });
  after(() => emu.close());

  it('an item re-queued after a possibly-applied attempt is not reported notSent when the job is cancelled', async () => {
    const [a, b] = [...emu.store.files.values()].filter((r) => r.externalId !== undefined && !r.instanceId);
    assert.ok(a && b);
    // B is named by its externalId and renames itself: once applied, a re-send finds no such file.
    const items: FileUpdateItem[] = [
      { id: a.id, update: { metadata: { add: { step: 'applied-by-the-dropped-attempt' } } } },
      { externalId: b.externalId!, update: { externalId: { set: `${b.externalId}-renamed` } } },
    ];
    // The first request is handled, then its connection dropped: the client cannot know it landed.
    emu.setFaults({ routes: { 'POST /files/update': { dropRate: 1, dropAfterHandling: true } } });
    const controller = new AbortController();
    const client = new CdfClient({
      baseUrl: emu.baseUrl,
      project: emu.project,
      tokenProvider: new StaticTokenProvider(emu.token),
      retry: { baseDelayMs: 1, maxDelayMs: 2 },
    });
    const report = await client.updateFiles(items, {
      signal: controller.signal,
      onProgress: (p) => {
        // The retry (its request is about to leave) goes through cleanly...
        if (p.requestsSent === 2) emu.setFaults(undefined);
        // ...and is refused for B (`missing`); the person cancels the moment that shows.
        if (p.unknown >= 1) controller.abort();
      },
    });

    assert.equal(emu.store.files.get(a.id)?.metadata?.step, 'applied-by-the-dropped-attempt', 'A did change');
    assert.equal(report.items[1]?.outcome, 'unknown', 'B: the missing after a possibly-applied attempt');
    assert.notEqual(
      report.items[0]?.outcome,
      'notSent',
      'A was carried by the dropped (applied) attempt; "notSent" tells the user it did not change',
    );
    assert.equal(report.items[0]?.outcome, 'unknown');
  });
});
