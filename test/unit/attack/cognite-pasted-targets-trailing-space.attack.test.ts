// Attack (issue 12, bulk targets): a pasted list of nodes is "one `space:externalId` per line ...
// the rest is the externalId exactly, spaces and commas included" (core/cognite-file/
// node-targets-text.ts). A node externalId may end or start with a space (CDF allows any characters
// but NUL), yet each line is trimmed first, so "plant:P-101 " names the node "P-101", a DIFFERENT
// node when both exist: the bulk action then changes the wrong one. Expected: the externalId is
// kept exactly as given (only the line break is dropped), as the JSON array form already does.
import assert from 'node:assert/strict';
import { parseNodeTargets } from '../../../src/core/cognite-file';

describe('attack: a pasted node whose externalId ends with a space', () => {
  it('keeps the externalId exactly, trailing space included', () => {
    const parsed = parseNodeTargets('plant:P-101 \nplant:P-101\n');
    assert.deepEqual(parsed.targets, [
      { space: 'plant', externalId: 'P-101 ' },
      { space: 'plant', externalId: 'P-101' },
    ]);
  });

  it('names the same nodes as the JSON array form of the same list', () => {
    const json = parseNodeTargets(JSON.stringify(['plant: leading', 'plant:trailing ']));
    const lines = parseNodeTargets('plant: leading\nplant:trailing \n');
    assert.deepEqual(lines.targets, json.targets);
  });
});
