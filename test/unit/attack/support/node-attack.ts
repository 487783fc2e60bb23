/**
 * What the node bulk attack tests share: a fresh emulator per test, clients of it (the run's, with
 * a hostile `fetch` in front of the real one; a colleague's, plain), and the update they send.
 */
import { startEmulator, type RunningEmulator } from '../../../../src/emulator';
import { CdfClient } from '../../../../src/cdf/client';
import { COGNITE_FILE_VIEW, type CogniteFileUpsertItem } from '../../../../src/cdf/model';

/** The item the bulk job plans for a node: its description written. */
export const described = (r: { space: string; externalId: string }): CogniteFileUpsertItem => ({
  instanceType: 'node',
  space: r.space,
  externalId: r.externalId,
  sources: [{ source: COGNITE_FILE_VIEW, properties: { description: 'written by the bulk job' } }],
});

/** An emulator of `files` demo files for each test of the calling `describe`; `env.emulator` is the current one. */
export function useNodeEmulator(files: number) {
  const env = { emulator: undefined as unknown as RunningEmulator };
  beforeEach(async () => (env.emulator = await startEmulator({ files })));
  afterEach(() => env.emulator.close());
  const client = (fetch?: typeof globalThis.fetch) =>
    new CdfClient({
      baseUrl: env.emulator.baseUrl,
      project: env.emulator.project,
      fetch,
      tokenProvider: { getToken: () => Promise.resolve(env.emulator.token), invalidate: () => undefined },
    });
  return { env, client };
}
