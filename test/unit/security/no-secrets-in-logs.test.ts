/**
 * No token, client secret or Authorization header in any log line or message of a full client run:
 * every endpoint the editor uses, under faults (5xx, 429, drops, slow bodies, timeouts), with a
 * token that expires part-way and is refreshed, errors thrown and logged as the editor logs them.
 * The emulator's own request log keeps only the scheme of the Authorization header.
 */
import assert from 'node:assert/strict';
import { CachingTokenProvider } from '../../../src/cdf/auth/token-cache';
import { CdfClient } from '../helpers/cdf-client';
import { filesApiOf } from '../../../src/app/files-api-adapter';
import type { FileRecord, FileUpdateItem } from '../../../src/cdf/model';
import { planJob } from '../../../src/core/bulk';
import { compileAction } from '../../../src/core/bulk';
import { documentFromRecord } from '../../../src/core/records';
import { saveRecord } from '../helpers/save-outcomes';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { fakeJwt } from './helpers/jwt';
import { assertNoSecrets, captureAllLevels, errorText } from './helpers/leak-check';
import { CLASSIC_FILE_BULK, type ClassicUpdateItem } from '../../../src/core/classic-file';
import { classicBulkSource } from '../../../src/app';

/** Tokens the identity provider hands out: JWTs, each valid for a handful of requests. */
class ExpiringJwts {
  readonly issued: string[] = [];
  private current: string | undefined;
  private uses = 0;
  constructor(private readonly usesPerToken: number) {}
  provider() {
    return new CachingTokenProvider(() => {
      this.current = fakeJwt(`svc-${this.issued.length}`);
      this.issued.push(this.current);
      this.uses = 0;
      return Promise.resolve({ accessToken: this.current, expiresAt: Date.now() + 3_600_000 });
    });
  }
  verify = (token: string): boolean => token === this.current && ++this.uses <= this.usesPerToken;
}

