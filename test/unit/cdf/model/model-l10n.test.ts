/**
 * The API vocabulary's own sentences (zod refinements, the rename refusal, sign-in and address errors)
 * go through @vscode/l10n and are looked up when they are said, not when the module loads: the bundle
 * is set at activation, after src/cdf/model has been imported.
 */
import assert from 'node:assert/strict';
import * as l10n from '@vscode/l10n';
import { StaticTokenProvider } from '../../../../src/cdf/auth/static-token';
import { validateBaseUrl } from '../../../../src/cdf/client/base-url';
import { fileUpdateItem, geometry, metadataMap, nameNotUpdatable } from '../../../../src/cdf/model';

const PSEUDO = '⟦translated⟧';

describe('src/cdf speaks through the l10n bundle', () => {
  const sentences = [
    'Each id may appear only once',
    'Metadata values are strings',
    'A linear ring must end at the point it starts from',
    '{0} must not contain a user name or password.',
    'The CDF base URL',
    'The token is empty.',
  ];
  before(() => l10n.config({ contents: Object.fromEntries(sentences.map((s) => [s, `${PSEUDO} ${s}`])) }));
  after(() => l10n.config({ contents: {} }));

  /** Every message of a failed parse, those inside a union's branches too. */
  const messages = (result: { error?: { issues: readonly Issue[] } }): string[] => flat(result.error?.issues ?? []);

  it('zod refinements and checks of the model', () => {
    const twice = fileUpdateItem.safeParse({ id: 1, update: { assetIds: { set: [5, 5] } } });
    assert.ok(
      messages(twice).some((m) => m === `${PSEUDO} Each id may appear only once`),
      messages(twice).join(),
    );
    const notString = metadataMap.safeParse({ a: 1 });
    assert.deepEqual(messages(notString), [`${PSEUDO} Metadata values are strings`]);
    const open = geometry.safeParse({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
        ],
      ],
    });
    assert.ok(messages(open).includes(`${PSEUDO} A linear ring must end at the point it starts from`));
  });

  it('the rename refusal, a sign-in error and an address error', () => {
    l10n.config({ contents: { [englishRename()]: `${PSEUDO} rename` } });
    assert.equal(nameNotUpdatable(), `${PSEUDO} rename`);
    l10n.config({ contents: Object.fromEntries(sentences.map((s) => [s, `${PSEUDO} ${s}`])) });
    assert.throws(() => new StaticTokenProvider(' '), { message: `${PSEUDO} The token is empty.` });
    assert.throws(() => validateBaseUrl('https://u:p@example.com'), {
      message: `${PSEUDO} ${PSEUDO} The CDF base URL must not contain a user name or password.`,
    });
  });
});

/** The English sentence, read with no bundle set. */
function englishRename(): string {
  l10n.config({ contents: {} });
  return nameNotUpdatable();
}

interface Issue {
  message: string;
  errors?: readonly (readonly Issue[])[];
}
function flat(issues: readonly Issue[]): string[] {
  return issues.flatMap((i) => [i.message, ...(i.errors ?? []).flatMap(flat)]);
}
