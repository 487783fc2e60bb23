/**
 * The metadata filter as a user types it in the Filter picker. A value with a comma ("Smith, J.")
 * and a key without "=" used to become extra conditions on keys no file has: the view went empty
 * with no word why.
 */
import assert from 'node:assert/strict';
import { metadataFilterText, parseMetadataFilter, metadataFilterProblem } from '../../../../src/core/browse';

describe('parseMetadataFilter', () => {
  it('keeps a comma inside a value: only a comma before the next key=value separates conditions', () => {
    assert.deepEqual(parseMetadataFilter('inspector=Smith, J.'), { inspector: 'Smith, J.' });
    assert.deepEqual(parseMetadataFilter('inspector=Smith, J., plant=plant-c'), {
      inspector: 'Smith, J.',
      plant: 'plant-c',
    });
    assert.deepEqual(parseMetadataFilter(' plant = plant-c , area=40'), { plant: 'plant-c', area: '40' });
  });

  it('reads back what metadataFilterText wrote, a value with a comma included', () => {
    const metadata = { inspector: 'Smith, J.', plant: 'plant-c' };
    assert.deepEqual(parseMetadataFilter(metadataFilterText({ metadata })), metadata);
  });

  it('is undefined for an empty text (the filter is cleared)', () => {
    assert.equal(parseMetadataFilter('  '), undefined);
    assert.equal(metadataFilterProblem(' '), undefined);
  });
});

describe('metadataFilterProblem', () => {
  it('refuses a condition without "=" (it would match no file), naming it', () => {
    assert.match(metadataFilterProblem('plant') ?? '', /"plant".*key=value/);
    assert.match(metadataFilterProblem('plant, area=40') ?? '', /"plant"/);
  });

  it('refuses a key given twice (a file has one value per key; the last one silently won)', () => {
    assert.match(metadataFilterProblem('area=40, area=50') ?? '', /"area".*twice/);
  });

  it('accepts well-formed conditions, an empty value and "=" inside a value included', () => {
    for (const text of ['plant=plant-c', 'a=b=c', 'note=', 'inspector=Smith, J., area=40', '__proto__=x']) {
      assert.equal(metadataFilterProblem(text), undefined, text);
    }
  });
});