describe('security: no secret in any log line or message of a faulty run', function () {
  this.timeout(60_000);
  const jwts = new ExpiringJwts(25);
  let emu: RunningEmulator;
  before(async () => {
    emu = await startEmulator({ files: 400, seed: 3, token: `never-used-${Math.random()}`, verifyToken: jwts.verify });
  });
  after(() => emu.close());

  it('every endpoint, faults on, the token expiring and refreshed, errors logged', async () => {
    emu.setFaults({
      seed: 12,
      routes: {
        '*': { errorRate: 0.2, errorStatus: 503, dropRate: 0.08, latencyMs: 1, slowBodyMs: 4 },
        'POST /files/update': { errorRate: 0.25, errorStatus: 500, dropRate: 0.1, dropAfterHandling: true },
        'POST /files/list': { errorRate: 0.3, errorStatus: 429 },
        // Always failing: the client gives up and says so in a warning.
        'POST /files/search': { errorRate: 1, errorStatus: 502 },
      },
    });
    const logger = captureAllLevels();
    const client = new CdfClient({
      baseUrl: emu.baseUrl,
      project: emu.project,
      tokenProvider: jwts.provider(),
      logger,
      retry: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 3, attemptTimeoutMs: 2000 },
    });
    const messages: string[] = [];
    /** What the editor does with a failure: log it, show its message. */
    const attempt = async (what: string, run: () => Promise<unknown>): Promise<unknown> => {
      try {
        return await run();
      } catch (error) {
        logger.error(error as Error);
        logger.error(`${what} failed:`, error);
        messages.push(errorText(error));
        return undefined;
      }
    };

    const ids = [...emu.store.files.values()].map((r) => r.id);
    // A file not linked to a data modelling instance, so a save may change its source.
    const unlinked = [...emu.store.files.values()].find((r) => r.instanceId === undefined)!;
    const uploaded = [...emu.store.files.values()].filter((r) => r.uploaded).map((r) => ({ id: r.id }));
    const reports: unknown[] = [];
    await attempt('list', () => client.listFilesPage({ limit: 50 }));
    await attempt('partitions', async () => {
      for await (const page of client.listFilesPartitioned(undefined, 3, { limit: 200 })) void page;
    });
    await attempt('byids', () => client.retrieveFiles(ids.slice(0, 30).map((id) => ({ id }))));
    await attempt('byids unknown', () => client.retrieveFiles([{ id: 1 }]));
    await attempt('get', () => client.getFile(ids[0]!));
    await attempt('search', () => client.searchFiles({ search: { name: 'pump' }, limit: 10 }));
    await attempt('aggregate', () => client.aggregateFiles({ uploaded: true }));
    await attempt('data sets', async () => {
      for await (const page of client.listDataSets()) void page;
    });
    await attempt('labels', async () => {
      for await (const page of client.listLabels()) void page;
    });
    await attempt('assets', () => client.searchAssets({ search: { query: 'pump' } }));
    const links = (await attempt('download links', () => client.downloadLinks(uploaded.slice(0, 5)))) as
      { downloadUrl: string }[] | undefined;
    for (const link of links ?? [])
      await attempt('download', async () => (await client.fetchDownload(link.downloadUrl)).arrayBuffer());
    const items: FileUpdateItem[] = ids.slice(0, 300).map((id, i) => ({
      id,
      update:
        i % 50 === 0
          ? { labels: { add: [{ externalId: 'NO_SUCH_LABEL' }] } }
          : { metadata: { add: { secured: `${i}` } } },
    }));
    const report = await client.updateFiles(items, { chunkSize: 20 });
    reports.push(report, await client.retryUpdate(report));
    await attempt('update once', () => client.updateFilesOnce([{ id: ids[1]!, update: { source: { set: 'x' } } }]));
    const base = (await attempt('open', () => client.getFile(unlinked.id))) as FileRecord | undefined;
    if (base) {
      const saved = await attempt('save', () =>
        saveRecord({
          base,
          text: JSON.stringify({ ...documentFromRecord(base), source: 'secure save' }),
          api: filesApiOf(client),
          resolveConflicts: () => Promise.resolve('overwrite'),
        }),
      );
      // Sent, whatever came of it (a refused document would prove nothing here).
      assert.notEqual((saved as { kind?: string } | undefined)?.kind, 'invalid');
    }
    const compiled = compileAction(CLASSIC_FILE_BULK, [{ op: 'metadataAdd', key: 'job', value: 'secure' }]);
    assert.ok(compiled.ok);
    const plan = (await attempt('plan', () =>
      planJob(
        classicBulkSource(filesApiOf(client)),
        { kind: 'filter', label: 'SAP', filter: { source: 'SAP' } },
        compiled.action,
      ),
    )) as Awaited<ReturnType<typeof planJob<FileRecord, ClassicUpdateItem>>> | undefined;
    if (plan) reports.push(await filesApiOf(client).updateMany(plan.items, { chunkSize: 25 }));

    assert.ok(jwts.issued.length >= 3, `the token was refreshed (${jwts.issued.length} issued)`);
    assert.ok(logger.lines.length > 100, `the run logged (${logger.lines.length} lines)`);
    assert.ok(logger.lines.some((l) => l.startsWith('[warn]')) && messages.length > 0, 'the run met failures');
    assert.ok(
      emu.requests.some((r) => r.status === 401),
      'a token expired mid-run',
    );
    assert.ok(
      emu.requests.some((r) => r.fault !== undefined),
      'faults were injected',
    );

    assertNoSecrets('the log', logger.lines.join('\n'), jwts.issued);
    assertNoSecrets('error messages', messages.join('\n'), jwts.issued);
    assertNoSecrets('update reports', JSON.stringify(reports), jwts.issued);
    assertNoSecrets("the emulator's request log", JSON.stringify(emu.requests), jwts.issued);
    for (const r of emu.requests) {
      assert.equal(r.headers.authorization, 'Bearer', 'recorded requests keep only the scheme');
      assert.ok(!JSON.stringify(r.query).includes('eyJ'), 'no token in a query string');
    }
  });
});
