// Attack (issue 12, emulator): a filter's property reference is a list of texts (`["node",
// "externalId"]` or `[space, "View/version", property]`). The emulator's resolveProperty
// (emulator/dms/property-ref.ts) checks the list's length but not that its items are texts, so
// `["cdf_cdm", {}, "name"]` or `[1, 2, 3]` throws inside the handler and is answered 500 "Emulator
// error: source.indexOf is not a function", on list, search and aggregate alike. CDF answers a
// malformed request 400 with a message; a 500 tells a client to retry (and the demo's client would
// report a server fault). Expected: 400 naming the filter, on every route that takes a filter.
import assert from 'node:assert/strict';
import { COGNITE_FILE_VIEW } from '../../../src/cdf/model';
import { client as http, useEmulator } from '../emulator/helpers';

const BAD_PROPERTIES: unknown[][] = [
  [1, 2, 3],
  ['cdf_cdm', {}, 'name'],
  [null, null, null],
];

describe('attack: a filter property reference holding non-texts', () => {
  const ctx = useEmulator({ files: 20, seed: 7 });

  for (const property of BAD_PROPERTIES)
    for (const [path, body] of [
      ['/models/instances/list', { instanceType: 'node' }],
      ['/models/instances/search', { view: COGNITE_FILE_VIEW }],
      ['/models/instances/aggregate', { view: COGNITE_FILE_VIEW }],
    ] as const)
      it(`${path} with ${JSON.stringify(property)}: 400, not 500`, async () => {
        const answer = await http(ctx.emulator).post(path, { ...body, filter: { exists: { property } } });
        assert.equal(answer.status, 400, JSON.stringify(answer.body));
      });
});
