/** The Filter picker's word on a value the API would refuse: a sentence in the display language. */
import assert from 'node:assert/strict';
import * as l10n from '@vscode/l10n';
import { fileFilterProblem } from '../../../../src/core/browse';

describe('fileFilterProblem', () => {
  afterEach(() => l10n.config({ contents: {} }));

  it('says a prefix over its limit as a sentence naming the field, its length and the limit', () => {
    assert.equal(
      fileFilterProblem({ externalIdPrefix: 'x'.repeat(300) }),
      'externalIdPrefix is 300 characters; the API allows at most 255.',
    );
  });

  it('says a metadata value over its limit in bytes', () => {
    assert.match(fileFilterProblem({ metadata: { k: '€'.repeat(4000) } }) ?? '', /12000 bytes \(UTF-8\)/);
  });

  it('goes through the translation (zod\'s "Too big: expected string…" could not)', () => {
    l10n.config({
      contents: { '{0} is {1} characters; the API allows at most {2}.': '{0}: {1} Zeichen; höchstens {2}.' },
    });
    assert.equal(fileFilterProblem({ mimeType: 'x'.repeat(300) }), 'mimeType: 300 Zeichen; höchstens 256.');
  });

  it('is undefined for a filter the API takes', () => {
    assert.equal(
      fileFilterProblem({ externalIdPrefix: 'sap:', metadata: JSON.parse('{"": "x", "__proto__": "y"}') }),
      undefined,
    );
  });
});
