// Attack (issue 11 regression, classic keys as text): a classic record URI names the file by a text
// key; src/vscode/record-uri.ts CLASSIC_URI.validKey accepts /^\d+$/ with a safe positive value, so
// `cdf-record:/demo/files/0123/x.json` is a valid URI of file 123 (before the rewrite the URI was
// parsed to the number 123 and opened). The generic pipeline now passes the text key '0123' to the
// classic port's retrieve, which reads file 123 and then looks it up under its own key '123': the
// existing file is reported missing (RecordsMissingError -> FileNotFound "deleted, or never
// existed"). Same for retrieve's duplicates: ['123', '123'] is a 400 "Duplicate identifiers" instead
// of the file twice (or one refusal that names the repeat). Expected: a key the URI accepts finds its file.
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client';
import { classicRecordsApi, filesApiOf } from '../../../src/app';
import { useEmulator } from '../emulator/helpers';

/** CLASSIC_URI.validKey (src/vscode/record-uri.ts imports vscode, so it is repeated here). */
const validKey = (key: string) => /^\d+$/.test(key) && Number.isSafeInteger(Number(key)) && Number(key) > 0;

describe('attack: a classic key the record URI accepts names its file', () => {
  const ctx = useEmulator({ files: 20, seed: 2 });

  it("retrieve('0' + id) finds the existing file", async () => {
    const { baseUrl, project, token } = ctx.emulator;
    const client = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) });
    const api = classicRecordsApi(filesApiOf(client));
    const id = [...ctx.emulator.store.files.values()][0]!.id;
    const key = `0${id}`;
    assert.ok(validKey(key), 'the record URI accepts it');
    const found = await api.retrieve([key]).catch((e: unknown) => e);
    assert.ok(Array.isArray(found), `the existing file ${id} is reported as: ${String(found)}`);
    assert.equal((found as { id: number }[])[0]!.id, id);
  });
});
