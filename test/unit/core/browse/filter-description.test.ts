/** The line that says what the files view is narrowed to: readable, and in the display language. */
import assert from 'node:assert/strict';
import * as l10n from '@vscode/l10n';
import { describeFilter } from '../../../../src/core/browse';

describe('describeFilter', () => {
  afterEach(() => l10n.config({ contents: {} }));

  it('names the search and every condition of the filter', () => {
    const line = describeFilter(
      {
        directoryPrefix: '/plant-a',
        mimeType: 'application/pdf',
        labels: { containsAny: [{ externalId: 'pid' }, { externalId: 'rev' }] },
        uploaded: false,
      },
      'pump',
    );
    assert.equal(line, 'search "pump" · in /plant-a · application/pdf · labels any of pid, rev · not uploaded');
  });

  it('speaks through the l10n bundle, leaving the user\u2019s own keys and values as they are', () => {
    l10n.config({ contents: { 'search "{0}"': 'Suche „{0}“', 'not uploaded': 'nicht hochgeladen' } });
    const metadata = JSON.parse('{"__proto__":"x"}') as Record<string, string>;
    assert.equal(
      describeFilter({ uploaded: false, metadata }, 'pump'),
      'Suche „pump“ · __proto__=x · nicht hochgeladen',
    );
  });
});
