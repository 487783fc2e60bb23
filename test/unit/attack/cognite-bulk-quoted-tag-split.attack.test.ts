// Attack (issue 12, bulk wizard input): "Add tags…" asks for "tags, separated by commas"
// (vscode/bulk/node-operation-wizard.ts). A CDF data engineer whose tag holds a comma quotes it, as in
// CSV: `"Area 10, north"`. core/fields/input.ts `listItems` splits the text at every comma, so the
// action adds the two tags `"Area 10` and `north"`, quote characters included, with no word of
// warning; only a JSON array (which the prompt never mentions) keeps the tag whole. Expected: a
// quoted item is one tag without its quotes, or the input is refused with a message saying how to
// write such a tag; never tags holding stray quote characters.
import assert from 'node:assert/strict';
import { parseElementsInput } from '../../../src/core/bulk';
import { COGNITE_FILE_BULK } from '../../../src/core/cognite-file';

describe('attack: a quoted tag with a comma typed into the node bulk wizard', () => {
  for (const field of ['tags', 'aliases'])
    it(`${field}: "Area 10, north" is not split into tags holding quote characters`, () => {
      const parsed = parseElementsInput(COGNITE_FILE_BULK, field, '"Area 10, north", PID');
      if (!parsed.ok) return; // refused with a message: acceptable
      const stray = parsed.value.filter((v) => typeof v === 'string' && v.includes('"'));
      assert.deepEqual(stray, [], `the wizard would write ${JSON.stringify(parsed.value)}`);
      assert.deepEqual(parsed.value, ['Area 10, north', 'PID']);
    });
});
